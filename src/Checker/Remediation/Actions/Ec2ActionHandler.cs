using Amazon.EC2;
using Amazon.Runtime;
using Compliance.Checker.Live;
using Compliance.Rules;
using Compliance.Rules.EC2;
using static Compliance.Rules.EC2.SecurityGroupRuleActions;
using Ec2 = Amazon.EC2.Model;

namespace Compliance.Checker.Remediation.Actions;

/// <summary>
/// The EC2 actions of the security-group remediations, spelled as <see cref="SecurityGroupRuleActions"/> says.
/// A revoke names its rules only by SecurityGroupRuleIds (never IpPermissions, which could match more than the
/// rule judged); a revoke of an id that no longer exists (InvalidSecurityGroupRuleId.NotFound) answers
/// "alreadyAbsent" = "true" rather than failing, so running a fix twice is harmless. Describe lists the group's rules
/// (filter group-id, optionally security-group-rule-id), every page.
/// </summary>
public sealed class Ec2ActionHandler : IAwsActionHandler
{
    /// <summary>EC2's answer when a security-group rule id does not exist.</summary>
    public const string RuleIdNotFound = "InvalidSecurityGroupRuleId.NotFound";

    private const string Service = "ec2";

    public IReadOnlyList<string> Actions { get; } = [RevokeIngress, RevokeEgress, DescribeRules];

    public async Task<IReadOnlyDictionary<string, string>> InvokeAsync(AwsSession session, RemediationAction action, CancellationToken cancellationToken)
    {
        var client = session.Ec2(Required(action, Region));
        var groupId = Required(action, GroupId);
        var ids = SplitIds(action.Parameters.GetValueOrDefault(SecurityGroupRuleIds)).ToList();
        return action.Action switch
        {
            RevokeIngress => await RevokeAsync(session, action, ids, async ct =>
            {
                var response = await client.RevokeSecurityGroupIngressAsync(new Ec2.RevokeSecurityGroupIngressRequest { GroupId = groupId, SecurityGroupRuleIds = ids }, ct);
                return (response.Return, response.RevokedSecurityGroupRules?.Select(r => r.SecurityGroupRuleId));
            }, cancellationToken),
            RevokeEgress => await RevokeAsync(session, action, ids, async ct =>
            {
                var response = await client.RevokeSecurityGroupEgressAsync(new Ec2.RevokeSecurityGroupEgressRequest { GroupId = groupId, SecurityGroupRuleIds = ids }, ct);
                return (response.Return, response.RevokedSecurityGroupRules?.Select(r => r.SecurityGroupRuleId));
            }, cancellationToken),
            DescribeRules => await DescribeAsync(session, client, action, groupId, ids, cancellationToken),
            _ => throw new ArgumentException($"{nameof(Ec2ActionHandler)} does not perform {action.Action}.", nameof(action)),
        };
    }

    private static async Task<IReadOnlyDictionary<string, string>> RevokeAsync(
        AwsSession session,
        RemediationAction action,
        List<string> ids,
        Func<CancellationToken, Task<(bool? Return, IEnumerable<string>? Revoked)>> revoke,
        CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            throw new ArgumentException($"{action.Action} needs {SecurityGroupRuleIds}: a rule is only ever revoked by its id.", nameof(action));
        }

        var operation = action.Action[(Service.Length + 1)..];
        try
        {
            var (returned, revoked) = await revoke(cancellationToken);
            session.Calls.Record(Service, operation, succeeded: true);
            var answer = new Dictionary<string, string>(StringComparer.Ordinal) { [Return] = returned == false ? "false" : "true" };
            if (revoked?.Where(id => id is not null).ToList() is { Count: > 0 } list)
            {
                answer[RevokedSecurityGroupRuleIds] = JoinIds(list);
            }

            return answer;
        }
        catch (AmazonServiceException ex) when (ex.ErrorCode == RuleIdNotFound)
        {
            session.Calls.Record(Service, operation, succeeded: false);
            return new Dictionary<string, string>(StringComparer.Ordinal) { [AlreadyAbsent] = "true" };
        }
        catch (AmazonServiceException ex)
        {
            session.Calls.Record(Service, operation, succeeded: false);
            throw new AwsActionException(action.Action, ex.ErrorCode ?? ex.StatusCode.ToString(), ex.Message, ex);
        }
    }

    private static async Task<IReadOnlyDictionary<string, string>> DescribeAsync(
        AwsSession session, IAmazonEC2 client, RemediationAction action, string groupId, List<string> ids, CancellationToken cancellationToken)
    {
        var filters = new List<Ec2.Filter> { new() { Name = "group-id", Values = [groupId] } };
        if (ids.Count > 0)
        {
            filters.Add(new Ec2.Filter { Name = "security-group-rule-id", Values = ids });
        }

        var rules = new List<DescribedSecurityGroupRule>();
        string? token = null;
        do
        {
            var request = new Ec2.DescribeSecurityGroupRulesRequest { Filters = filters, MaxResults = 1000, NextToken = token };
            Ec2.DescribeSecurityGroupRulesResponse page;
            try
            {
                page = await client.DescribeSecurityGroupRulesAsync(request, cancellationToken);
                session.Calls.Record(Service, "DescribeSecurityGroupRules", succeeded: true);
            }
            catch (AmazonServiceException ex)
            {
                session.Calls.Record(Service, "DescribeSecurityGroupRules", succeeded: false);
                throw new AwsActionException(action.Action, ex.ErrorCode ?? ex.StatusCode.ToString(), ex.Message, ex);
            }

            rules.AddRange((page.SecurityGroupRules ?? [])
                .Where(r => r.SecurityGroupRuleId is not null && (r.GroupId is null || r.GroupId == groupId))
                .Select(r => new DescribedSecurityGroupRule(r.IsEgress ?? false, new Rules.Inventory.SecurityGroupRule
                {
                    RuleId = r.SecurityGroupRuleId,
                    IpProtocol = r.IpProtocol ?? "",
                    FromPort = r.FromPort,
                    ToPort = r.ToPort,
                    CidrIpv4 = r.CidrIpv4,
                    CidrIpv6 = r.CidrIpv6,
                    PrefixListId = r.PrefixListId,
                    ReferencedGroupId = r.ReferencedGroupInfo?.GroupId,
                })));
            token = page.NextToken == token ? null : page.NextToken; // a token that does not advance would loop forever
        }
        while (!string.IsNullOrEmpty(token));

        return EncodeRules(rules);
    }

    private static string Required(RemediationAction action, string name) =>
        action.Parameters.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new ArgumentException($"{action.Action} needs the parameter {name}.", nameof(action));
}
