using Amazon.EC2;
using Compliance.Checker.Live.Collection;
using Compliance.Rules.Inventory;
using Ec2 = Amazon.EC2.Model;

namespace Compliance.Checker.Live.Collectors;

/// <summary>
/// Security groups (DescribeSecurityGroups) with their rules (DescribeSecurityGroupRules, one rule per peer with its
/// sgr- id). Both calls list the whole region, or filter on group-id for a targeted scan: two calls either way.
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
            var (ingress, egress) = rulesByGroup is null ? (null, null) : SplitRules(context, group.GroupId, rulesByGroup[group.GroupId].OrderBy(r => r.SecurityGroupRuleId, StringComparer.Ordinal));
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

    /// <summary>A group's rules by direction; a direction with a rule that names no protocol is unknown.</summary>
    private static (List<SecurityGroupRule>? Ingress, List<SecurityGroupRule>? Egress) SplitRules(
        CollectorContext context, string groupId, IEnumerable<Ec2.SecurityGroupRule> rules)
    {
        List<SecurityGroupRule>? ingress = [];
        List<SecurityGroupRule>? egress = [];
        foreach (var rule in rules)
        {
            var isEgress = rule.IsEgress ?? false;
            if (rule.IpProtocol is null)
            {
                context.Missing(Ec2Service, "DescribeSecurityGroupRules", ResourceTypes.SecurityGroup, "InvalidRule",
                    $"Rule {rule.SecurityGroupRuleId} came without a protocol; the group's {(isEgress ? "outbound" : "inbound")} rules are unknown.", groupId);
                if (isEgress)
                {
                    egress = null;
                }
                else
                {
                    ingress = null;
                }

                continue;
            }

            (isEgress ? egress : ingress)?.Add(new SecurityGroupRule
            {
                RuleId = rule.SecurityGroupRuleId,
                IpProtocol = rule.IpProtocol,
                FromPort = rule.FromPort,
                ToPort = rule.ToPort,
                CidrIpv4 = rule.CidrIpv4,
                CidrIpv6 = rule.CidrIpv6,
                PrefixListId = rule.PrefixListId,
                ReferencedGroupId = rule.ReferencedGroupInfo?.GroupId,
                Description = rule.Description ?? "",
            });
        }

        return (ingress, egress);
    }
}
