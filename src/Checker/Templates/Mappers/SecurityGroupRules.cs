using Compliance.Checker.Templates.Mapping;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Templates.Mappers;

/// <summary>Security-group rules as CloudFormation writes them (inline or as their own resources), in the inventory's shape.</summary>
internal static class SecurityGroupRules
{
    /// <summary>The egress rule EC2 adds to a VPC group unless the template lists SecurityGroupEgress itself.</summary>
    public static SecurityGroupRule DefaultEgress { get; } = new() { IpProtocol = "-1", CidrIpv4 = "0.0.0.0/0", Description = "" };

    /// <summary>The inline rules of a property; null when any is unknown (an unknown source could be the internet).</summary>
    public static IReadOnlyList<SecurityGroupRule>? List(Props properties, string name, bool ingress)
    {
        if (properties.Maps(name) is not { } items)
        {
            return null;
        }

        var rules = items.Select(item => One(item, ingress)).ToList();
        return rules.Any(r => r is null) ? null : rules.OfType<SecurityGroupRule>().ToList();
    }

    /// <summary>One rule; null when its protocol, ports or peer cannot be decided. An unknown description stays null on the rule.</summary>
    public static SecurityGroupRule? One(Props p, bool ingress)
    {
        var peers = ingress
            ? new[] { "CidrIp", "CidrIpv6", "SourcePrefixListId", "SourceSecurityGroupId", "SourceSecurityGroupName" }
            : new[] { "CidrIp", "CidrIpv6", "DestinationPrefixListId", "DestinationSecurityGroupId" };
        if (p.String("IpProtocol") is not { } protocolText
            || peers.Any(n => p.Has(n) && p.String(n) is null)
            || (p.Has("FromPort") && p.Int("FromPort") is null)
            || (p.Has("ToPort") && p.Int("ToPort") is null))
        {
            return null;
        }

        var protocol = Protocol(protocolText);
        var allTraffic = protocol == "-1";
        return new SecurityGroupRule
        {
            IpProtocol = protocol,
            FromPort = allTraffic ? null : p.Int("FromPort"),
            ToPort = allTraffic ? null : p.Int("ToPort"),
            CidrIpv4 = p.String("CidrIp"),
            CidrIpv6 = p.String("CidrIpv6"),
            PrefixListId = p.String(ingress ? "SourcePrefixListId" : "DestinationPrefixListId"),
            ReferencedGroupId = ingress ? p.String("SourceSecurityGroupId") ?? p.String("SourceSecurityGroupName") : p.String("DestinationSecurityGroupId"),
            Description = p.String("Description", absent: ""),
        };
    }

    /// <summary>EC2 reports the common protocols by name: 6 is tcp, 17 udp, 1 icmp, 58 icmpv6.</summary>
    private static string Protocol(string text) => text.Trim().ToLowerInvariant() switch
    {
        "6" => "tcp",
        "17" => "udp",
        "1" => "icmp",
        "58" => "icmpv6",
        var other => other,
    };
}
