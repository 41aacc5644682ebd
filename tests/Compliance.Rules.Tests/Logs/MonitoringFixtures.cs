using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.Logs;

/// <summary>
/// A CIS 4.x monitoring setup as the CIS benchmark and Security Hub remediation steps build it: a multi-Region trail into a
/// log group, one metric filter per event class with the published pattern, one alarm per metric, all to one topic.
/// </summary>
internal static class MonitoringFixtures
{
    public const string TrailLogGroup = "/aws/cloudtrail/audit";
    public const string Namespace = "CISBenchmark";
    public const string KeyArn = $"arn:aws:kms:{Region}:{Account}:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    public static readonly string TopicArn = $"arn:aws:sns:{Region}:{Account}:security-alerts";

    /// <summary>The published patterns (CIS AWS Foundations v3.0 section 4, Security Hub CloudWatch.1-14), by metric name.</summary>
    public static readonly IReadOnlyDictionary<string, string> CisPatterns = new Dictionary<string, string>
    {
        ["RootAccountUsage"] = """{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }""",
        ["UnauthorizedAPICalls"] = """{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") && ($.sourceIPAddress != "delivery.logs.amazonaws.com") && ($.eventName != "HeadBucket") }""",
        ["ConsoleSigninWithoutMFA"] = """{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }""",
        ["ConsoleAuthenticationFailures"] = """{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }""",
        ["IAMPolicyChanges"] = "{($.eventName=DeleteGroupPolicy)||($.eventName=DeleteRolePolicy)||($.eventName=DeleteUserPolicy)||($.eventName=PutGroupPolicy)||($.eventName=PutRolePolicy)||($.eventName=PutUserPolicy)||($.eventName=CreatePolicy)||($.eventName=DeletePolicy)||($.eventName=CreatePolicyVersion)||($.eventName=DeletePolicyVersion)||($.eventName=AttachRolePolicy)||($.eventName=DetachRolePolicy)||($.eventName=AttachUserPolicy)||($.eventName=DetachUserPolicy)||($.eventName=AttachGroupPolicy)||($.eventName=DetachGroupPolicy)}",
        ["CloudTrailChanges"] = "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }",
        ["CMKDisableOrDeletion"] = "{($.eventSource = kms.amazonaws.com) && (($.eventName=DisableKey)||($.eventName=ScheduleKeyDeletion)) }",
        ["S3BucketPolicyChanges"] = "{ ($.eventSource = s3.amazonaws.com) && (($.eventName = PutBucketAcl) || ($.eventName = PutBucketPolicy) || ($.eventName = PutBucketCors) || ($.eventName = PutBucketLifecycle) || ($.eventName = PutBucketReplication) || ($.eventName = DeleteBucketPolicy) || ($.eventName = DeleteBucketCors) || ($.eventName = DeleteBucketLifecycle) || ($.eventName = DeleteBucketReplication)) }",
        ["AWSConfigChanges"] = "{ ($.eventSource = config.amazonaws.com) && (($.eventName=StopConfigurationRecorder)||($.eventName=DeleteDeliveryChannel)||($.eventName=PutDeliveryChannel)||($.eventName=PutConfigurationRecorder)) }",
        ["SecurityGroupChanges"] = "{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = AuthorizeSecurityGroupEgress) || ($.eventName = RevokeSecurityGroupIngress) || ($.eventName = RevokeSecurityGroupEgress) || ($.eventName = CreateSecurityGroup) || ($.eventName = DeleteSecurityGroup) }",
        ["NACLChanges"] = "{ ($.eventName = CreateNetworkAcl) || ($.eventName = CreateNetworkAclEntry) || ($.eventName = DeleteNetworkAcl) || ($.eventName = DeleteNetworkAclEntry) || ($.eventName = ReplaceNetworkAclEntry) || ($.eventName = ReplaceNetworkAclAssociation) }",
        ["NetworkGatewayChanges"] = "{ ($.eventName = CreateCustomerGateway) || ($.eventName = DeleteCustomerGateway) || ($.eventName = AttachInternetGateway) || ($.eventName = CreateInternetGateway) || ($.eventName = DeleteInternetGateway) || ($.eventName = DetachInternetGateway) }",
        ["RouteTableChanges"] = "{($.eventSource = ec2.amazonaws.com) && (($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRoute) || ($.eventName = ReplaceRouteTableAssociation) || ($.eventName = DeleteRouteTable) || ($.eventName = DeleteRoute) || ($.eventName = DisassociateRouteTable)) }",
        ["VPCChanges"] = "{ ($.eventName = CreateVpc) || ($.eventName = DeleteVpc) || ($.eventName = ModifyVpcAttribute) || ($.eventName = AcceptVpcPeeringConnection) || ($.eventName = CreateVpcPeeringConnection) || ($.eventName = DeleteVpcPeeringConnection) || ($.eventName = RejectVpcPeeringConnection) || ($.eventName = AttachClassicLinkVpc) || ($.eventName = DetachClassicLinkVpc) || ($.eventName = DisableVpcClassicLink) || ($.eventName = EnableVpcClassicLink) }",
    };

    public static Trail Trail(string name = "audit", string account = Account, string logGroup = TrailLogGroup) => new()
    {
        Id = name,
        Region = Region,
        AccountId = account,
        Arn = $"arn:aws:cloudtrail:{Region}:{account}:trail/{name}",
        IsMultiRegionTrail = true,
        IncludeGlobalServiceEvents = true,
        LogFileValidationEnabled = true,
        S3BucketName = $"aws-cloudtrail-logs-{account}-3f2a1b9c",
        CloudWatchLogsLogGroupArn = $"arn:aws:logs:{Region}:{account}:log-group:{logGroup}:*",
        IsLogging = true,
        EventSelectors = new TrailEventSelectors { Basic = [new EventSelector("All", true)] },
    };

    public static MetricFilter Filter(string metricName, string? pattern = null, string logGroup = TrailLogGroup) => new()
    {
        Id = $"cis-{metricName}",
        Region = Region,
        AccountId = Account,
        LogGroupName = logGroup,
        FilterPattern = pattern ?? CisPatterns[metricName],
        MetricTransformations = [new MetricTransformation(Namespace, metricName, "1")],
    };

    public static CloudWatchAlarm Alarm(string metricName, string? topic = null) => new()
    {
        Id = $"CIS-{metricName}",
        Region = Region,
        AccountId = Account,
        Arn = $"arn:aws:cloudwatch:{Region}:{Account}:alarm:CIS-{metricName}",
        ActionsEnabled = true,
        AlarmActions = [topic ?? TopicArn],
        Namespace = Namespace,
        MetricName = metricName,
        Statistic = "Sum",
        ComparisonOperator = "GreaterThanOrEqualToThreshold",
        Threshold = 1,
    };

    public static SnsTopic Topic(int? confirmed = 1, string? kmsKey = KeyArn) => new()
    {
        Id = TopicArn,
        Arn = TopicArn,
        Region = Region,
        AccountId = Account,
        Attributes = new SnsTopicAttributes(kmsKey, PolicyDocument.Empty),
        SubscriptionsConfirmed = confirmed,
    };

    public static KmsKey Key => new()
    {
        Id = "1234abcd-12ab-34cd-56ef-1234567890ab", Arn = KeyArn, Region = Region, AccountId = Account,
        KeyManager = "CUSTOMER", KeyState = "Enabled", KeySpec = "SYMMETRIC_DEFAULT", Aliases = ["alias/security-alerts"],
    };

    /// <summary>The complete setup for the given metrics (all fourteen when none are named).</summary>
    public static AwsInventory Monitored(params string[] metrics)
    {
        var names = metrics.Length == 0 ? CisPatterns.Keys.ToArray() : metrics;
        return BaseInventory with
        {
            Trails = [Trail()],
            MetricFilters = [.. names.Select(m => Filter(m))],
            CloudWatchAlarms = [.. names.Select(m => Alarm(m))],
            SnsTopics = [Topic()],
            KmsKeys = [Key],
        };
    }

    public static Finding Judge(IComplianceRule rule, AwsInventory inventory) => Assert.Single(Evaluate(rule, inventory));
}
