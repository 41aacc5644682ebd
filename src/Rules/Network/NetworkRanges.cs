using System.Net;
using Compliance.Rules.Inventory;

namespace Compliance.Rules.Network;

/// <summary>Address and port reasoning shared by the security-group and network-ACL rules.</summary>
public static class NetworkRanges
{
    /// <summary>True for a CIDR that spans the whole IPv4 or IPv6 internet: 0.0.0.0/0, ::/0 (in any spelling).</summary>
    /// <remarks>
    /// Asked several times for every rule of every security group, so the two usual spellings are recognised without
    /// parsing, and text that cannot have prefix length 0 is refused without parsing: no '/', or a last digit 1-9
    /// (IPNetwork reads the prefix length as plain digits). Everything else is parsed as before.
    /// </remarks>
    public static bool IsInternet(string? cidr)
    {
        if (cidr is null)
        {
            return false;
        }

        var text = cidr.AsSpan().Trim();
        if (text is "0.0.0.0/0" or "::/0")
        {
            return true;
        }

        if (text.IsEmpty || text[^1] is >= '1' and <= '9' || !text.Contains('/'))
        {
            return false;
        }

        return IPNetwork.TryParse(text, out var network) && network.PrefixLength == 0;
    }

    /// <summary>The rule's source when it is the internet (its IPv4 or IPv6 CIDR), else null.</summary>
    public static string? InternetSource(this SecurityGroupRule rule) =>
        IsInternet(rule.CidrIpv4) ? rule.CidrIpv4 : IsInternet(rule.CidrIpv6) ? rule.CidrIpv6 : null;

    /// <summary>True when the rule admits every protocol and port ("-1").</summary>
    public static bool IsAllTraffic(this SecurityGroupRule rule) => rule.IpProtocol == "-1";

    /// <summary>
    /// True when the rule opens TCP or UDP <paramref name="port"/>: all traffic, or a tcp/udp rule whose
    /// range contains the port (a missing or -1 bound means every port).
    /// </summary>
    public static bool OpensPort(this SecurityGroupRule rule, int port)
    {
        if (rule.IsAllTraffic())
        {
            return true;
        }

        if (!IsTcpOrUdp(rule.IpProtocol))
        {
            return false;
        }

        var (from, to) = Range(rule);
        return from <= port && port <= to;
    }

    /// <summary>The inclusive TCP/UDP port range a rule opens; all-traffic and open bounds become 0–65535.</summary>
    public static (int From, int To) Range(this SecurityGroupRule rule) =>
        rule.IsAllTraffic() ? (0, 65535) : (rule.FromPort is null or < 0 ? 0 : rule.FromPort.Value, rule.ToPort is null or < 0 ? 65535 : rule.ToPort.Value);

    /// <summary>"tcp/22", "tcp/0-65535", "all traffic", "icmp".</summary>
    public static string Describe(this SecurityGroupRule rule)
    {
        if (rule.IsAllTraffic())
        {
            return "all traffic";
        }

        var protocol = ProtocolName(rule.IpProtocol);
        if (!IsTcpOrUdp(rule.IpProtocol))
        {
            return protocol;
        }

        var (from, to) = rule.Range();
        return from == to ? $"{protocol}/{from}" : $"{protocol}/{from}-{to}";
    }

    /// <summary>The rule's peer as text: a CIDR, a prefix list or a group.</summary>
    public static string Peer(this SecurityGroupRule rule) =>
        rule.CidrIpv4 ?? rule.CidrIpv6 ?? rule.PrefixListId ?? rule.ReferencedGroupId ?? "(none)";

    /// <summary>The evidence a finding about one rule carries.</summary>
    public static Dictionary<string, string> Evidence(this SecurityGroupRule rule)
    {
        var evidence = new Dictionary<string, string>
        {
            ["ipProtocol"] = rule.IpProtocol,
            ["portRange"] = rule.Describe(),
            ["peer"] = rule.Peer(),
        };
        if (rule.RuleId is not null)
        {
            evidence["securityGroupRuleId"] = rule.RuleId;
        }

        return evidence;
    }

    /// <summary>True when a NACL entry matches TCP traffic on <paramref name="port"/>: protocol all, or tcp (6) with the port in range or no range.</summary>
    public static bool CoversTcpPort(this NetworkAclEntry entry, int port) =>
        entry.Protocol == "-1"
        || (entry.Protocol is "6" or "tcp" && (entry.PortRange is null || (entry.PortRange.From <= port && port <= entry.PortRange.To)));

    /// <summary>The entry's CIDR when it is the internet, else null.</summary>
    public static string? InternetSource(this NetworkAclEntry entry) =>
        IsInternet(entry.CidrBlock) ? entry.CidrBlock : IsInternet(entry.Ipv6CidrBlock) ? entry.Ipv6CidrBlock : null;

    /// <summary>True for a TCP or UDP rule, by name or protocol number.</summary>
    public static bool IsTcpOrUdp(this SecurityGroupRule rule) => IsTcpOrUdp(rule.IpProtocol);

    private static bool IsTcpOrUdp(string protocol) => protocol is "tcp" or "udp" or "6" or "17";

    private static string ProtocolName(string protocol) => protocol switch
    {
        "6" => "tcp",
        "17" => "udp",
        "1" => "icmp",
        "58" => "icmpv6",
        _ => protocol,
    };
}
