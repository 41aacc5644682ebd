using System.Text.Json.Serialization;

namespace Compliance.Rules.Inventory;

/// <summary>A network ACL with its entries and subnet associations (DescribeNetworkAcls).</summary>
public sealed record NetworkAcl : AwsResource
{
    public override string ResourceType => ResourceTypes.NetworkAcl;

    public required string VpcId { get; init; }
    public bool IsDefault { get; init; }
    public IReadOnlyList<NetworkAclEntry> Entries { get; init; } = [];

    /// <summary>The subnets the ACL is associated with.</summary>
    public IReadOnlyList<string> SubnetIds { get; init; } = [];
}

/// <summary>One numbered NACL entry. Entries are evaluated in ascending rule number; the first match wins.</summary>
public sealed record NetworkAclEntry
{
    /// <summary>1–32766; 32767 is the implicit deny-all.</summary>
    public required int RuleNumber { get; init; }

    /// <summary>True for an outbound entry.</summary>
    public required bool Egress { get; init; }

    /// <summary>"allow" or "deny".</summary>
    public required string RuleAction { get; init; }

    /// <summary>A protocol number as text ("6" tcp, "17" udp, "1" icmp) or "-1" for all.</summary>
    public required string Protocol { get; init; }

    public string? CidrBlock { get; init; }
    public string? Ipv6CidrBlock { get; init; }

    /// <summary>Port range for tcp/udp; null means all ports.</summary>
    public PortRange? PortRange { get; init; }

    [JsonIgnore]
    public bool IsAllow => string.Equals(RuleAction, "allow", StringComparison.OrdinalIgnoreCase);
}

/// <summary>An inclusive port range.</summary>
public sealed record PortRange(int From, int To);
