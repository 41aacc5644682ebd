namespace Compliance.Rules;

/// <summary>
/// The keys and destinations that remediations must be told and never guess. The deployment configures them; the
/// engine passes them to every remediation that has a public constructor taking <see cref="RemediationSettings"/>.
/// Such a remediation also has a parameterless constructor, which means "nothing configured": it then plans nothing
/// for the findings that need a setting.
/// </summary>
public sealed record RemediationSettings
{
    /// <summary>Nothing configured.</summary>
    public static RemediationSettings None { get; } = new();

    /// <summary>
    /// Customer managed KMS key ARNs (arn:aws:kms:region:account:key/id) for S3 default encryption (S3.Bucket.3), at
    /// most one per region: a bucket is encrypted with the key of its own region, as SSE-KMS requires.
    /// </summary>
    public IReadOnlyList<string> BucketKmsKeyArns { get; init; } = [];

    /// <summary>
    /// Customer managed KMS key ARNs for CloudWatch Logs log groups (Logs.LogGroup.1), at most one per region. Each key's
    /// policy must let the service principal logs.&lt;region&gt;.amazonaws.com use it.
    /// </summary>
    public IReadOnlyList<string> LogGroupKmsKeyArns { get; init; } = [];

    /// <summary>
    /// Customer managed KMS key ARNs for SNS topic encryption (SNS.Topic.1), at most one per region. Each key's policy must
    /// let every publisher of the topics use it (kms:GenerateDataKey*, kms:Decrypt), AWS services that publish included.
    /// </summary>
    public IReadOnlyList<string> TopicKmsKeyArns { get; init; } = [];

    /// <summary>
    /// The S3 bucket ARN VPC flow logs are delivered to (EC2.VPC.1), optionally with a folder: arn:aws:s3:::bucket/folder/.
    /// The bucket policy must already let delivery.logs.amazonaws.com write to it.
    /// </summary>
    public string? FlowLogDestinationArn { get; init; }

    /// <summary>The one key ARN of <paramref name="keyArns"/> in <paramref name="region"/>; null when none is, or more than one.</summary>
    public static string? KeyArnIn(IReadOnlyList<string> keyArns, string region)
    {
        var matching = keyArns.Where(arn => KeyArnRegion(arn) == region).Distinct(StringComparer.Ordinal).ToList();
        return matching.Count == 1 ? matching[0] : null;
    }

    /// <summary>The region of a KMS key ARN (arn:partition:kms:region:account:key/id); null for anything else (aliases, bare ids).</summary>
    public static string? KeyArnRegion(string keyArn) =>
        Inventory.AwsArn.Parse(keyArn) is { Service: "kms" } arn && arn.Partition.StartsWith("aws", StringComparison.Ordinal)
            && arn.Region.Length > 0 && arn.Account.Length == 12 && arn.Resource.StartsWith("key/", StringComparison.Ordinal) && arn.Resource.Length > "key/".Length
            ? arn.Region
            : null;
}
