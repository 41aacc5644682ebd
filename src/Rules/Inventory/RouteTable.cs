namespace Compliance.Rules.Inventory;

/// <summary>A route table with its routes and associations (DescribeRouteTables).</summary>
public sealed record RouteTable : AwsResource
{
    public override string ResourceType => ResourceTypes.RouteTable;

    public required string VpcId { get; init; }
    public IReadOnlyList<Route> Routes { get; init; } = [];
    public IReadOnlyList<RouteTableAssociation> Associations { get; init; } = [];
}

/// <summary>One route. Exactly one destination and one target are set.</summary>
public sealed record Route
{
    public string? DestinationCidrBlock { get; init; }
    public string? DestinationIpv6CidrBlock { get; init; }
    public string? DestinationPrefixListId { get; init; }

    /// <summary>An internet gateway (igw-), virtual private gateway (vgw-) or "local".</summary>
    public string? GatewayId { get; init; }
    public string? EgressOnlyInternetGatewayId { get; init; }
    public string? NatGatewayId { get; init; }
    public string? TransitGatewayId { get; init; }
    public string? VpcPeeringConnectionId { get; init; }
    public string? NetworkInterfaceId { get; init; }
    public string? VpcEndpointId { get; init; }

    /// <summary>active or blackhole.</summary>
    public string? State { get; init; }
}

/// <summary>A subnet (or the VPC's main) association of a route table.</summary>
public sealed record RouteTableAssociation
{
    public string? SubnetId { get; init; }
    public bool Main { get; init; }
}
