using System.Globalization;
using System.Xml.Linq;
using Compliance.Checker.Live.Http;

namespace Compliance.Checker.Live.Clients.CloudWatch;

/// <summary>
/// The part of CloudWatch we call, shaped like the SDK's IAmazonCloudWatch (AWSSDK.CloudWatch is not served here), so the
/// official package can replace this file. Protocol: awsQuery, Version 2010-08-01, endpoint prefix and signing name
/// "monitoring"; lists are &lt;member&gt; elements.
/// </summary>
public interface IAmazonCloudWatch
{
    /// <summary>Metric alarms (AlarmTypes omitted: composite alarms are not returned); at most 100 a page.</summary>
    Task<DescribeAlarmsResponse> DescribeAlarmsAsync(DescribeAlarmsRequest request, CancellationToken cancellationToken);
}

public sealed record DescribeAlarmsRequest
{
    /// <summary>At most 100 names.</summary>
    public IReadOnlyList<string>? AlarmNames { get; init; }

    public string? NextToken { get; init; }

    /// <summary>1-100.</summary>
    public int? MaxRecords { get; init; }
}

public sealed record DescribeAlarmsResponse(IReadOnlyList<MetricAlarm> MetricAlarms, string? NextToken);

/// <summary>A metric alarm, reduced to the members we read.</summary>
public sealed record MetricAlarm
{
    public string? AlarmName { get; init; }
    public string? AlarmArn { get; init; }
    public bool? ActionsEnabled { get; init; }
    public IReadOnlyList<string> AlarmActions { get; init; } = [];
    public string? Namespace { get; init; }
    public string? MetricName { get; init; }
    public IReadOnlyList<Dimension> Dimensions { get; init; } = [];
    public string? Statistic { get; init; }
    public string? ExtendedStatistic { get; init; }
    public string? ComparisonOperator { get; init; }
    public double? Threshold { get; init; }
    public IReadOnlyList<MetricDataQuery> Metrics { get; init; } = [];
}

public sealed record Dimension(string Name, string Value);

/// <summary>A query of a metric-math alarm: a MetricStat or an Expression.</summary>
public sealed record MetricDataQuery
{
    public string? Id { get; init; }
    public string? Expression { get; init; }
    public bool? ReturnData { get; init; }
    public MetricStat? MetricStat { get; init; }
}

public sealed record MetricStat(Metric Metric, int? Period, string? Stat);

public sealed record Metric(string? Namespace, string? MetricName, IReadOnlyList<Dimension> Dimensions);

public sealed class CloudWatchClient(QueryProtocol protocol) : IAmazonCloudWatch
{
    public static CloudWatchClient For(AwsSession session, string region) =>
        new(session.Query("cloudwatch", "monitoring", "monitoring", "2010-08-01", region));

    public async Task<DescribeAlarmsResponse> DescribeAlarmsAsync(DescribeAlarmsRequest request, CancellationToken cancellationToken)
    {
        var parameters = new List<KeyValuePair<string, string>>();
        var n = 0;
        foreach (var name in request.AlarmNames ?? [])
        {
            parameters.Add(KeyValuePair.Create($"AlarmNames.member.{++n}", name));
        }

        if (request.NextToken is { } token)
        {
            parameters.Add(KeyValuePair.Create("NextToken", token));
        }

        if (request.MaxRecords is { } max)
        {
            parameters.Add(KeyValuePair.Create("MaxRecords", max.ToString(CultureInfo.InvariantCulture)));
        }

        var result = await protocol.InvokeAsync("DescribeAlarms", parameters, cancellationToken);
        var alarms = Members(result.Element("MetricAlarms")).Select(Alarm).ToList();
        var next = result.Element("NextToken")?.Value;
        return new DescribeAlarmsResponse(alarms, string.IsNullOrEmpty(next) ? null : next);
    }

    private static MetricAlarm Alarm(XElement m) => new()
    {
        AlarmName = m.Element("AlarmName")?.Value,
        AlarmArn = m.Element("AlarmArn")?.Value,
        ActionsEnabled = Bool(m.Element("ActionsEnabled")),
        AlarmActions = Members(m.Element("AlarmActions")).Select(a => a.Value).ToList(),
        Namespace = m.Element("Namespace")?.Value,
        MetricName = m.Element("MetricName")?.Value,
        Dimensions = Dimensions(m.Element("Dimensions")),
        Statistic = m.Element("Statistic")?.Value,
        ExtendedStatistic = m.Element("ExtendedStatistic")?.Value,
        ComparisonOperator = m.Element("ComparisonOperator")?.Value,
        Threshold = double.TryParse(m.Element("Threshold")?.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var threshold) ? threshold : null,
        Metrics = Members(m.Element("Metrics")).Select(q => new MetricDataQuery
        {
            Id = q.Element("Id")?.Value,
            Expression = q.Element("Expression")?.Value,
            ReturnData = Bool(q.Element("ReturnData")),
            MetricStat = q.Element("MetricStat") is { } stat && stat.Element("Metric") is { } metric
                ? new MetricStat(
                    new Metric(metric.Element("Namespace")?.Value, metric.Element("MetricName")?.Value, Dimensions(metric.Element("Dimensions"))),
                    int.TryParse(stat.Element("Period")?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var period) ? period : null,
                    stat.Element("Stat")?.Value)
                : null,
        }).ToList(),
    };

    private static List<Dimension> Dimensions(XElement? list) =>
        Members(list).Select(d => new Dimension(d.Element("Name")?.Value ?? "", d.Element("Value")?.Value ?? "")).ToList();

    private static bool? Bool(XElement? element) => element?.Value.Trim().ToLowerInvariant() switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    };

    private static IEnumerable<XElement> Members(XElement? list) => list?.Elements("member") ?? [];
}
