using System.Text.Json.Serialization;

namespace Compliance.Rules.Inventory;

/// <summary>
/// An S3 bucket. Every setting comes from its own per-bucket API call and is null when that call failed.
/// Id is the bucket name; Region the bucket's location.
/// </summary>
public sealed record Bucket : AwsResource
{
    public override string ResourceType => ResourceTypes.Bucket;

    /// <summary>GetBucketEncryption.</summary>
    public BucketEncryption? Encryption { get; init; }

    /// <summary>GetPublicAccessBlock; <see cref="PublicAccessBlock.None"/> when the bucket has none.</summary>
    public PublicAccessBlock? PublicAccessBlock { get; init; }

    /// <summary>GetBucketVersioning.</summary>
    public BucketVersioning? Versioning { get; init; }

    /// <summary>GetBucketPolicy; <see cref="PolicyDocument.Empty"/> when the bucket has no policy.</summary>
    public PolicyDocument? Policy { get; init; }

    /// <summary>GetBucketAcl grants.</summary>
    public IReadOnlyList<AclGrant>? AclGrants { get; init; }

    /// <summary>GetBucketOwnershipControls: BucketOwnerEnforced, BucketOwnerPreferred or ObjectWriter (the value when none is set).</summary>
    public string? ObjectOwnership { get; init; }

    /// <summary>GetBucketLogging.</summary>
    public BucketLogging? Logging { get; init; }

    /// <summary>GetBucketLifecycleConfiguration; empty when the bucket has none.</summary>
    public IReadOnlyList<LifecycleRule>? LifecycleRules { get; init; }

    /// <summary>GetObjectLockConfiguration.</summary>
    public ObjectLock? ObjectLock { get; init; }
}

/// <summary>Default encryption. Algorithm is "AES256", "aws:kms", "aws:kms:dsse", or "NONE" for a bucket without it.</summary>
public sealed record BucketEncryption(string Algorithm, string? KmsMasterKeyId, bool BucketKeyEnabled)
{
    /// <summary>SSE-KMS or DSSE-KMS.</summary>
    [JsonIgnore]
    public bool IsKms => Algorithm is "aws:kms" or "aws:kms:dsse";
}

/// <summary>Versioning. Status is "Enabled", "Suspended" or "Off" (never enabled).</summary>
public sealed record BucketVersioning(string Status, bool MfaDelete)
{
    [JsonIgnore]
    public bool Enabled => Status == "Enabled";
}

/// <summary>One ACL grant. Grantee is a canonical user id, or a group URI such as http://acs.amazonaws.com/groups/global/AllUsers.</summary>
public sealed record AclGrant(string Grantee, string Permission);

/// <summary>Server access logging; TargetBucket null means logging is off.</summary>
public sealed record BucketLogging(string? TargetBucket, string? TargetPrefix)
{
    [JsonIgnore]
    public bool Enabled => !string.IsNullOrEmpty(TargetBucket);
}

/// <summary>One lifecycle rule, reduced to what the rules judge.</summary>
public sealed record LifecycleRule
{
    public string? Id { get; init; }

    /// <summary>Enabled or Disabled.</summary>
    public required string Status { get; init; }

    public int? ExpirationDays { get; init; }
    public int? NoncurrentVersionExpirationDays { get; init; }
    public IReadOnlyList<LifecycleTransition> Transitions { get; init; } = [];
    public IReadOnlyList<LifecycleTransition> NoncurrentVersionTransitions { get; init; } = [];
    public int? AbortIncompleteMultipartUploadDays { get; init; }

    [JsonIgnore]
    public bool Enabled => Status == "Enabled";
}

/// <summary>A transition to a storage class after some days.</summary>
public sealed record LifecycleTransition(int Days, string StorageClass);

/// <summary>Object Lock; Enabled false when the bucket has none. Default retention in days, if set.</summary>
public sealed record ObjectLock(bool Enabled, string? Mode, int? RetentionDays);
