using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.S3;
using Constructs;

namespace Compliance.Infra.Baseline;

/// <summary>Properties of <see cref="BaselineBuckets"/>.</summary>
public sealed record BaselineBucketsProps
{
    /// <summary>Environment suffix of the names.</summary>
    public required string EnvironmentName { get; init; }

    /// <summary>The S3 key (default encryption of all three).</summary>
    public required IKey Key { get; init; }

    /// <summary>Days before flow logs move to Glacier (context flowLogGlacierDays, default 7).</summary>
    public required int FlowLogGlacierDays { get; init; }

    /// <summary>Days before flow logs expire (context flowLogExpireDays, default 365).</summary>
    public required int FlowLogExpireDays { get; init; }
}

/// <summary>
/// The application-log, flow-log and compliance-report buckets: SSE-KMS with the S3 key (bucket key on), versioned,
/// all four public-access-block settings, TLS only, and PutObject denied without the SSE-KMS header (the flow-log
/// bucket: only with another encryption header, since log delivery sends none). Names are <c>s3-{purpose}-{env}-{account}</c>.
/// </summary>
public sealed class BaselineBuckets : Construct
{
    /// <summary>The application logs bucket.</summary>
    public Bucket ApplicationLogs { get; }

    /// <summary>The VPC flow logs bucket.</summary>
    public Bucket FlowLogs { get; }

    /// <summary>The compliance reports bucket.</summary>
    public Bucket Reports { get; }

    /// <summary>The server access log destination of every bucket of the stack.</summary>
    public Bucket AccessLogs { get; }

    public BaselineBuckets(Construct scope, string id, BaselineBucketsProps props) : base(scope, id)
    {
        AccessLogs = SecureBucket.AccessLogs(this, "access-logs", $"s3-access-logs-{props.EnvironmentName}-{Stack.Of(this).Account}");
        ApplicationLogs = Create("app-logs", props, requireHeader: true, new LifecycleRule { Id = "expire-old-versions", NoncurrentVersionExpiration = Duration.Days(90) });
        // Flow-log delivery sends no encryption header: the bucket default applies (see Create).
        FlowLogs = Create("flow-logs", props, requireHeader: false, logBucket: true, lifecycle: new LifecycleRule
        {
            Id = "archive-then-expire",
            Transitions = [new Transition { StorageClass = StorageClass.GLACIER, TransitionAfter = Duration.Days(props.FlowLogGlacierDays) }],
            Expiration = Duration.Days(props.FlowLogExpireDays),
            NoncurrentVersionExpiration = Duration.Days(1),
        });
        Reports = Create("compliance-reports", props, requireHeader: true, new LifecycleRule { Id = "expire-old-versions", NoncurrentVersionExpiration = Duration.Days(90) });
    }

    private Bucket Create(string purpose, BaselineBucketsProps props, bool requireHeader, LifecycleRule lifecycle, bool logBucket = false)
    {
        var name = $"s3-{purpose}-{props.EnvironmentName}-{Stack.Of(this).Account}";
        var bucket = new Bucket(this, purpose, logBucket
            ? SecureBucket.LogProps(name, props.Key, AccessLogs, lifecycle)
            : SecureBucket.Props(name, props.Key, AccessLogs, lifecycle));

        // Deny a PutObject without the SSE-KMS header (requireHeader), or, where an AWS service delivers logs without
        // any encryption header (flow logs), one that asks for an encryption other than SSE-KMS: a "deny when the
        // header is missing" statement would stop the delivery, and the bucket's default SSE-KMS encrypts it anyway.
        bucket.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = requireHeader ? "DenyPutWithoutKmsEncryptionHeader" : "DenyNonKmsEncryptionHeaders",
            Effect = Effect.DENY,
            Principals = [new AnyPrincipal()],
            Actions = ["s3:PutObject"],
            Resources = [bucket.ArnForObjects("*")],
            Conditions = requireHeader
                ? new Dictionary<string, object>
                {
                    ["StringNotEquals"] = new Dictionary<string, object> { ["s3:x-amz-server-side-encryption"] = "aws:kms" },
                }
                : new Dictionary<string, object>
                {
                    ["StringNotEqualsIfExists"] = new Dictionary<string, object> { ["s3:x-amz-server-side-encryption"] = "aws:kms" },
                    ["Null"] = new Dictionary<string, object> { ["s3:x-amz-server-side-encryption"] = "false" },
                },
        }));
        return bucket;
    }
}
