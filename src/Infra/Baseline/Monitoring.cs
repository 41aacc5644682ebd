using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SNS.Subscriptions;
using Constructs;

namespace Compliance.Infra.Baseline;

/// <summary>Properties of <see cref="Monitoring"/>.</summary>
public sealed record MonitoringProps
{
    /// <summary>Environment suffix of the names.</summary>
    public required string EnvironmentName { get; init; }

    /// <summary>The logs key (log groups and the alarm topic).</summary>
    public required Key Key { get; init; }

    /// <summary>An e-mail to subscribe to the alarm topic, or null.</summary>
    public string? AlertEmail { get; init; }

    /// <summary>The NAT gateway's id, or null when the VPC has none.</summary>
    public string? NatGatewayId { get; init; }
}

/// <summary>
/// KMS-encrypted log groups (application, Lambda, flow logs; one year), a metric filter counting authentication
/// failures in the application log with an alarm above 5 in 5 minutes, and alarms on NAT gateway packet drops and
/// Lambda errors; every alarm goes to a KMS-encrypted topic.
/// </summary>
public sealed class Monitoring : Construct
{
    /// <summary>The metric namespace of the baseline's own metrics.</summary>
    public const string Namespace = "Baseline/Security";

    /// <summary>The log groups by purpose.</summary>
    public IReadOnlyDictionary<string, LogGroup> LogGroups { get; }

    /// <summary>The alarm topic.</summary>
    public Topic Topic { get; }

    public Monitoring(Construct scope, string id, MonitoringProps props) : base(scope, id)
    {
        var env = props.EnvironmentName;
        props.Key.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "AlarmsPublishToTheEncryptedTopic",
            Principals = [new ServicePrincipal("cloudwatch.amazonaws.com"), new ServicePrincipal("events.amazonaws.com")],
            Actions = ["kms:Decrypt", "kms:GenerateDataKey"],
            Resources = ["*"],
            // Alarms reach the key only through SNS encrypting the topic's messages (KMS.Key.4).
            Conditions = new Dictionary<string, object>
            {
                ["StringEquals"] = new Dictionary<string, object> { ["kms:ViaService"] = $"sns.{Stack.Of(this).Region}.amazonaws.com" },
            },
        }));
        Topic = new Topic(this, "Topic", new TopicProps { TopicName = $"sns-security-alarms-{env}", MasterKey = props.Key, EnforceSSL = true });
        if (props.AlertEmail is { } email)
        {
            Topic.AddSubscription(new EmailSubscription(email));
        }

        LogGroups = new[] { ("application", $"/baseline/application-{env}"), ("lambda", $"/baseline/lambda-{env}"), ("flow-logs", $"/baseline/flow-logs-{env}") }
            .ToDictionary(g => g.Item1, g => new LogGroup(this, g.Item1, new LogGroupProps
            {
                LogGroupName = g.Item2,
                EncryptionKey = props.Key,
                Retention = LogRetention.Days,
                RemovalPolicy = RemovalPolicy.RETAIN,
            }));

        var authFailures = new MetricFilter(this, "AuthFailures", new MetricFilterProps
        {
            LogGroup = LogGroups["application"],
            FilterPattern = FilterPattern.AnyTerm("AUTHENTICATION_FAILED", "AuthenticationFailure", "401 Unauthorized"),
            MetricNamespace = Namespace,
            MetricName = "AuthenticationFailures",
            MetricValue = "1",
            DefaultValue = 0,
        });
        var alarms = new List<Alarm>
        {
            new(this, "AuthFailuresAlarm", new AlarmProps
            {
                AlarmName = $"cw-auth-failures-{env}",
                AlarmDescription = "More than 5 authentication failures in 5 minutes.",
                Metric = authFailures.Metric(new MetricOptions { Period = Duration.Minutes(5), Statistic = "Sum" }),
                Threshold = 5,
                ComparisonOperator = ComparisonOperator.GREATER_THAN_THRESHOLD,
                EvaluationPeriods = 1,
                TreatMissingData = TreatMissingData.NOT_BREACHING,
            }),
            new(this, "LambdaErrors", new AlarmProps
            {
                AlarmName = $"cw-lambda-errors-{env}",
                AlarmDescription = "A Lambda function of the account failed.",
                Metric = new Metric(new MetricProps { Namespace = "AWS/Lambda", MetricName = "Errors", Period = Duration.Minutes(5), Statistic = "Sum" }),
                Threshold = 1,
                ComparisonOperator = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
                EvaluationPeriods = 1,
                TreatMissingData = TreatMissingData.NOT_BREACHING,
            }),
        };
        if (props.NatGatewayId is { } nat)
        {
            alarms.Add(new Alarm(this, "NatPacketDrops", new AlarmProps
            {
                AlarmName = $"cw-nat-packet-drops-{env}",
                AlarmDescription = "The NAT gateway dropped packets.",
                Metric = new Metric(new MetricProps
                {
                    Namespace = "AWS/NATGateway",
                    MetricName = "PacketsDropCount",
                    DimensionsMap = new Dictionary<string, string> { ["NatGatewayId"] = nat },
                    Period = Duration.Minutes(5),
                    Statistic = "Sum",
                }),
                Threshold = 1,
                ComparisonOperator = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
                EvaluationPeriods = 1,
                TreatMissingData = TreatMissingData.NOT_BREACHING,
            }));
        }

        foreach (var alarm in alarms)
        {
            alarm.AddAlarmAction(new SnsAction(Topic));
        }
    }
}
