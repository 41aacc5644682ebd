using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.S3;
using Constructs;

namespace Compliance.Infra.Checker;

/// <summary>Properties of <see cref="ReportBucket"/>.</summary>
public sealed record ReportBucketProps
{
    /// <summary>Environment suffix of the name.</summary>
    public required string EnvironmentName { get; init; }

    /// <summary>The key of the bucket's default encryption.</summary>
    public required IKey Key { get; init; }

    /// <summary>The stack's server access log destination.</summary>
    public required IBucket AccessLogs { get; init; }

}

/// <summary>
/// The report bucket: SSE-KMS with the checker key (bucket key on), versioned, every public access blocked,
/// TLS only, archived reports to Glacier after 90 days and expired after a year, old versions after 30 days.
/// </summary>
public sealed class ReportBucket : Construct
{
    /// <summary>The prefix the function writes under.</summary>
    public const string ReportPrefix = "reports/";

    /// <summary>The bucket.</summary>
    public Bucket Bucket { get; }

    public ReportBucket(Construct scope, string id, ReportBucketProps props) : base(scope, id)
    {
        Bucket = new Bucket(this, "Bucket", SecureBucket.Props(
            $"s3-compliance-reports-{props.EnvironmentName}-{Stack.Of(this).Account}",
            props.Key,
            props.AccessLogs,
            new LifecycleRule
            {
                Id = "archive-reports",
                Prefix = ReportPrefix,
                Transitions = [new Transition { StorageClass = StorageClass.GLACIER, TransitionAfter = Duration.Days(90) }],
                Expiration = Duration.Days(365),
                NoncurrentVersionExpiration = Duration.Days(30),
            }));

        // Objects must arrive encrypted with KMS (the function always sends aws:kms and the key id).
        Bucket.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "DenyUnencryptedReports",
            Effect = Effect.DENY,
            Principals = [new AnyPrincipal()],
            Actions = ["s3:PutObject"],
            Resources = [Bucket.ArnForObjects("*")],
            Conditions = new Dictionary<string, object>
            {
                ["StringNotEquals"] = new Dictionary<string, object> { ["s3:x-amz-server-side-encryption"] = "aws:kms" },
            },
        }));
    }
}
