namespace Compliance.Rules.Inventory;

/// <summary>
/// VPC Block Public Access of one account in one Region (DescribeVpcBlockPublicAccessOptions,
/// DescribeVpcBlockPublicAccessExclusions). Id is the account id. An account-wide setting, so it has no tags.
/// </summary>
public sealed record VpcBlockPublicAccessOptions : AwsResource
{
    public override string ResourceType => ResourceTypes.VpcBlockPublicAccessOptions;

    /// <summary>off, block-bidirectional or block-ingress; null when unknown.</summary>
    public string? InternetGatewayBlockMode { get; init; }

    /// <summary>default-state, update-in-progress or update-complete.</summary>
    public string? State { get; init; }

    /// <summary>allowed, or not-allowed when VPC BPA is managed for the whole organization; null when unknown.</summary>
    public string? ExclusionsAllowed { get; init; }

    /// <summary>account, or declarative-policy when an organization's declarative policy sets it.</summary>
    public string? ManagedBy { get; init; }

    /// <summary>Every exclusion, whatever its state; null when they could not be listed.</summary>
    public IReadOnlyList<VpcBlockPublicAccessExclusion>? Exclusions { get; init; }
}

/// <summary>One VPC BPA exclusion: a VPC or subnet exempted from the block mode.</summary>
public sealed record VpcBlockPublicAccessExclusion
{
    public required string ExclusionId { get; init; }

    /// <summary>allow-bidirectional or allow-egress.</summary>
    public string? InternetGatewayExclusionMode { get; init; }

    /// <summary>The ARN of the excluded VPC (…:vpc/vpc-…) or subnet (…:subnet/subnet-…).</summary>
    public string? ResourceArn { get; init; }

    /// <summary>create-in-progress, create-complete, update-…, delete-…, disable-…, or a *-failed state.</summary>
    public string? State { get; init; }
}
