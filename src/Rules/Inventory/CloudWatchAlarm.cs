namespace Compliance.Rules.Inventory;

/// <summary>A CloudWatch metric alarm (DescribeAlarms). Id is the alarm name, unique within its account and Region.</summary>
public sealed record CloudWatchAlarm : AwsResource
{
    public override string ResourceType => ResourceTypes.CloudWatchAlarm;

    /// <summary>Whether the alarm runs its actions on state changes; null when unknown.</summary>
    public bool? ActionsEnabled { get; init; }

    /// <summary>
    /// The ARNs notified or run when the alarm enters ALARM (SNS topics, Auto Scaling policies, EC2 or Systems Manager actions);
    /// empty when none; null when unknown (a template action the scan cannot resolve).
    /// </summary>
    public IReadOnlyList<string>? AlarmActions { get; init; } = [];

    /// <summary>The metric's namespace for a single-metric alarm; "" for an alarm on metric math (see <see cref="Metrics"/>).</summary>
    public string Namespace { get; init; } = "";

    /// <summary>The metric's name for a single-metric alarm; "" for an alarm on metric math.</summary>
    public string MetricName { get; init; } = "";

    /// <summary>The dimensions of a single-metric alarm; empty when it has none.</summary>
    public IReadOnlyList<MetricDimension> Dimensions { get; init; } = [];

    /// <summary>The queries of a metric-math alarm (Metrics); empty for a single-metric alarm.</summary>
    public IReadOnlyList<AlarmMetricQuery> Metrics { get; init; } = [];

    /// <summary>Statistic (Sum, Average, ...) or extended statistic (p99); "" for metric math.</summary>
    public string Statistic { get; init; } = "";

    /// <summary>GreaterThanOrEqualToThreshold, GreaterThanThreshold, LessThanThreshold, ...</summary>
    public string ComparisonOperator { get; init; } = "";

    /// <summary>The threshold; null for alarms on an anomaly-detection band (ThresholdMetricId).</summary>
    public double? Threshold { get; init; }
}

/// <summary>A metric dimension: name and value.</summary>
public sealed record MetricDimension(string Name, string Value);

/// <summary>
/// One query of a metric-math alarm: a metric (Namespace and MetricName set, Expression "") or an expression over
/// other queries (Expression set, Namespace and MetricName ""). ReturnData marks the query the alarm evaluates.
/// </summary>
public sealed record AlarmMetricQuery(string Id, string Expression, bool ReturnData)
{
    public string Namespace { get; init; } = "";
    public string MetricName { get; init; } = "";
    public IReadOnlyList<MetricDimension> Dimensions { get; init; } = [];
}
