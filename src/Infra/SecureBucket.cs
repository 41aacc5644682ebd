using Amazon.CDK;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.S3;
using Constructs;

namespace Compliance.Infra;

/// <summary>
/// The settings every bucket of this app shares, so the guard and what it guards cannot drift apart: SSE-KMS with a
/// customer managed key and an S3 Bucket Key, versioning, all four Block Public Access settings, ACLs disabled,
/// TLS only, server access logs to the stack's access-log bucket, incomplete uploads aborted after a week, kept when
/// the stack is deleted. Only the name and the lifecycle differ; log buckets add Object Lock.
/// </summary>
internal static class SecureBucket
{
    /// <summary>Days an Object Lock keeps a log object immutable (governance mode): the PCI DSS 10.5.1 year.</summary>
    public const int LogLockDays = 365;

    public static BucketProps Props(string bucketName, IKey key, IBucket accessLogs, params LifecycleRule[] lifecycle)
    {
        var props = Shared(bucketName, lifecycle);
        props.Encryption = BucketEncryption.KMS;
        props.EncryptionKey = key;
        props.BucketKeyEnabled = true;
        props.ServerAccessLogsBucket = accessLogs;
        props.ServerAccessLogsPrefix = $"{bucketName}/";
        return props;
    }

    /// <summary>
    /// <see cref="Props"/> for a bucket that holds logs or audit records: Object Lock in governance mode for a year, so
    /// a compromised writer cannot rewrite history (S3.Bucket.9). Governance, not compliance mode: an administrator with
    /// s3:BypassGovernanceRetention can still remove a mistaken object.
    /// </summary>
    public static BucketProps LogProps(string bucketName, IKey key, IBucket accessLogs, params LifecycleRule[] lifecycle)
    {
        var props = Props(bucketName, key, accessLogs, lifecycle);
        props.ObjectLockEnabled = true;
        props.ObjectLockDefaultRetention = ObjectLockRetention.Governance(Duration.Days(LogLockDays));
        return props;
    }

    /// <summary>
    /// The stack's server access log destination. AWS allows only SSE-S3 default encryption and no Object Lock default
    /// retention on a server access log destination, and it does not log itself (logs about log deliveries would loop);
    /// the checker's S3.Bucket.3, .7 and .9 know this. Everything else matches <see cref="Props"/>; logs are kept a year.
    /// </summary>
    public static Bucket AccessLogs(Construct scope, string id, string bucketName)
    {
        var props = Shared(bucketName, new LifecycleRule
        {
            Id = "expire-access-logs",
            Expiration = Duration.Days(LogLockDays),
            NoncurrentVersionExpiration = Duration.Days(30),
        });
        props.Encryption = BucketEncryption.S3_MANAGED;
        var bucket = new Bucket(scope, id, props);
        Tags.Of(bucket).Add("Purpose", "logs");
        NagExceptions.Declare(bucket,
            (NagExceptions.BucketKmsEncryption, "S3 delivers server access logs only to a destination whose default encryption is SSE-S3; SSE-KMS there stops delivery."),
            (NagExceptions.BucketReplication, "Access logs are kept in their Region for a year; replicate them only where a second Region is mandated."));
        return bucket;
    }

    /// <summary>
    /// Server access log delivery is granted by the destination's bucket policy, not the LogDeliveryWrite ACL: ACLs stay
    /// disabled (BucketOwnerEnforced) on every bucket. Set on the stack before it has children, so the app's context
    /// does not need to carry the feature flag.
    /// </summary>
    public static void UseBucketPolicyForAccessLogs(Stack stack) =>
        stack.Node.SetContext("@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy", true);

    /// <summary>
    /// Marks every bucket of the stack PCIScope=false: they hold logs, reports and configuration history of the PCI
    /// environment, never cardholder data, and the checker reads PCIScope=true on a bucket as cardholder data (S3.Bucket.8
    /// then requires VPC-endpoint-only access, CloudTrail.Trail.7 object-level data events). Call after the buckets exist.
    /// </summary>
    public static void MarkNoCardholderData(Stack stack)
    {
        foreach (var bucket in stack.Node.FindAll().OfType<CfnBucket>())
        {
            Tags.Of(bucket).Add("PCIScope", "false", new TagProps { Priority = 200 });
        }
    }

    /// <summary>What every bucket of the app has, whatever its encryption: versioning, all four Block Public Access
    /// settings, ACLs disabled, TLS only, kept on stack deletion, and incomplete uploads aborted after a week.</summary>
    private static BucketProps Shared(string bucketName, params LifecycleRule[] lifecycle) => new()
    {
        BucketName = bucketName,
        Versioned = true,
        BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
        ObjectOwnership = ObjectOwnership.BUCKET_OWNER_ENFORCED,
        EnforceSSL = true,
        RemovalPolicy = RemovalPolicy.RETAIN,
        LifecycleRules = [.. lifecycle, AbortIncompleteUploads],
    };

    private static LifecycleRule AbortIncompleteUploads => new() { Id = "abort-incomplete-uploads", AbortIncompleteMultipartUploadAfter = Duration.Days(7) };
}
