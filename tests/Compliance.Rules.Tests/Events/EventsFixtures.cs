using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.Events;

/// <summary>Rules and targets shaped like ListRules / ListTargetsByRule answers, covering every security event category.</summary>
internal static class EventsFixtures
{
    public const string TopicKey = "1234abcd-12ab-34cd-56ef-1234567890ab";

    public static string Topic(string region) => $"arn:aws:sns:{region}:{Account}:security-alerts";

    public static string Dlq(string region) => $"arn:aws:sqs:{region}:{Account}:security-events-dlq";

    public static EventsTarget SnsTarget(string region) => new()
    {
        Id = "security-alerts",
        Arn = Topic(region),
        DeadLetterConfig = new EventsDeadLetterConfig(Dlq(region)),
        RetryPolicy = new EventsRetryPolicy(185, 86400),
    };

    public static EventsTarget LambdaTarget(string region) => new()
    {
        Id = "remediation",
        Arn = $"arn:aws:lambda:{region}:{Account}:function:security-remediation",
        DeadLetterConfig = new EventsDeadLetterConfig(Dlq(region)),
        RetryPolicy = new EventsRetryPolicy(4, 3600),
    };

    public static EventsRule Rule(string name, string region, string pattern, params EventsTarget[] targets) => new()
    {
        Id = name,
        Name = name,
        EventBusName = "default",
        Region = region,
        AccountId = Account,
        Arn = $"arn:aws:events:{region}:{Account}:rule/{name}",
        State = "ENABLED",
        EventPattern = pattern,
        ScheduleExpression = "",
        ManagedBy = "",
        Targets = targets.Length == 0 ? [SnsTarget(region)] : targets,
    };

    public const string GuardDutyFindings = """{"source":["aws.guardduty"],"detail-type":["GuardDuty Finding"],"detail":{"severity":[{"numeric":[">=",7]}]}}""";

    public const string SecurityHub = """
        {"source":["aws.securityhub"],"detail-type":["Security Hub Findings - Imported"],
         "detail":{"findings":{"Compliance":{"Status":["FAILED"]},"Severity":{"Label":["HIGH","CRITICAL"]},"Workflow":{"Status":["NEW"]},"RecordState":["ACTIVE"]}}}
        """;

    public const string ConfigCompliance = """{"source":["aws.config"],"detail-type":["Config Rules Compliance Change"],"detail":{"messageType":["ComplianceChangeNotification"],"newEvaluationResult":{"complianceType":["NON_COMPLIANT"]}}}""";

    public const string RootSignIn = """{"detail-type":["AWS Console Sign In via CloudTrail"],"detail":{"userIdentity":{"type":["Root"]}}}""";

    public const string IamAndKms = """
        {"detail-type":["AWS API Call via CloudTrail"],
         "$or":[
           {"source":["aws.iam"],"detail":{"eventName":[{"suffix":"Policy"},{"suffix":"PolicyVersion"}]}},
           {"source":["aws.kms"],"detail":{"eventName":["DisableKey","ScheduleKeyDeletion"]}}]}
        """;

    public const string TrailAndConfig = """
        {"source":["aws.cloudtrail","aws.config"],"detail-type":["AWS API Call via CloudTrail"],
         "detail":{"eventName":[{"anything-but":{"prefix":"Describe"}}],"readOnly":[false]}}
        """;

    public const string Network = """
        {"source":["aws.ec2"],"detail-type":["AWS API Call via CloudTrail"],
         "detail":{"eventSource":["ec2.amazonaws.com"],"eventName":[{"wildcard":"*SecurityGroup*"},{"wildcard":"*NetworkAcl*"}],"errorCode":[{"exists":false}]}}
        """;

    /// <summary>The security-group rule of src/Infra/Checker/CheckerTriggers.cs, as CloudFormation deploys it.</summary>
    public const string CheckerSecurityGroupChanges = """
        {"source":["aws.ec2"],"detail-type":["AWS API Call via CloudTrail"],
         "detail":{"eventSource":["ec2.amazonaws.com"],"eventName":["AuthorizeSecurityGroupIngress","AuthorizeSecurityGroupEgress","RevokeSecurityGroupIngress","RevokeSecurityGroupEgress","CreateSecurityGroup","ModifySecurityGroupRules"]}}
        """;

    /// <summary>Rules routing every category in a region (root sign-in and IAM only where global events arrive).</summary>
    public static IEnumerable<EventsRule> AllRoutes(string region, bool global)
    {
        yield return Rule("guardduty-findings", region, GuardDutyFindings);
        yield return Rule("securityhub-findings", region, SecurityHub, SnsTarget(region), LambdaTarget(region));
        yield return Rule("config-compliance", region, ConfigCompliance);
        yield return Rule("iam-kms-changes", region, IamAndKms);
        yield return Rule("trail-config-changes", region, TrailAndConfig);
        yield return Rule("network-changes", region, Network, LambdaTarget(region));
        if (global)
        {
            yield return Rule("root-sign-in", region, RootSignIn);
        }
    }

    public static SnsTopic EncryptedTopic(string region, string? key) => new()
    {
        Id = Topic(region),
        Arn = Topic(region),
        Region = region,
        AccountId = Account,
        Attributes = new SnsTopicAttributes(key, PolicyDocument.Empty),
    };

    public static KmsKey CustomerKey(string region) => new()
    {
        Id = TopicKey,
        Region = region,
        AccountId = Account,
        Arn = $"arn:aws:kms:{region}:{Account}:key/{TopicKey}",
        KeyManager = "CUSTOMER",
        KeyState = "Enabled",
    };

    /// <summary>Both regions fully routed, topics encrypted with a customer managed key.</summary>
    public static AwsInventory Routed => BaseInventory with
    {
        EventsRules = [.. AllRoutes(Region, global: false), .. AllRoutes(OtherRegion, global: true)],
        SnsTopics = [EncryptedTopic(Region, $"arn:aws:kms:{Region}:{Account}:key/{TopicKey}"), EncryptedTopic(OtherRegion, $"arn:aws:kms:{OtherRegion}:{Account}:key/{TopicKey}")],
        KmsKeys = [CustomerKey(Region), CustomerKey(OtherRegion)],
    };
}
