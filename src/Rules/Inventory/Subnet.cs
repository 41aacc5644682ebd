namespace Compliance.Rules.Inventory;

/// <summary>A subnet (DescribeSubnets).</summary>
public sealed record Subnet : AwsResource
{
    public override string ResourceType => ResourceTypes.Subnet;

    public required string VpcId { get; init; }
    public string? CidrBlock { get; init; }
    public string? AvailabilityZone { get; init; }

    /// <summary>MapPublicIpOnLaunch: instances launched here get a public IPv4 address.</summary>
    public bool MapPublicIpOnLaunch { get; init; }

    /// <summary>AssignIpv6AddressOnCreation: network interfaces created here get an IPv6 address.</summary>
    public bool AssignIpv6AddressOnCreation { get; init; }
}
