using System.Net;
using System.Text;
using System.Web;
using Compliance.Checker.Tests.Live;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Tests.Remediation;

/// <summary>One row of a security group as EC2 holds it.</summary>
internal sealed record FakeRule(string Id, bool IsEgress, string Protocol, int From, int To, string? V4 = null, string? V6 = null, string? ReferencedGroup = null)
{
    /// <summary>The same rule as the inventory records it, for planning.</summary>
    public SecurityGroupRule ToInventory() => new()
    {
        RuleId = Id, IpProtocol = Protocol, FromPort = From, ToPort = To, CidrIpv4 = V4, CidrIpv6 = V6, ReferencedGroupId = ReferencedGroup, Description = "",
    };
}

/// <summary>
/// A security group living behind <see cref="FakeAws"/>: DescribeSecurityGroupRules answers its current rules (filtered
/// on group-id as EC2 does), and RevokeSecurityGroupIngress/Egress remove exactly the SecurityGroupRuleId.N they name, or
/// answer InvalidSecurityGroupRuleId.NotFound when one does not exist, as EC2 does. Bodies follow the EC2 API reference.
/// </summary>
internal sealed class SecurityGroupFake
{
    private readonly List<FakeRule> _rules;

    public SecurityGroupFake(string groupId, params FakeRule[] rules)
    {
        GroupId = groupId;
        _rules = [.. rules];
        Aws = new FakeAws()
            .On("ec2", "DescribeSecurityGroupRules", Describe)
            .On("ec2", "RevokeSecurityGroupIngress", r => Revoke(r, egress: false))
            .On("ec2", "RevokeSecurityGroupEgress", r => Revoke(r, egress: true));
    }

    public string GroupId { get; }
    public FakeAws Aws { get; }

    /// <summary>The rules now.</summary>
    public IReadOnlyList<FakeRule> Rules { get { lock (_rules) { return [.. _rules]; } } }

    /// <summary>A broken service: revokes answer success but remove nothing.</summary>
    public bool IgnoreRevokes { get; set; }

    /// <summary>Someone else's change landing during the revoke: this rule disappears too.</summary>
    public string? AlsoRemovedOnRevoke { get; set; }

    /// <summary>A race: this rule is revoked by someone else just before our revoke arrives.</summary>
    public string? RemovedJustBeforeRevoke { get; set; }

    /// <summary>Changes a rule in place (ModifySecurityGroupRules keeps the id).</summary>
    public void Replace(FakeRule rule)
    {
        lock (_rules)
        {
            _rules[_rules.FindIndex(r => r.Id == rule.Id)] = rule;
        }
    }

    /// <summary>The request parameters of every mutating call.</summary>
    public IReadOnlyList<FakeRequest> Revokes => Aws.Requests.Where(r => r.Operation.StartsWith("Revoke", StringComparison.Ordinal)).ToList();

    public static IReadOnlyDictionary<string, string> Form(FakeRequest request)
    {
        var form = HttpUtility.ParseQueryString(request.Body);
        return form.AllKeys.ToDictionary(k => k!, k => form[k]!);
    }

    private HttpResponseMessage Describe(FakeRequest request)
    {
        var form = Form(request);
        var filters = Enumerable.Range(1, 5).Where(i => form.ContainsKey($"Filter.{i}.Name"))
            .ToDictionary(i => form[$"Filter.{i}.Name"], i => form.Where(p => p.Key.StartsWith($"Filter.{i}.Value.", StringComparison.Ordinal)).Select(p => p.Value).ToHashSet());
        var rows = Rules.Where(r => (!filters.TryGetValue("group-id", out var groups) || groups.Contains(GroupId))
                                    && (!filters.TryGetValue("security-group-rule-id", out var ids) || ids.Contains(r.Id)));
        var items = new StringBuilder();
        foreach (var r in rows)
        {
            items.Append($"<item><securityGroupRuleId>{r.Id}</securityGroupRuleId><groupId>{GroupId}</groupId><groupOwnerId>123456789012</groupOwnerId>")
                .Append($"<isEgress>{(r.IsEgress ? "true" : "false")}</isEgress><ipProtocol>{r.Protocol}</ipProtocol><fromPort>{r.From}</fromPort><toPort>{r.To}</toPort>")
                .Append(r.V4 is null ? "" : $"<cidrIpv4>{r.V4}</cidrIpv4>").Append(r.V6 is null ? "" : $"<cidrIpv6>{r.V6}</cidrIpv6>")
                .Append(r.ReferencedGroup is null ? "" : $"<referencedGroupInfo><groupId>{r.ReferencedGroup}</groupId><userId>123456789012</userId></referencedGroupInfo>")
                .Append("<tagSet/></item>");
        }

        return Ec2NetworkResponses.Reply("DescribeSecurityGroupRules", $"<securityGroupRuleSet>{items}</securityGroupRuleSet>")(request);
    }

    private HttpResponseMessage Revoke(FakeRequest request, bool egress)
    {
        var form = Form(request);
        var operation = egress ? "RevokeSecurityGroupEgress" : "RevokeSecurityGroupIngress";
        var ids = form.Where(p => p.Key.StartsWith("SecurityGroupRuleId.", StringComparison.Ordinal)).Select(p => p.Value).ToList();
        lock (_rules)
        {
            _rules.RemoveAll(r => r.Id == RemovedJustBeforeRevoke);
            var missing = ids.FirstOrDefault(id => !_rules.Any(r => r.Id == id && r.IsEgress == egress) || form.GetValueOrDefault("GroupId") != GroupId);
            if (missing is not null)
            {
                return Ec2NetworkResponses.Error("InvalidSecurityGroupRuleId.NotFound", $"The security group rule ID '{missing}' does not exist", HttpStatusCode.BadRequest)(request);
            }

            var revoked = _rules.Where(r => ids.Contains(r.Id)).ToList();
            if (!IgnoreRevokes)
            {
                _rules.RemoveAll(r => ids.Contains(r.Id) || r.Id == AlsoRemovedOnRevoke);
            }

            var items = string.Concat(revoked.Select(r =>
                $"<item><securityGroupRuleId>{r.Id}</securityGroupRuleId><groupId>{GroupId}</groupId><isEgress>{(r.IsEgress ? "true" : "false")}</isEgress><ipProtocol>{r.Protocol}</ipProtocol><fromPort>{r.From}</fromPort><toPort>{r.To}</toPort>{(r.V4 is null ? "" : $"<cidrIpv4>{r.V4}</cidrIpv4>")}</item>"));
            return Ec2NetworkResponses.Reply(operation, $"<return>true</return><revokedSecurityGroupRuleSet>{items}</revokedSecurityGroupRuleSet>")(request);
        }
    }
}
