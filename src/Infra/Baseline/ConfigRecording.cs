using Amazon.CDK;
using Amazon.CDK.AWS.Config;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.S3;
using Constructs;

namespace Compliance.Infra.Baseline;

/// <summary>Properties of <see cref="ConfigRecording"/>.</summary>
public sealed record ConfigRecordingProps
{
    /// <summary>Environment suffix of the names.</summary>
    public required string EnvironmentName { get; init; }

    /// <summary>The S3 key: default encryption of the delivery bucket and the key Config encrypts deliveries with.</summary>
    public required IKey Key { get; init; }

    /// <summary>The stack's server access log destination.</summary>
    public required IBucket AccessLogs { get; init; }

    /// <summary>The security alarm topic the delivery channel notifies.</summary>
    public required Amazon.CDK.AWS.SNS.ITopic Topic { get; init; }

    /// <summary>The key that encrypts the topic.</summary>
    public required IKey TopicKey { get; init; }

}

/// <summary>
/// AWS Config: a recorder of all supported resource types, global ones (IAM) included, running as the service-linked
/// role AWSServiceRoleForConfig; a delivery channel (daily snapshots) to a dedicated bucket
/// <c>s3-config-{env}-{account}</c>; and AWS managed rules for encryption at rest.
/// The bucket is dedicated rather than one of the three baseline buckets: Config needs its own bucket-policy grants
/// (config.amazonaws.com may check the ACL, list and put under AWSLogs/{account}/Config/), and the log and report
/// buckets should not carry them. It follows <see cref="BaselineBuckets"/>: SSE-KMS with the S3 key, versioned, all four
/// public-access blocks, TLS only, and PutObject denied when it asks for an encryption other than SSE-KMS.
/// The service-linked role is referenced, not created: an account has at most one, and a second stack (or the
/// console) creating it would make this one fail. Create it once with
/// <c>aws iam create-service-linked-role --aws-service-name config.amazonaws.com</c>.
/// An account holds one recorder and one delivery channel per region, so deploying fails where they already exist.
/// </summary>
public sealed class ConfigRecording : Construct
{
    /// <summary>AWS managed rules for encryption, by the purpose in their names.</summary>
    public static IReadOnlyDictionary<string, string> EncryptionRules { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["s3-default-encryption-kms"] = ManagedRuleIdentifiers.S3_DEFAULT_ENCRYPTION_KMS,
        ["encrypted-volumes"] = ManagedRuleIdentifiers.EBS_ENCRYPTED_VOLUMES,
        ["log-group-encrypted"] = ManagedRuleIdentifiers.CLOUDWATCH_LOG_GROUP_ENCRYPTED,
        ["dynamodb-table-encrypted-kms"] = ManagedRuleIdentifiers.DYNAMODB_TABLE_ENCRYPTED_KMS,
        ["sns-encrypted-kms"] = ManagedRuleIdentifiers.SNS_ENCRYPTED_KMS,
        ["rds-storage-encrypted"] = ManagedRuleIdentifiers.RDS_STORAGE_ENCRYPTED,
    };

    /// <summary>
    /// AWS managed rules for the network and public access, which the checker's Config.ConfigRule.1 requires by default
    /// besides the encryption rules (PCI DSS 1.3, 1.4, 10.2).
    /// </summary>
    public static IReadOnlyDictionary<string, string> AccessRules { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["s3-bucket-public-read-prohibited"] = ManagedRuleIdentifiers.S3_BUCKET_PUBLIC_READ_PROHIBITED,
        ["s3-bucket-public-write-prohibited"] = ManagedRuleIdentifiers.S3_BUCKET_PUBLIC_WRITE_PROHIBITED,
        ["vpc-flow-logs-enabled"] = ManagedRuleIdentifiers.VPC_FLOW_LOGS_ENABLED,
        ["restricted-ssh"] = ManagedRuleIdentifiers.EC2_SECURITY_GROUPS_INCOMING_SSH_DISABLED,
    };

    /// <summary>The delivery bucket.</summary>
    public Bucket Bucket { get; }

    /// <summary>The configuration recorder.</summary>
    public CfnConfigurationRecorder Recorder { get; }

    /// <summary>The delivery channel.</summary>
    public CfnDeliveryChannel DeliveryChannel { get; }

    /// <summary>The managed rules, by purpose.</summary>
    public IReadOnlyDictionary<string, ManagedRule> Rules { get; }

    public ConfigRecording(Construct scope, string id, ConfigRecordingProps props) : base(scope, id)
    {
        var stack = Stack.Of(this);
        var account = stack.Account;
        var env = props.EnvironmentName;
        var config = new ServicePrincipal("config.amazonaws.com");
        var sameAccount = new Dictionary<string, object> { ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = account } };

        Bucket = new Bucket(this, "Bucket", SecureBucket.Props(
            $"s3-config-{env}-{account}",
            props.Key,
            props.AccessLogs,
            new LifecycleRule { Id = "expire-old-versions", NoncurrentVersionExpiration = Duration.Days(90) }));
        // The grants AWS Config documents for a delivery bucket, limited to this account's Config.
        Bucket.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "ConfigChecksBucket",
            Principals = [config],
            Actions = ["s3:GetBucketAcl", "s3:ListBucket"],
            Resources = [Bucket.BucketArn],
            Conditions = sameAccount,
        }));
        Bucket.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "ConfigDelivers",
            Principals = [config],
            Actions = ["s3:PutObject"],
            Resources = [Bucket.ArnForObjects($"AWSLogs/{account}/Config/*")],
            Conditions = new Dictionary<string, object>
            {
                ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = account, ["s3:x-amz-acl"] = "bucket-owner-full-control" },
            },
        }));
        Bucket.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "DenyNonKmsEncryptionHeaders",
            Effect = Effect.DENY,
            Principals = [new AnyPrincipal()],
            Actions = ["s3:PutObject"],
            Resources = [Bucket.ArnForObjects("*")],
            Conditions = new Dictionary<string, object>
            {
                ["StringNotEqualsIfExists"] = new Dictionary<string, object> { ["s3:x-amz-server-side-encryption"] = "aws:kms" },
                ["Null"] = new Dictionary<string, object> { ["s3:x-amz-server-side-encryption"] = "false" },
            },
        }));
        // Config encrypts deliveries with the key (S3KmsKeyArn): the key policy must let this account's Config use it.
        // In a key policy "*" is the key itself.
        _ = props.Key.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "ConfigEncryptsDeliveries",
            Principals = [config],
            Actions = ["kms:Decrypt", "kms:GenerateDataKey"],
            Resources = ["*"],
            // Config writes through S3, which calls KMS on its behalf (KMS.Key.4).
            Conditions = new Dictionary<string, object>
            {
                ["StringEquals"] = new Dictionary<string, object>
                {
                    ["aws:SourceAccount"] = Stack.Of(this).Account,
                    ["kms:ViaService"] = $"s3.{Stack.Of(this).Region}.amazonaws.com",
                },
            },
        }));

        Recorder = new CfnConfigurationRecorder(this, "Recorder", new CfnConfigurationRecorderProps
        {
            Name = $"config-recorder-{env}",
            RoleArn = $"arn:{stack.Partition}:iam::{account}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig",
            RecordingGroup = new CfnConfigurationRecorder.RecordingGroupProperty { AllSupported = true, IncludeGlobalResourceTypes = true },
        });
        DeliveryChannel = new CfnDeliveryChannel(this, "DeliveryChannel", new CfnDeliveryChannelProps
        {
            Name = $"config-delivery-{env}",
            S3BucketName = Bucket.BucketName,
            S3KmsKeyArn = props.Key.KeyArn,
            ConfigSnapshotDeliveryProperties = new CfnDeliveryChannel.ConfigSnapshotDeliveryPropertiesProperty { DeliveryFrequency = "TwentyFour_Hours" },
            // Configuration changes and compliance changes also go to the security alarm topic (Config.DeliveryChannel.1).
            SnsTopicArn = props.Topic.TopicArn,
        });
        DeliveryChannel.Node.AddDependency(Bucket);

        // Config publishes as its service-linked role (the recorder's role): the topic admits it, and the topic's key lets
        // it encrypt only through SNS (KMS.Key.4). The role must exist before deployment (README).
        var configRole = new ArnPrincipal(Recorder.RoleArn);
        _ = props.Topic.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "ConfigPublishes",
            Principals = [configRole],
            Actions = ["sns:Publish"],
            Resources = [props.Topic.TopicArn],
        }));
        _ = props.TopicKey.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "ConfigEncryptsNotifications",
            Principals = [configRole],
            Actions = ["kms:Decrypt", "kms:GenerateDataKey"],
            Resources = ["*"],
            Conditions = new Dictionary<string, object>
            {
                ["StringEquals"] = new Dictionary<string, object> { ["kms:ViaService"] = $"sns.{stack.Region}.amazonaws.com" },
            },
        }));

        var rules = new Dictionary<string, ManagedRule>(StringComparer.Ordinal);
        foreach (var (purpose, identifier) in EncryptionRules.Concat(AccessRules))
        {
            var rule = new ManagedRule(this, purpose, new ManagedRuleProps
            {
                ConfigRuleName = $"config-{purpose}-{env}",
                Identifier = identifier,
                Description = $"AWS managed rule {identifier}: encryption at rest.",
            });
            // Rules need a recorder to evaluate against.
            rule.Node.AddDependency(Recorder);
            rules[purpose] = rule;
        }

        Rules = rules;
    }
}
