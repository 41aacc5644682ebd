namespace Compliance.Rules.Inventory;

/// <summary>A VPC (DescribeVpcs).</summary>
public sealed record Vpc : AwsResource
{
    public override string ResourceType => ResourceTypes.Vpc;

    /// <summary>The primary IPv4 CIDR block.</summary>
    public string? CidrBlock { get; init; }

    /// <summary>True for the region's default VPC.</summary>
    public bool IsDefault { get; init; }
}
