using Amazon.CDK;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.S3;

namespace Compliance.Infra;

/// <summary>
/// The settings every bucket of this app shares, so the guard and what it guards cannot drift apart: SSE-KMS with a
/// customer managed key and an S3 Bucket Key, versioning, all four Block Public Access settings, ACLs disabled,
/// TLS only, kept when the stack is deleted. Only the name and the lifecycle differ.
/// </summary>
internal static class SecureBucket
{
    public static BucketProps Props(string bucketName, IKey key, params ILifecycleRule[] lifecycle) => new()
    {
        BucketName = bucketName,
        Encryption = BucketEncryption.KMS,
        EncryptionKey = key,
        BucketKeyEnabled = true,
        Versioned = true,
        BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
        ObjectOwnership = ObjectOwnership.BUCKET_OWNER_ENFORCED,
        EnforceSSL = true,
        RemovalPolicy = RemovalPolicy.RETAIN,
        LifecycleRules = lifecycle,
    };
}
