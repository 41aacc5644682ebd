using Amazon.EC2;
using Compliance.Checker.Live.Collection;
using Compliance.Rules.Inventory;
using Ec2 = Amazon.EC2.Model;

namespace Compliance.Checker.Live.Collectors;

/// <summary>
/// Security groups (DescribeSecurityGroups) with their rules (DescribeSecurityGroupRules, one rule per peer with its
/// sgr- id). Both calls list the whole region, or filter on group-id for a targeted scan: two calls either way.
/// The two answers must agree: every rule names one peer, and a group's permissions (DescribeSecurityGroups) list as
/// many peers per direction as it has rules. Where they do not (an emulator that drops IPv6 peers or every CIDR but the
/// first, or a rule changed between the two calls), that direction's rules are unknown rather than read as fewer rules.
/// </summary>
public sealed partial class Ec2Collector
{
    private static async Task ReadSecurityGroupsAsync(IAmazonEC2 client, CollectorContext context, CancellationToken cancellationToken)
    {
        if (NothingWanted(context, ResourceTypes.SecurityGroup))
        {
            return;
        }

        var filters = IdFilter("group-id", context.Scope.IdsFor(ResourceTypes.SecurityGroup));
        var groupsTask = ListAsync(context, "DescribeSecurityGroups", ResourceTypes.SecurityGroup,
            (token, ct) => client.DescribeSecurityGroupsAsync(new Ec2.DescribeSecurityGroupsRequest { Filters = filters, MaxResults = 1000, NextToken = token }, ct),
            page => page.SecurityGroups, page => page.NextToken, cancellationToken);
        var rulesTask = ListAsync(context, "DescribeSecurityGroupRules", ResourceTypes.SecurityGroup,
            (token, ct) => client.DescribeSecurityGroupRulesAsync(new Ec2.DescribeSecurityGroupRulesRequest { Filters = filters, MaxResults = 1000, NextToken = token }, ct),
            page => page.SecurityGroupRules, page => page.NextToken, cancellationToken);
        var (groups, _) = await groupsTask;
        var (rules, rulesComplete) = await rulesTask;

        // A rule list cut short by a failed page cannot say which groups it covered: every group's rules are unknown.
        var rulesByGroup = rulesComplete ? rules.Where(r => r.GroupId is not null).ToLookup(r => r.GroupId, StringComparer.Ordinal) : null;
        foreach (var group in groups)
        {
            var (ingress, egress) = rulesByGroup is null ? (null, null) : SplitRules(context, group, rulesByGroup[group.GroupId].OrderBy(r => r.SecurityGroupRuleId, StringComparer.Ordinal));
            context.Builder.Add(new SecurityGroup
            {
                Id = group.GroupId,
                Region = context.Region,
                AccountId = context.AccountId,
                Arn = Arn(context, $"security-group/{group.GroupId}"),
                Tags = Tags(group.Tags),
                GroupName = group.GroupName ?? "",
                Description = group.Description ?? "",
                VpcId = group.VpcId,
                IngressRules = ingress,
                EgressRules = egress,
            });
        }
    }

    /// <summary>
    /// A group's rules by direction. A direction is unknown when one of its rules names no protocol or no peer, or when
    /// its rule count differs from the number of peers the group's permissions list for it.
    /// </summary>
    private static (List<SecurityGroupRule>? Ingress, List<SecurityGroupRule>? Egress) SplitRules(
        CollectorContext context, Ec2.SecurityGroup group, IEnumerable<Ec2.SecurityGroupRule> rules)
    {
        var groupId = group.GroupId;
        List<SecurityGroupRule>? ingress = [];
        List<SecurityGroupRule>? egress = [];
        var counted = (Ingress: 0, Egress: 0);
        void Unknown(bool isEgress, string code, string reason)
        {
            context.Missing(Ec2Service, "DescribeSecurityGroupRules", ResourceTypes.SecurityGroup, code,
                $"{reason}; the group's {(isEgress ? "outbound" : "inbound")} rules are unknown.", groupId);
            if (isEgress)
            {
                egress = null;
            }
            else
            {
                ingress = null;
            }
        }

        foreach (var rule in rules)
        {
            var isEgress = rule.IsEgress ?? false;
            counted = isEgress ? (counted.Ingress, counted.Egress + 1) : (counted.Ingress + 1, counted.Egress);
            if (rule.IpProtocol is null)
            {
                Unknown(isEgress, "InvalidRule", $"Rule {rule.SecurityGroupRuleId} came without a protocol");
                continue;
            }

            var (v4, v6, prefixList, referenced) = (NullIfEmpty(rule.CidrIpv4), NullIfEmpty(rule.CidrIpv6), NullIfEmpty(rule.PrefixListId), NullIfEmpty(rule.ReferencedGroupInfo?.GroupId));
            if (v4 is null && v6 is null && prefixList is null && referenced is null)
            {
                Unknown(isEgress, "InvalidRule", $"Rule {rule.SecurityGroupRuleId} came without a peer (no CIDR, prefix list or security group)");
                continue;
            }

            (isEgress ? egress : ingress)?.Add(new SecurityGroupRule
            {
                RuleId = rule.SecurityGroupRuleId,
                IpProtocol = rule.IpProtocol,
                FromPort = rule.FromPort,
                ToPort = rule.ToPort,
                CidrIpv4 = v4,
                CidrIpv6 = v6,
                PrefixListId = prefixList,
                ReferencedGroupId = referenced,
                Description = rule.Description ?? "",
            });
        }

        foreach (var (isEgress, permissions, count) in new[] { (false, group.IpPermissions, counted.Ingress), (true, group.IpPermissionsEgress, counted.Egress) })
        {
            var peers = (permissions ?? []).Sum(p => (p.Ipv4Ranges?.Count ?? 0) + (p.Ipv6Ranges?.Count ?? 0) + (p.PrefixListIds?.Count ?? 0) + (p.UserIdGroupPairs?.Count ?? 0));
            if (peers != count && (isEgress ? egress : ingress) is not null)
            {
                Unknown(isEgress, "InconsistentRules",
                    $"DescribeSecurityGroupRules returned {count} {(isEgress ? "outbound" : "inbound")} rule{(count == 1 ? "" : "s")} but DescribeSecurityGroups lists {peers} peer{(peers == 1 ? "" : "s")}");
            }
        }

        return (ingress, egress);
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
