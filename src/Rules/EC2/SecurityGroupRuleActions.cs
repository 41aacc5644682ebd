using System.Globalization;
using Compliance.Rules.Inventory;

namespace Compliance.Rules.EC2;

/// <summary>
/// The EC2 actions the security-group remediations describe, and how their parameters and answers are spelled. The
/// gateway's EC2 action handler reads and writes exactly these names, so the two sides cannot drift apart.
/// </summary>
public static class SecurityGroupRuleActions
{
    public const string RevokeIngress = "ec2:RevokeSecurityGroupIngress";
    public const string RevokeEgress = "ec2:RevokeSecurityGroupEgress";
    public const string DescribeRules = "ec2:DescribeSecurityGroupRules";

    /// <summary>Parameter: the region of the group (every action).</summary>
    public const string Region = "Region";

    /// <summary>Parameter: the group (every action; DescribeSecurityGroupRules filters on it).</summary>
    public const string GroupId = "GroupId";

    /// <summary>
    /// Parameter: the sgr- ids, comma-separated. Revoke: exactly these rules, sent as SecurityGroupRuleId.N.
    /// Describe: optional, narrows the answer to these ids. Answer of Describe: every rule id returned.
    /// </summary>
    public const string SecurityGroupRuleIds = "SecurityGroupRuleIds";

    /// <summary>Revoke answer: "true" when EC2 said a rule id does not exist (InvalidSecurityGroupRuleId.NotFound): already revoked.</summary>
    public const string AlreadyAbsent = "alreadyAbsent";

    /// <summary>Revoke answer: EC2's "return" member.</summary>
    public const string Return = "Return";

    /// <summary>Revoke answer: the ids EC2 reports revoked (revokedSecurityGroupRuleSet), comma-separated.</summary>
    public const string RevokedSecurityGroupRuleIds = "RevokedSecurityGroupRuleIds";

    /// <summary>The ids in a comma-separated parameter, trimmed, without blanks.</summary>
    public static IReadOnlyList<string> SplitIds(string? ids) =>
        ids?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    /// <summary>Ids as one parameter value, in the given order.</summary>
    public static string JoinIds(IEnumerable<string> ids) => string.Join(",", ids);

    /// <summary>
    /// The answer of DescribeSecurityGroupRules as flat members: <see cref="SecurityGroupRuleIds"/> lists the ids, and
    /// each rule has "{id}.IsEgress", "{id}.IpProtocol" and, where set, "{id}.FromPort", "{id}.ToPort", "{id}.CidrIpv4",
    /// "{id}.CidrIpv6", "{id}.PrefixListId", "{id}.ReferencedGroupId".
    /// </summary>
    public static Dictionary<string, string> EncodeRules(IEnumerable<DescribedSecurityGroupRule> rules)
    {
        var list = rules.Where(r => r.Rule.RuleId is not null).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        var answer = new Dictionary<string, string>(StringComparer.Ordinal) { [SecurityGroupRuleIds] = JoinIds(list.Select(r => r.Id)) };
        foreach (var (isEgress, rule) in list)
        {
            var id = rule.RuleId!;
            answer[$"{id}.IsEgress"] = isEgress ? "true" : "false";
            answer[$"{id}.IpProtocol"] = rule.IpProtocol;
            Put(answer, $"{id}.FromPort", rule.FromPort?.ToString(CultureInfo.InvariantCulture));
            Put(answer, $"{id}.ToPort", rule.ToPort?.ToString(CultureInfo.InvariantCulture));
            Put(answer, $"{id}.CidrIpv4", rule.CidrIpv4);
            Put(answer, $"{id}.CidrIpv6", rule.CidrIpv6);
            Put(answer, $"{id}.PrefixListId", rule.PrefixListId);
            Put(answer, $"{id}.ReferencedGroupId", rule.ReferencedGroupId);
        }

        return answer;
    }

    /// <summary>The rules of a DescribeSecurityGroupRules answer written by <see cref="EncodeRules"/>.</summary>
    /// <exception cref="FormatException">The answer names a rule without its direction or protocol, or a port that is not a number.</exception>
    public static IReadOnlyList<DescribedSecurityGroupRule> DecodeRules(IReadOnlyDictionary<string, string> answer)
    {
        if (!answer.TryGetValue(SecurityGroupRuleIds, out var ids))
        {
            throw new FormatException($"The DescribeSecurityGroupRules answer has no {SecurityGroupRuleIds} member.");
        }

        return SplitIds(ids).Select(id =>
        {
            string? Get(string member) => answer.TryGetValue($"{id}.{member}", out var value) ? value : null;
            int? Port(string member) => Get(member) is { } text
                ? int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var port) ? port : throw new FormatException($"{id}.{member} is '{text}', not a port.")
                : null;
            var direction = Get("IsEgress") ?? throw new FormatException($"The answer does not say whether {id} is inbound or outbound.");
            return new DescribedSecurityGroupRule(direction == "true", new SecurityGroupRule
            {
                RuleId = id,
                IpProtocol = Get("IpProtocol") ?? throw new FormatException($"The answer gives no protocol for {id}."),
                FromPort = Port("FromPort"),
                ToPort = Port("ToPort"),
                CidrIpv4 = Get("CidrIpv4"),
                CidrIpv6 = Get("CidrIpv6"),
                PrefixListId = Get("PrefixListId"),
                ReferencedGroupId = Get("ReferencedGroupId"),
            });
        }).ToList();
    }

    private static void Put(Dictionary<string, string> answer, string key, string? value)
    {
        if (value is not null)
        {
            answer[key] = value;
        }
    }
}
