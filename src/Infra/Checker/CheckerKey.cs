using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Constructs;

namespace Compliance.Infra.Checker;

/// <summary>Properties of <see cref="CheckerKey"/>.</summary>
public sealed record CheckerKeyProps
{
    /// <summary>Environment suffix of the alias.</summary>
    public required string EnvironmentName { get; init; }
}

/// <summary>
/// The customer managed key of the checker's data (reports, topic, dead-letter queue, logs, trail), rotated yearly.
/// Its policy names each service that encrypts with it, scoped to this account by condition.
/// </summary>
public sealed class CheckerKey : Construct
{
    /// <summary>Usage actions a service needs to encrypt messages or objects with the key.</summary>
    private static readonly string[] ServiceUsage = ["kms:Decrypt", "kms:GenerateDataKey"];

    /// <summary>The key.</summary>
    public Key Key { get; }

    public CheckerKey(Construct scope, string id, CheckerKeyProps props) : base(scope, id)
    {
        var stack = Stack.Of(this);
        var account = stack.Account;

        Key = new Key(this, "Key", new KeyProps
        {
            Alias = $"alias/compliance-checker-{props.EnvironmentName}",
            Description = "Compliance checker: reports, alert topic, dead-letter queue, function logs and trail.",
            EnableKeyRotation = true,
            PendingWindow = Duration.Days(30),
            RemovalPolicy = RemovalPolicy.RETAIN,
            // The account root keeps administration and use (as the AWS default key policy does), so IAM policies
            // can delegate; the role gets its own narrow grants. The actions are listed instead of "kms:*".
            Policy = new PolicyDocument(new PolicyDocumentProps
            {
                Statements =
                [
                    new PolicyStatement(new PolicyStatementProps
                    {
                        Sid = "AccountAdministersAndUses",
                        Principals = [new AccountRootPrincipal()],
                        Actions =
                        [
                            "kms:CancelKeyDeletion", "kms:CreateAlias", "kms:CreateGrant", "kms:Decrypt", "kms:DeleteAlias",
                            "kms:DescribeKey", "kms:DisableKey", "kms:DisableKeyRotation", "kms:EnableKey", "kms:EnableKeyRotation",
                            "kms:Encrypt", "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:GetKeyPolicy",
                            "kms:GetKeyRotationStatus", "kms:ListAliases", "kms:ListGrants", "kms:ListKeyPolicies", "kms:ListResourceTags",
                            "kms:PutKeyPolicy", "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:RetireGrant", "kms:RevokeGrant",
                            "kms:ScheduleKeyDeletion", "kms:TagResource", "kms:UntagResource", "kms:UpdateAlias", "kms:UpdateKeyDescription",
                        ],
                        // A key policy's "*" resource means this key itself.
                        Resources = ["*"],
                    }),
                    new PolicyStatement(new PolicyStatementProps
                    {
                        Sid = "LogsEncryptTheFunctionLogGroup",
                        Principals = [new ServicePrincipal($"logs.{stack.Region}.amazonaws.com")],
                        // The AWS documentation's statement, with its Encrypt*/Decrypt*/ReEncrypt*/GenerateDataKey*/Describe*
                        // spelled out.
                        Actions =
                        [
                            "kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:GenerateDataKey",
                            "kms:GenerateDataKeyWithoutPlaintext", "kms:DescribeKey",
                        ],
                        Resources = ["*"],
                        Conditions = new Dictionary<string, object>
                        {
                            ["ArnLike"] = new Dictionary<string, object>
                            {
                                ["kms:EncryptionContext:aws:logs:arn"] = $"arn:{stack.Partition}:logs:{stack.Region}:{account}:log-group:*",
                            },
                        },
                    }),
                    new PolicyStatement(new PolicyStatementProps
                    {
                        Sid = "EventBridgeAndAlarmsEncryptTopicAndQueueMessages",
                        Principals = [new ServicePrincipal("events.amazonaws.com"), new ServicePrincipal("cloudwatch.amazonaws.com")],
                        Actions = ServiceUsage,
                        Resources = ["*"],
                        // No aws:SourceAccount condition here: SNS calls KMS on the publisher's behalf and the AWS
                        // documentation's statements for EventBridge and alarms carry none. The topic policy scopes
                        // these principals to this account instead; kms:ViaService keeps the key to the topic and the
                        // dead-letter queue (KMS.Key.4).
                        Conditions = new Dictionary<string, object>
                        {
                            ["StringEquals"] = new Dictionary<string, object>
                            {
                                ["kms:ViaService"] = new[] { $"sns.{stack.Region}.amazonaws.com", $"sqs.{stack.Region}.amazonaws.com" },
                            },
                        },
                    }),
                    new PolicyStatement(new PolicyStatementProps
                    {
                        Sid = "CloudTrailEncryptsLogs",
                        Principals = [new ServicePrincipal("cloudtrail.amazonaws.com")],
                        Actions = ["kms:GenerateDataKey", "kms:DescribeKey"],
                        Resources = ["*"],
                        Conditions = new Dictionary<string, object>
                        {
                            ["StringEquals"] = new Dictionary<string, object>
                            {
                                ["aws:SourceArn"] = $"arn:{stack.Partition}:cloudtrail:{stack.Region}:{account}:trail/{ChangeTrail.TrailNameOf(props.EnvironmentName)}",
                            },
                            ["StringLike"] = new Dictionary<string, object>
                            {
                                ["kms:EncryptionContext:aws:cloudtrail:arn"] = $"arn:{stack.Partition}:cloudtrail:*:{account}:trail/*",
                            },
                        },
                    }),
                ],
            }),
        });
        // One declared purpose (KMS.Key.4): everything this key protects is the checker's audit trail.
        Amazon.CDK.Tags.Of(Key).Add("Purpose", "logs");
    }
}
