using Amazon.CDK;
using Constructs;

namespace Compliance.Infra.Baseline;

/// <summary>Properties of <see cref="BaselineStack"/>.</summary>
public sealed record BaselineStackProps
{
    /// <summary>The app's context values.</summary>
    public required DeploymentSettings Settings { get; init; }
}

/// <summary>
/// The zero-trust baseline the checker guards: the VPC and its tiers, NACLs, security groups, VPC endpoints, the three
/// KMS keys, the three buckets, VPC flow logs to S3, log groups with the authentication-failure metric filter and
/// alarms, GuardDuty, the rotated application secret, AWS Config, the audit table, the IAM roles and policies, and the
/// tags on everything.
/// </summary>
public sealed class BaselineStack : Stack
{
    /// <summary>The tags put on every resource of the stack.</summary>
    public static IReadOnlyDictionary<string, string> TagsFor(string environmentName) => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Environment"] = environmentName,
        ["DataClassification"] = "confidential",
        ["PCIScope"] = "true",
        ["Compliance"] = "PCI-DSS-3.2.1",
        ["Owner"] = "security-engineering",
        ["ManagedBy"] = "cdk",
    };

    /// <summary>Puts <see cref="TagsFor"/> on every resource of a stack (Tagging.Resource.1).</summary>
    public static void ApplyTags(Stack stack, string environmentName)
    {
        foreach (var (key, value) in TagsFor(environmentName))
        {
            Amazon.CDK.Tags.Of(stack).Add(key, value);
        }
    }

    public BaselineStack(Construct scope, string id, IStackProps stackProps, BaselineStackProps props) : base(scope, id, stackProps)
    {
        SecureBucket.UseBucketPolicyForAccessLogs(this);
        ManagedPoliciesOnly.ApplyTo(this);
        NagExceptions.ApplyTo(this);
        var settings = props.Settings;
        var env = settings.EnvironmentName;
        ApplyTags(this, env);

        var network = new Network(this, "Network", new NetworkProps { EnvironmentName = env, Nat = settings.Nat });
        var acls = new NetworkAcls(this, "Acls", new NetworkAclsProps { EnvironmentName = env, Network = network, AdminCidr = settings.AdminCidr });
        var endpoints = new Endpoints(this, "Endpoints", new EndpointsProps { EnvironmentName = env, Network = network });
        var keys = new BaselineKeys(this, "Keys", new BaselineKeysProps { EnvironmentName = env });
        var buckets = new BaselineBuckets(this, "Buckets", new BaselineBucketsProps
        {
            EnvironmentName = env,
            Key = keys.S3,
            FlowLogGlacierDays = settings.FlowLogGlacierDays,
            FlowLogExpireDays = settings.FlowLogExpireDays,
        });
        var monitoring = new Monitoring(this, "Monitoring", new MonitoringProps
        {
            EnvironmentName = env,
            Key = keys.Logs,
            AlertEmail = settings.AlertEmail,
            NatGatewayId = network.NatGateway?.Ref,
        });
        var flowLogs = new FlowLogs(this, "FlowLogs", new FlowLogsProps
        {
            Vpc = network.Vpc,
            Bucket = buckets.FlowLogs,
            EnvironmentName = env,
            LogGroup = monitoring.LogGroups["flow-logs"],
            AlarmTopic = monitoring.Topic,
        });
        var events = new SecurityEvents(this, "SecurityEvents", new SecurityEventsProps { EnvironmentName = env, Topic = monitoring.Topic });
        var threats = new ThreatDetection(this, "ThreatDetection", new ThreatDetectionProps { EnvironmentName = env });
        var audit = new AuditTable(this, "Audit", new AuditTableProps { EnvironmentName = env, Key = keys.Application });
        var config = new ConfigRecording(this, "Config", new ConfigRecordingProps { EnvironmentName = env, Key = keys.S3, AccessLogs = buckets.AccessLogs, Topic = monitoring.Topic, TopicKey = keys.Logs });
        var access = new AccessControl(this, "Access", new AccessControlProps
        {
            EnvironmentName = env,
            AuditTable = audit.Table,
            ApplicationKey = keys.Application,
            AuditorAccount = settings.AuditorAccount,
            AuditorExternalId = settings.AuditorExternalId,
            AuditorCidr = settings.AuditorCidr,
            AllowedRegions = settings.AllowedRegions,
        });
        var secret = new AppSecret(this, "AppSecret", new AppSecretProps
        {
            EnvironmentName = env,
            Key = keys.Application,
            LogsKey = keys.Logs,
            Network = network,
            EndpointSecurityGroup = endpoints.SecurityGroup,
        });
        _ = secret.Secret.GrantRead(access.Application);
        var groups = new SecurityGroups(this, "SecurityGroups", new SecurityGroupsProps { EnvironmentName = env, Vpc = network.Vpc, AdminCidr = settings.AdminCidr });

        SecureBucket.MarkNoCardholderData(this);
        _ = new CfnOutput(this, "VpcId", new CfnOutputProps { Value = network.Vpc.Ref });
        foreach (var (tier, subnets) in network.Subnets)
        {
            _ = new CfnOutput(this, $"{tier}SubnetIds", new CfnOutputProps { Value = Fn.Join(",", [.. subnets.Select(s => s.Ref)]) });
        }

        foreach (var (tier, table) in network.RouteTables)
        {
            _ = new CfnOutput(this, $"{tier}RouteTableId", new CfnOutputProps { Value = table.Ref });
        }

        foreach (var (tier, acl) in acls.Acls)
        {
            _ = new CfnOutput(this, $"{tier}NetworkAclId", new CfnOutputProps { Value = acl.Ref });
        }

        if (network.InternetGateway is { } igw)
        {
            _ = new CfnOutput(this, "InternetGatewayId", new CfnOutputProps { Value = igw.Ref });
        }

        if (network.NatGateway is { } nat)
        {
            _ = new CfnOutput(this, "NatGatewayId", new CfnOutputProps { Value = nat.Ref });
        }

        foreach (var (service, endpoint) in endpoints.ByService)
        {
            _ = new CfnOutput(this, $"{service.Replace("-", "", StringComparison.Ordinal)}EndpointId", new CfnOutputProps { Value = endpoint.Ref });
        }

        _ = new CfnOutput(this, "EndpointSecurityGroupId", new CfnOutputProps { Value = endpoints.SecurityGroup.AttrGroupId });
        _ = new CfnOutput(this, "PrivateRangesPrefixListId", new CfnOutputProps { Value = groups.PrivateRanges.AttrPrefixListId });
        _ = new CfnOutput(this, "ManagementSubnetsPrefixListId", new CfnOutputProps { Value = groups.ManagementSubnets.AttrPrefixListId });
        _ = new CfnOutput(this, "FlowLogId", new CfnOutputProps { Value = flowLogs.FlowLog.Ref });
        _ = new CfnOutput(this, "RejectedFlowLogId", new CfnOutputProps { Value = flowLogs.RejectedFlowLog.Ref });
        _ = new CfnOutput(this, "RejectRateAlarmName", new CfnOutputProps { Value = flowLogs.RejectRateAlarm.AlarmName });
        _ = new CfnOutput(this, "SecretRotationSecurityGroupId", new CfnOutputProps { Value = secret.RotationSecurityGroup.AttrGroupId });
        _ = new CfnOutput(this, "ApplicationLogsBucketName", new CfnOutputProps { Value = buckets.ApplicationLogs.BucketName });
        _ = new CfnOutput(this, "FlowLogsBucketName", new CfnOutputProps { Value = buckets.FlowLogs.BucketName });
        _ = new CfnOutput(this, "ReportsBucketName", new CfnOutputProps { Value = buckets.Reports.BucketName });
        _ = new CfnOutput(this, "AccessLogsBucketName", new CfnOutputProps { Value = buckets.AccessLogs.BucketName });
        _ = new CfnOutput(this, "AlarmTopicArn", new CfnOutputProps { Value = monitoring.Topic.TopicArn });
        foreach (var (purpose, group) in monitoring.LogGroups)
        {
            _ = new CfnOutput(this, $"{purpose.Replace("-", "", StringComparison.Ordinal)}LogGroupName", new CfnOutputProps { Value = group.LogGroupName });
        }

        _ = new CfnOutput(this, "ApplicationKeyArn", new CfnOutputProps { Value = keys.Application.KeyArn });
        _ = new CfnOutput(this, "S3KeyArn", new CfnOutputProps { Value = keys.S3.KeyArn });
        _ = new CfnOutput(this, "LogsKeyArn", new CfnOutputProps { Value = keys.Logs.KeyArn });
        _ = new CfnOutput(this, "ApplicationSecurityGroupId", new CfnOutputProps { Value = groups.Application.AttrGroupId });
        _ = new CfnOutput(this, "DatabaseSecurityGroupId", new CfnOutputProps { Value = groups.Database.AttrGroupId });
        _ = new CfnOutput(this, "ManagementSecurityGroupId", new CfnOutputProps { Value = groups.Management.AttrGroupId });
        _ = new CfnOutput(this, "GuardDutyDetectorId", new CfnOutputProps { Value = threats.Detector.AttrId });
        foreach (var (purpose, rule) in events.Rules)
        {
            _ = new CfnOutput(this, $"{purpose.Replace("-", "", StringComparison.Ordinal)}RuleArn", new CfnOutputProps { Value = rule.RuleArn });
        }

        _ = new CfnOutput(this, "SecurityEventsDeadLetterQueueUrl", new CfnOutputProps { Value = events.DeadLetters.QueueUrl });
        _ = new CfnOutput(this, "AccessAnalyzerArn", new CfnOutputProps { Value = threats.Analyzer.AttrArn });
        _ = new CfnOutput(this, "AuditTableName", new CfnOutputProps { Value = audit.Table.TableName });
        _ = new CfnOutput(this, "AuditTableArn", new CfnOutputProps { Value = audit.Table.TableArn });
        _ = new CfnOutput(this, "ApplicationRoleArn", new CfnOutputProps { Value = access.Application.RoleArn });
        if (access.Auditor is not null)
        {
            _ = new CfnOutput(this, "AuditorRoleArn", new CfnOutputProps { Value = access.Auditor.RoleArn });
        }

        _ = new CfnOutput(this, "MfaEnforcementPolicyArn", new CfnOutputProps { Value = access.MfaEnforcement.ManagedPolicyArn });
        _ = new CfnOutput(this, "RegionRestrictionPolicyArn", new CfnOutputProps { Value = access.RegionRestriction.ManagedPolicyArn });
        _ = new CfnOutput(this, "AppSecretArn", new CfnOutputProps { Value = secret.Secret.SecretArn });
        _ = new CfnOutput(this, "SecretRotationFunctionName", new CfnOutputProps { Value = secret.RotationFunction.FunctionName });
        _ = new CfnOutput(this, "ConfigBucketName", new CfnOutputProps { Value = config.Bucket.BucketName });
        _ = new CfnOutput(this, "ConfigRecorderName", new CfnOutputProps { Value = config.Recorder.Ref });
        _ = new CfnOutput(this, "ConfigDeliveryChannelName", new CfnOutputProps { Value = config.DeliveryChannel.Ref });
        _ = new CfnOutput(this, "ConfigRuleNames", new CfnOutputProps { Value = Fn.Join(",", [.. config.Rules.Values.Select(r => r.ConfigRuleName)]) });
    }
}
