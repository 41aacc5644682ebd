using Amazon.CDK;
using Amazon.CDK.AWS.CloudTrail;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.S3;
using Constructs;

namespace Compliance.Infra.Checker;

/// <summary>Properties of <see cref="ChangeTrail"/>.</summary>
public sealed record ChangeTrailProps
{
    /// <summary>Environment suffix of the names.</summary>
    public required string EnvironmentName { get; init; }

    /// <summary>The key of the trail's log files (its policy allows CloudTrail).</summary>
    public required IKey Key { get; init; }

    /// <summary>The stack's server access log destination.</summary>
    public required IBucket AccessLogs { get; init; }

}

/// <summary>
/// A multi-region trail of management events with log file validation, KMS-encrypted: "AWS API Call via CloudTrail"
/// events reach EventBridge only while a trail records management events. Optional (context cloudTrail=true),
/// since most accounts already have one (an organization trail counts).
/// </summary>
public sealed class ChangeTrail : Construct
{
    /// <summary>The trail's name for an environment (the key policy names it).</summary>
    public static string TrailNameOf(string environmentName) => $"trail-compliance-{environmentName}";

    /// <summary>The trail.</summary>
    public Trail Trail { get; }

    /// <summary>The bucket of its log files.</summary>
    public Bucket Bucket { get; }

    public ChangeTrail(Construct scope, string id, ChangeTrailProps props) : base(scope, id)
    {
        Bucket = new Bucket(this, "Bucket", SecureBucket.LogProps(
            $"s3-compliance-trail-{props.EnvironmentName}-{Stack.Of(this).Account}",
            props.Key,
            props.AccessLogs,
            new LifecycleRule
            {
                Id = "archive-trail",
                Transitions = [new Transition { StorageClass = StorageClass.GLACIER, TransitionAfter = Duration.Days(90) }],
                Expiration = Duration.Days(365),
                NoncurrentVersionExpiration = Duration.Days(30),
            }));

        Trail = new Trail(this, "Trail", new TrailProps
        {
            TrailName = TrailNameOf(props.EnvironmentName),
            Bucket = Bucket,
            EncryptionKey = props.Key,
            IsMultiRegionTrail = true,
            IncludeGlobalServiceEvents = true,
            EnableFileValidation = true,
            ManagementEvents = ReadWriteType.ALL,
        });
    }
}
