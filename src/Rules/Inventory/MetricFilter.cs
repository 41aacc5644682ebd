namespace Compliance.Rules.Inventory;

/// <summary>
/// A CloudWatch Logs metric filter (DescribeMetricFilters). Id is the filter name, unique within its log group;
/// Region and AccountId are the log group's. Metric filters have no ARN.
/// </summary>
public sealed record MetricFilter : AwsResource
{
    public override string ResourceType => ResourceTypes.LogsMetricFilter;

    /// <summary>The log group the filter reads.</summary>
    public required string LogGroupName { get; init; }

    /// <summary>The filter pattern as written; "" matches every event.</summary>
    public string FilterPattern { get; init; } = "";

    /// <summary>The metrics the filter publishes (AWS allows one per filter).</summary>
    public IReadOnlyList<MetricTransformation> MetricTransformations { get; init; } = [];
}

/// <summary>One metric a filter publishes for each matching event.</summary>
/// <param name="MetricNamespace">The metric's namespace.</param>
/// <param name="MetricName">The metric's name.</param>
/// <param name="MetricValue">The value published: a number as text ("1") or a field reference ("$.bytes").</param>
public sealed record MetricTransformation(string MetricNamespace, string MetricName, string MetricValue)
{
    /// <summary>Dimensions the filter attaches, by name, each a field reference; empty when none.</summary>
    public IReadOnlyDictionary<string, string> Dimensions { get; init; } = new Dictionary<string, string>();
}
