using System.Text.Json.Serialization;

namespace Compliance.Rules.Inventory;

/// <summary>A security group with its rules (DescribeSecurityGroups, DescribeSecurityGroupRules).</summary>
public sealed record SecurityGroup : AwsResource
{
    public override string ResourceType => ResourceTypes.SecurityGroup;

    public required string GroupName { get; init; }

    /// <summary>The group description; "" when empty; null when unknown.</summary>
    public string? Description { get; init; }
    public string? VpcId { get; init; }

    /// <summary>Inbound rules; null when they could not be read.</summary>
    public IReadOnlyList<SecurityGroupRule>? IngressRules { get; init; }

    /// <summary>Outbound rules; null when they could not be read.</summary>
    public IReadOnlyList<SecurityGroupRule>? EgressRules { get; init; }

    /// <summary>The VPC's default group is named "default" and cannot be deleted.</summary>
    [JsonIgnore]
    public bool IsDefault => GroupName == "default";
}

/// <summary>
/// One security-group rule with exactly one source or destination, as DescribeSecurityGroupRules returns it
/// (an IpPermission with several ranges becomes several rules).
/// </summary>
public sealed record SecurityGroupRule
{
    /// <summary>The rule id (sgr-...), which remediation revokes precisely.</summary>
    public string? RuleId { get; init; }

    /// <summary>"tcp", "udp", "icmp", "icmpv6", a protocol number, or "-1" for all traffic.</summary>
    public required string IpProtocol { get; init; }

    /// <summary>Start of the port range; -1 or null with protocol -1 (all ports); ICMP type for ICMP.</summary>
    public int? FromPort { get; init; }

    /// <summary>End of the port range; -1 or null with protocol -1; ICMP code for ICMP.</summary>
    public int? ToPort { get; init; }

    public string? CidrIpv4 { get; init; }
    public string? CidrIpv6 { get; init; }
    public string? PrefixListId { get; init; }
    public string? ReferencedGroupId { get; init; }

    /// <summary>The rule description; "" when the rule has none (AWS omits it); null when unknown.</summary>
    public string? Description { get; init; }
}
