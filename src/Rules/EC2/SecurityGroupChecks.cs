using System.Globalization;
using Compliance.Rules.Inventory;
using Compliance.Rules.Network;

namespace Compliance.Rules.EC2;

/// <summary>Small pieces shared by the security-group rules: tier tags, port lists and rule wording.</summary>
internal static class SecurityGroupChecks
{
    /// <summary>The group's tier tag value when it names one of <paramref name="privateTiers"/> (case-insensitive), else null.</summary>
    public static string? PrivateTier(SecurityGroup group, string tierTagKey, IReadOnlyList<string> privateTiers)
    {
        var tier = group.Tag(tierTagKey);
        return tier is not null && privateTiers.Contains(tier.Trim(), StringComparer.OrdinalIgnoreCase) ? tier : null;
    }

    /// <summary>Parses a list of ports and port ranges ("443", "8000-8010") into inclusive intervals.</summary>
    /// <exception cref="FormatException">An entry is not a port or a range of ports.</exception>
    public static IReadOnlyList<(int From, int To)> ParsePortRanges(IReadOnlyList<string> entries) =>
        entries.Select(entry =>
        {
            var parts = entry.Split('-', StringSplitOptions.TrimEntries);
            var from = int.Parse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture);
            var to = parts.Length == 2 ? int.Parse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture) : from;
            if (parts.Length > 2 || from > to || to > 65535)
            {
                throw new FormatException($"'{entry}' is not a port or a port range.");
            }

            return (from, to);
        }).ToList();

    /// <summary>True when every port of [<paramref name="from"/>, <paramref name="to"/>] lies in one of <paramref name="allowed"/>.</summary>
    public static bool RangeCovered(int from, int to, IReadOnlyList<(int From, int To)> allowed)
    {
        var next = from;
        foreach (var (a, b) in allowed.OrderBy(r => r.From))
        {
            if (a > next)
            {
                break;
            }

            if (b >= next)
            {
                next = b + 1;
            }

            if (next > to)
            {
                return true;
            }
        }

        return next > to;
    }

    /// <summary>True for a TCP rule (by name or protocol number).</summary>
    public static bool IsTcp(this SecurityGroupRule rule) => rule.IpProtocol is "tcp" or "6";


    /// <summary>"sgr-0abc tcp/22 from 0.0.0.0/0" or "sgr-0abc all traffic to 0.0.0.0/0", for evidence lists.</summary>
    public static string Text(this SecurityGroupRule rule, bool inbound) =>
        $"{(rule.RuleId is null ? "" : rule.RuleId + " ")}{rule.Describe()} {(inbound ? "from" : "to")} {rule.Peer()}";

    /// <summary>"tcp/22 from 0.0.0.0/0", naming the rule's internet source.</summary>
    public static string InternetText(this SecurityGroupRule rule) => $"{rule.Describe()} from {rule.InternetSource()}";


    /// <summary>"" for one, "s" for several.</summary>
    public static string Plural(int count) => count == 1 ? "" : "s";
}
