using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Constructs;

namespace Compliance.Infra.Baseline;

/// <summary>Properties of <see cref="BaselineKeys"/>.</summary>
public sealed record BaselineKeysProps
{
    /// <summary>Environment suffix of the aliases.</summary>
    public required string EnvironmentName { get; init; }
}

/// <summary>
/// Three customer managed keys with yearly rotation: application data, S3 and logs, aliased
/// <c>alias/{purpose}-encryption-{env}</c>. The account root administers and uses each (so IAM policies can delegate;
/// the actions are listed, not "kms:*"). The S3 key lets VPC flow-log delivery (delivery.logs.amazonaws.com) of this
/// account encrypt with it; S3 itself needs no statement, since SSE-KMS uses the caller's own permissions. The logs
/// key lets CloudWatch Logs use it for this account's log groups only (encryption-context condition).
/// </summary>
public sealed class BaselineKeys : Construct
{
    /// <summary>What the account root may do with each key.</summary>
    public static IReadOnlyList<string> RootActions { get; } =
    [
        "kms:CancelKeyDeletion", "kms:CreateAlias", "kms:CreateGrant", "kms:Decrypt", "kms:DeleteAlias", "kms:DescribeKey",
        "kms:DisableKey", "kms:DisableKeyRotation", "kms:EnableKey", "kms:EnableKeyRotation", "kms:Encrypt", "kms:GenerateDataKey",
        "kms:GenerateDataKeyWithoutPlaintext", "kms:GetKeyPolicy", "kms:GetKeyRotationStatus", "kms:ListAliases", "kms:ListGrants",
        "kms:ListKeyPolicies", "kms:ListResourceTags", "kms:PutKeyPolicy", "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:RetireGrant",
        "kms:RevokeGrant", "kms:ScheduleKeyDeletion", "kms:TagResource", "kms:UntagResource", "kms:UpdateAlias", "kms:UpdateKeyDescription",
    ];

    /// <summary>The application data key.</summary>
    public Key Application { get; }

    /// <summary>The S3 key.</summary>
    public Key S3 { get; }

    /// <summary>The logs key.</summary>
    public Key Logs { get; }

    public BaselineKeys(Construct scope, string id, BaselineKeysProps props) : base(scope, id)
    {
        var stack = Stack.Of(this);
        var account = stack.Account;

        Application = Create("app", props.EnvironmentName, "Application data", "data");
        S3 = Create("s3", props.EnvironmentName, "S3 buckets: application logs, flow logs, compliance reports", "logs",
            new PolicyStatement(new PolicyStatementProps
            {
                Sid = "FlowLogDeliveryEncrypts",
                Principals = [new ServicePrincipal("delivery.logs.amazonaws.com")],
                Actions = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:GenerateDataKey", "kms:DescribeKey"],
                Resources = ["*"],
                Conditions = new Dictionary<string, object>
                {
                    // Delivery writes through S3, which calls KMS on its behalf: the key serves the bucket only (KMS.Key.4).
                    ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = account, ["kms:ViaService"] = $"s3.{stack.Region}.amazonaws.com" },
                    ["ArnLike"] = new Dictionary<string, object> { ["aws:SourceArn"] = $"arn:{stack.Partition}:logs:{stack.Region}:{account}:*" },
                },
            }));
        Logs = Create("logs", props.EnvironmentName, "CloudWatch Logs log groups", "logs",
            new PolicyStatement(new PolicyStatementProps
            {
                Sid = "LogsEncryptThisAccountsLogGroups",
                Principals = [new ServicePrincipal($"logs.{stack.Region}.amazonaws.com")],
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
            }));
    }

    /// <summary>The Purpose tag (KMS.Key.4: one declared purpose per key) of a key: data, logs or secrets.</summary>
    private Key Create(string purpose, string env, string description, string purposeTag, params PolicyStatement[] statements)
    {
        var policy = new PolicyDocument(new PolicyDocumentProps
        {
            Statements =
            [
                new PolicyStatement(new PolicyStatementProps
                {
                    Sid = "AccountAdministersAndUses",
                    Principals = [new AccountRootPrincipal()],
                    Actions = [.. RootActions],
                    // In a key policy "*" is the key itself.
                    Resources = ["*"],
                }),
                .. statements,
            ],
        });
        var key = new Key(this, purpose, new KeyProps
        {
            Alias = $"alias/{purpose}-encryption-{env}",
            Description = $"{description} ({env}).",
            EnableKeyRotation = true,
            PendingWindow = Duration.Days(30),
            RemovalPolicy = RemovalPolicy.RETAIN,
            Policy = policy,
        });
        Amazon.CDK.Tags.Of(key).Add("Purpose", purposeTag);
        return key;
    }
}
