using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SQS;
using Constructs;

namespace Compliance.Infra.Checker;

/// <summary>Properties of <see cref="CheckerAlarms"/>.</summary>
public sealed record CheckerAlarmsProps
{
    /// <summary>Environment suffix of the names.</summary>
    public required string EnvironmentName { get; init; }

    /// <summary>The function watched.</summary>
    public required IFunction Function { get; init; }

    /// <summary>The dead-letter queue watched.</summary>
    public required IQueue DeadLetterQueue { get; init; }

    /// <summary>Where alarms go.</summary>
    public required ITopic Topic { get; init; }
}

/// <summary>Alarms → the topic: any function error, any throttle, anything in the dead-letter queue (5-minute periods).</summary>
public sealed class CheckerAlarms : Construct
{
    /// <summary>The alarms, by metric.</summary>
    public IReadOnlyList<Alarm> Alarms { get; }

    public CheckerAlarms(Construct scope, string id, CheckerAlarmsProps props) : base(scope, id)
    {
        var period = Duration.Minutes(5);
        Alarms =
        [
            Create("Errors", $"cw-compliance-checker-errors-{props.EnvironmentName}", "The checker function failed.",
                props.Function.MetricErrors(new MetricOptions { Period = period, Statistic = "Sum" })),
            Create("Throttles", $"cw-compliance-checker-throttles-{props.EnvironmentName}", "The checker function was throttled.",
                props.Function.MetricThrottles(new MetricOptions { Period = period, Statistic = "Sum" })),
            Create("DeadLetters", $"cw-compliance-checker-dlq-{props.EnvironmentName}", "An invocation of the checker was given up.",
                props.DeadLetterQueue.MetricApproximateNumberOfMessagesVisible(new MetricOptions { Period = period, Statistic = "Maximum" })),
        ];
        foreach (var alarm in Alarms)
        {
            alarm.AddAlarmAction(new SnsAction(props.Topic));
        }
    }

    private Alarm Create(string id, string name, string description, IMetric metric) => new(this, id, new AlarmProps
    {
        AlarmName = name,
        AlarmDescription = description,
        Metric = metric,
        Threshold = 1,
        EvaluationPeriods = 1,
        ComparisonOperator = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        TreatMissingData = TreatMissingData.NOT_BREACHING,
    });
}
