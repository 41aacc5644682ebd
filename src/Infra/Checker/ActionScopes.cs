namespace Compliance.Infra.Checker;

/// <summary>
/// The narrowest resource each IAM action the function calls can be granted on, from the Service Authorization
/// Reference ("Actions, resources, and condition keys for ..."). Account-wide patterns are the tightest a scanner
/// can use: it reads every resource of a kind, in every region it scans. An action absent here is granted on "*".
/// </summary>
public static class ActionScopes
{
    /// <summary>
    /// Actions AWS offers no resource type for (List*/account-level calls, EC2 Describe*, creates of account singletons):
    /// the only resource they accept is "*". Listed so a new action needs a decision, not a silent "*" (a test checks).
    /// </summary>
    public static IReadOnlySet<string> WildcardOnly { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "backup:ListBackupVaults", "backup:ListProtectedResources",
        "cloudtrail:DescribeTrails",
        "config:DescribeConfigurationRecorderStatus", "config:DescribeConfigurationRecorders",
        // Called without names (every rule and channel of the Region), so granted on "*".
        "config:DescribeConfigRuleEvaluationStatus", "config:DescribeConfigRules", "config:DescribeDeliveryChannels",
        "dynamodb:ListTables",
        "ec2:DescribeFlowLogs", "ec2:DescribeInstances", "ec2:DescribeNetworkAcls", "ec2:DescribeRegions",
        "ec2:DescribeRouteTables", "ec2:DescribeSecurityGroupRules", "ec2:DescribeSecurityGroups",
        "ec2:DescribeSnapshotAttribute", "ec2:DescribeSnapshots", "ec2:DescribeSubnets", "ec2:DescribeVolumes",
        "ec2:DescribeVpcBlockPublicAccessExclusions", "ec2:DescribeVpcBlockPublicAccessOptions", "ec2:DescribeVpcEndpoints", "ec2:DescribeVpcs",
        "ec2:GetEbsDefaultKmsKeyId", "ec2:GetEbsEncryptionByDefault", "ec2:EnableEbsEncryptionByDefault",
        "events:ListEventBuses", "events:ListRules",
        "guardduty:ListDetectors", "guardduty:CreateDetector",
        // IAM's account-level reads and the password policy change: the policy, the summary, the credential report and
        // the authorization snapshot belong to the account, not to a user, role or policy ARN, so "*" is all they take.
        // ListRoles and ListVirtualMFADevices list every role or device of the account and take no resource either.
        "iam:GetAccountPasswordPolicy", "iam:UpdateAccountPasswordPolicy", "iam:GetAccountSummary",
        "iam:GenerateCredentialReport", "iam:GetCredentialReport", "iam:GetAccountAuthorizationDetails",
        "iam:ListRoles", "iam:ListVirtualMFADevices",
        "access-analyzer:ListAnalyzers",
        "kms:ListAliases", "kms:ListKeys",
        "lambda:ListFunctions",
        "logs:CreateLogDelivery", "logs:DeleteLogDelivery",
        "s3:GetAccountPublicAccessBlock", "s3:ListAllMyBuckets",
        "secretsmanager:ListSecrets",
        "sns:ListTopics",
    };

    /// <summary>The resource patterns of an action; "{p}" is the partition, "{a}" the account.</summary>
    private static readonly IReadOnlyDictionary<string, string[]> Patterns = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        // API Gateway authorizes its management API by verb on paths: the REST API collection and everything under it
        // (stages, resources, methods), and the usage plans. Its ARNs carry no account.
        ["apigateway:GET"] = ["arn:{p}:apigateway:*::/restapis", "arn:{p}:apigateway:*::/restapis/*", "arn:{p}:apigateway:*::/usageplans", "arn:{p}:apigateway:*::/usageplans/*"],
        ["backup:ListTags"] = ["arn:{p}:backup:*:{a}:backup-vault:*"],
        // An organization trail lives in the management account's ARN space: any account, trails only.
        ["cloudtrail:GetEventSelectors"] = ["arn:{p}:cloudtrail:*:*:trail/*"],
        ["cloudtrail:GetTrailStatus"] = ["arn:{p}:cloudtrail:*:*:trail/*"],
        // Only the account's own trails: an organization trail can be changed from the management account alone.
        ["cloudtrail:UpdateTrail"] = ["arn:{p}:cloudtrail:*:{a}:trail/*"],
        // Metric alarms only; reading composite alarms would need "*", and the scan does not read them.
        ["cloudwatch:DescribeAlarms"] = ["arn:{p}:cloudwatch:*:{a}:alarm:*"],
        ["dynamodb:DescribeContinuousBackups"] = ["arn:{p}:dynamodb:*:{a}:table/*"],
        ["dynamodb:DescribeTable"] = ["arn:{p}:dynamodb:*:{a}:table/*"],
        ["dynamodb:ListTagsOfResource"] = ["arn:{p}:dynamodb:*:{a}:table/*"],
        ["dynamodb:DescribeTimeToLive"] = ["arn:{p}:dynamodb:*:{a}:table/*"],
        ["dynamodb:UpdateContinuousBackups"] = ["arn:{p}:dynamodb:*:{a}:table/*"],
        ["dynamodb:UpdateTable"] = ["arn:{p}:dynamodb:*:{a}:table/*"],
        // Rules of custom buses have ARNs rule/bus-name/rule-name, which rule/* covers.
        ["events:ListTargetsByRule"] = ["arn:{p}:events:*:{a}:rule/*"],
        ["events:ListTagsForResource"] = ["arn:{p}:events:*:{a}:rule/*", "arn:{p}:events:*:{a}:event-bus/*"],
        ["guardduty:GetAdministratorAccount"] = ["arn:{p}:guardduty:*:{a}:detector/*"],
        ["guardduty:GetDetector"] = ["arn:{p}:guardduty:*:{a}:detector/*"],
        ["guardduty:ListFindings"] = ["arn:{p}:guardduty:*:{a}:detector/*"],
        ["guardduty:UpdateDetector"] = ["arn:{p}:guardduty:*:{a}:detector/*"],
        ["kms:DescribeKey"] = ["arn:{p}:kms:*:{a}:key/*"],
        ["kms:GetKeyPolicy"] = ["arn:{p}:kms:*:{a}:key/*"],
        ["kms:GetKeyRotationStatus"] = ["arn:{p}:kms:*:{a}:key/*"],
        ["kms:ListResourceTags"] = ["arn:{p}:kms:*:{a}:key/*"],
        ["kms:EnableKeyRotation"] = ["arn:{p}:kms:*:{a}:key/*"],
        ["lambda:GetPolicy"] = ["arn:{p}:lambda:*:{a}:function:*"],
        ["lambda:ListFunctionUrlConfigs"] = ["arn:{p}:lambda:*:{a}:function:*"],
        ["lambda:ListTags"] = ["arn:{p}:lambda:*:{a}:function:*"],
        ["logs:DescribeLogGroups"] = ["arn:{p}:logs:*:{a}:log-group:*"],
        ["logs:DescribeMetricFilters"] = ["arn:{p}:logs:*:{a}:log-group:*"],
        ["logs:AssociateKmsKey"] = ["arn:{p}:logs:*:{a}:log-group:*"],
        ["sns:GetTopicAttributes"] = ["arn:{p}:sns:*:{a}:*"],
        ["sns:ListTagsForResource"] = ["arn:{p}:sns:*:{a}:*"],
        // Setting KmsMasterKeyId needs no KMS permission of the caller; the topic's publishers need it on the key.
        ["sns:SetTopicAttributes"] = ["arn:{p}:sns:*:{a}:*"],
        ["ec2:RevokeSecurityGroupIngress"] = ["arn:{p}:ec2:*:{a}:security-group/*"],
        ["ec2:RevokeSecurityGroupEgress"] = ["arn:{p}:ec2:*:{a}:security-group/*"],
        // CreateFlowLogs authorizes the VPC it attaches to and the flow log it creates.
        ["ec2:CreateFlowLogs"] = ["arn:{p}:ec2:*:{a}:vpc/*", "arn:{p}:ec2:*:{a}:vpc-flow-log/*"],
        // Only GuardDuty's own service-linked role (the first CreateDetector of an account creates it).
        ["iam:CreateServiceLinkedRole"] = ["arn:{p}:iam::{a}:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty"],
    };

    /// <summary>
    /// The resources of an action, or ["*"] for the <see cref="WildcardOnly"/> ones. S3 bucket-level Get/Put actions
    /// are granted on every bucket ARN (bucket ARNs carry no account or region).
    /// </summary>
    /// <exception cref="InvalidOperationException">The action is in neither table: decide its scope before granting it.</exception>
    public static IReadOnlyList<string> For(string action, string partition, string account)
    {
        if (WildcardOnly.Contains(action))
        {
            return ["*"];
        }

        if (Patterns.TryGetValue(action, out var patterns))
        {
            return [.. patterns.Select(p => p.Replace("{p}", partition, StringComparison.Ordinal).Replace("{a}", account, StringComparison.Ordinal))];
        }

        if (action.StartsWith("s3:GetBucket", StringComparison.Ordinal) || action.StartsWith("s3:PutBucket", StringComparison.Ordinal)
            || action is "s3:GetEncryptionConfiguration" or "s3:PutEncryptionConfiguration" or "s3:GetLifecycleConfiguration")
        {
            return [$"arn:{partition}:s3:::*"];
        }

        throw new InvalidOperationException($"No resource scope is defined for {action}: add it to ActionScopes.");
    }

    /// <summary>IAM conditions that narrow an action further, by action.</summary>
    public static IReadOnlyDictionary<string, object>? ConditionsFor(string action) => action switch
    {
        "iam:CreateServiceLinkedRole" => new Dictionary<string, object>
        {
            ["StringEquals"] = new Dictionary<string, object> { ["iam:AWSServiceName"] = "guardduty.amazonaws.com" },
        },
        _ => null,
    };
}
