namespace Compliance.Rules.Inventory;

/// <summary>
/// A call the source could not complete. Rules that read <see cref="ResourceType"/> in <see cref="Region"/>
/// turn it into ERROR findings; the report lists it under coverage.
/// </summary>
public sealed record CollectionError
{
    /// <summary>e.g. "ec2", "s3", "kms".</summary>
    public required string Service { get; init; }

    /// <summary>The API operation, e.g. "DescribeSecurityGroups".</summary>
    public required string Operation { get; init; }

    public required string Region { get; init; }

    /// <summary>The account whose call failed; null when the error applies to every account of the inventory.</summary>
    public string? AccountId { get; init; }

    /// <summary>The inventory type left incomplete, e.g. "AWS::EC2::SecurityGroup".</summary>
    public required string ResourceType { get; init; }

    /// <summary>The one resource affected, when the failure was a per-resource call; null when the whole type is missing.</summary>
    public string? ResourceId { get; init; }

    /// <summary>The AWS error code: AccessDenied, ThrottlingException, RequestTimeout, ...</summary>
    public required string ErrorCode { get; init; }

    public required string Message { get; init; }
}
