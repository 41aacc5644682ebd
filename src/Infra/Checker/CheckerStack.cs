using Amazon.CDK;
using Constructs;

namespace Compliance.Infra.Checker;

/// <summary>Properties of <see cref="CheckerStack"/>.</summary>
public sealed record CheckerStackProps
{
    /// <summary>The app's context values.</summary>
    public required DeploymentSettings Settings { get; init; }

    /// <summary>The function's code (publish output).</summary>
    public required string FunctionCode { get; init; }

    /// <summary>The handler (aws-lambda-tools-defaults.json).</summary>
    public required string Handler { get; init; }
}

/// <summary>The checker: key, report bucket, alert topic, function and role, triggers, optional trail, alarms.</summary>
public sealed class CheckerStack : Stack
{
    /// <summary>The function's name for an environment.</summary>
    public static string FunctionNameOf(string environmentName) => $"lambda-compliance-checker-{environmentName}";

    public CheckerStack(Construct scope, string id, IStackProps stackProps, CheckerStackProps props) : base(scope, id, stackProps)
    {
        SecureBucket.UseBucketPolicyForAccessLogs(this);
        ManagedPoliciesOnly.ApplyTo(this);
        NagExceptions.ApplyTo(this);
        var settings = props.Settings;
        var env = settings.EnvironmentName;
        var functionName = FunctionNameOf(env);
        // The same mandatory tags as the baseline (Tagging.Resource.1): the checker is part of the PCI environment's security tooling.
        Baseline.BaselineStack.ApplyTags(this, env);

        var key = new CheckerKey(this, "Key", new CheckerKeyProps { EnvironmentName = env }).Key;
        var accessLogs = SecureBucket.AccessLogs(this, "AccessLogs", $"s3-compliance-access-logs-{env}-{Account}");
        var bucket = new ReportBucket(this, "Reports", new ReportBucketProps { EnvironmentName = env, Key = key, AccessLogs = accessLogs }).Bucket;
        var alerts = new AlertTopic(this, "Alerts", new AlertTopicProps { EnvironmentName = env, Key = key, AlertEmail = settings.AlertEmail });
        var logGroup = new FunctionLogGroup(this, "Logs", new FunctionLogGroupProps { FunctionName = functionName, Key = key }).LogGroup;
        var role = new CheckerRole(this, "Role", new CheckerRoleProps
        {
            EnvironmentName = env,
            Key = key,
            ReportBucket = bucket,
            Topic = alerts.Topic,
            LogGroup = logGroup,
            // Write actions only when the deployed mode can write: off and dry-run never call them, and an on-demand
            // request can lower the mode but never raise it.
            RemediationAllow = settings.RemediationMode == "enforce" ? settings.RemediationAllow : [],
            Suppressions = settings.Suppressions,
        }).Role;
        alerts.AllowPublish(role);

        var environment = new Dictionary<string, string>
        {
            ["COMPLIANCE_REPORT_BUCKET"] = bucket.BucketName,
            ["COMPLIANCE_REPORT_KMS_KEY"] = key.KeyArn,
            ["COMPLIANCE_SNS_TOPIC_ARN"] = alerts.Topic.TopicArn,
            ["COMPLIANCE_REMEDIATION"] = settings.RemediationMode,
            ["COMPLIANCE_NOTIFY_MIN_SEVERITY"] = "MEDIUM",
        };
        if (settings.RemediationAllow.Count > 0)
        {
            environment["COMPLIANCE_REMEDIATION_ALLOW"] = string.Join(',', settings.RemediationAllow);
        }

        foreach (var (variable, value) in settings.RemediationTargets)
        {
            environment[variable] = value;
        }

        if (settings.ScanRegions.Count > 0)
        {
            environment["COMPLIANCE_REGIONS"] = string.Join(',', settings.ScanRegions);
        }

        if (settings.Suppressions is { } suppressions)
        {
            environment["COMPLIANCE_SUPPRESSIONS"] = suppressions;
        }

        var checker = new CheckerFunction(this, "Checker", new CheckerFunctionProps
        {
            FunctionName = functionName,
            Code = props.FunctionCode,
            Handler = props.Handler,
            Role = role,
            LogGroup = logGroup,
            Key = key,
            Environment = environment,
            SnapStart = settings.SnapStart,
        });

        _ = new CheckerTriggers(this, "Triggers", new CheckerTriggersProps
        {
            EnvironmentName = env,
            Function = checker.InvokeTarget,
            Topic = alerts.Topic,
            DeadLetterQueue = checker.DeadLetterQueue,
        });

        if (settings.CloudTrail)
        {
            _ = new ChangeTrail(this, "Trail", new ChangeTrailProps { EnvironmentName = env, Key = key, AccessLogs = accessLogs });
        }

        _ = new CheckerAlarms(this, "Alarms", new CheckerAlarmsProps
        {
            EnvironmentName = env,
            Function = checker.Function,
            DeadLetterQueue = checker.DeadLetterQueue,
            Topic = alerts.Topic,
        });

        SecureBucket.MarkNoCardholderData(this);
        _ = new CfnOutput(this, "FunctionName", new CfnOutputProps { Value = checker.Function.FunctionName, Description = "aws lambda invoke --function-name" });
        _ = new CfnOutput(this, "ReportBucketName", new CfnOutputProps { Value = bucket.BucketName });
        _ = new CfnOutput(this, "AlertTopicArn", new CfnOutputProps { Value = alerts.Topic.TopicArn });
        _ = new CfnOutput(this, "KeyArn", new CfnOutputProps { Value = key.KeyArn });
        _ = new CfnOutput(this, "DeadLetterQueueUrl", new CfnOutputProps { Value = checker.DeadLetterQueue.QueueUrl });
    }
}
