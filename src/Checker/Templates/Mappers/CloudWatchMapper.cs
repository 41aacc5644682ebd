using System.Globalization;
using Compliance.Checker.Templates.Intrinsics;
using Compliance.Checker.Templates.Mapping;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Templates.Mappers;

/// <summary>
/// CloudWatch Logs metric filters and CloudWatch metric alarms, the monitoring path the Logs.MetricFilter and
/// CloudWatch.Alarm rules follow. A filter's LogGroupName (a name, or a Ref to a declared log group) becomes the log
/// group's id. An alarm's actions are enabled unless ActionsEnabled is false; AlarmActions that reference topics resolve to
/// the topic ARNs; single-metric and metric-math (Metrics) alarms keep the metrics they evaluate. An alarm action the
/// template cannot decide leaves the alarm's actions unknown.
/// </summary>
public sealed class CloudWatchMapper : IResourceMapper
{
    public IReadOnlyList<string> MappedTypes { get; } = [ResourceTypes.LogsMetricFilter, ResourceTypes.CloudWatchAlarm];

    public IReadOnlyList<ResourceNaming> Namings { get; } =
    [
        new() { Type = ResourceTypes.LogsMetricFilter, NameProperty = "FilterName" },
        new()
        {
            Type = ResourceTypes.CloudWatchAlarm, NameProperty = "AlarmName",
            Attributes = new Dictionary<string, string> { ["Arn"] = "arn:{partition}:cloudwatch:{region}:{account}:alarm:{name}" },
        },
    ];

    public void Map(MappingContext context)
    {
        foreach (var filter in context.Resources(ResourceTypes.LogsMetricFilter))
        {
            MapFilter(context, filter);
        }

        foreach (var alarm in context.Resources(ResourceTypes.CloudWatchAlarm))
        {
            MapAlarm(context, alarm);
        }
    }

    private static void MapFilter(MappingContext context, DeclaredResource filter)
    {
        var p = filter.Properties;
        var groupName = p.String("LogGroupName");
        var pattern = p.String("FilterPattern", absent: "");
        var transformations = p.Maps("MetricTransformations");
        if (groupName is null || pattern is null || transformations is null)
        {
            context.NotJudged(filter, $"its log group, pattern or metric cannot be decided ({p.UnknownReason("LogGroupName") ?? p.UnknownReason("FilterPattern") ?? p.UnknownReason("MetricTransformations")})");
            return;
        }

        var metrics = new List<MetricTransformation>();
        foreach (var t in transformations)
        {
            var dimensions = Pairs(t, "Dimensions", "Key", "Value");
            if (t.String("MetricNamespace") is not { } ns || t.String("MetricName") is not { } name || t.String("MetricValue") is not { } value || dimensions is null)
            {
                context.NotJudged(filter, "the namespace, name, value or dimensions of its metric cannot be decided");
                return;
            }

            metrics.Add(new MetricTransformation(ns, name, value) { Dimensions = dimensions.ToDictionary(d => d.Name, d => d.Value, StringComparer.Ordinal) });
        }

        context.Add(new MetricFilter
        {
            Id = filter.Name, Region = filter.Region, AccountId = filter.AccountId,
            // A Ref to a declared group gives its name already; a written name is used as it is.
            LogGroupName = context.Find(ResourceTypes.LogGroup, groupName)?.Name ?? groupName,
            FilterPattern = pattern,
            MetricTransformations = metrics,
        }, filter);
    }

    private static void MapAlarm(MappingContext context, DeclaredResource alarm)
    {
        var p = alarm.Properties;
        var ns = p.String("Namespace", absent: "");
        var metricName = p.String("MetricName", absent: "");
        var dimensions = Pairs(p, "Dimensions", "Name", "Value");
        var metrics = Queries(p);
        if (ns is null || metricName is null || dimensions is null || metrics is null)
        {
            context.NotJudged(alarm, "the metric it evaluates cannot be decided");
            return;
        }

        context.Add(new CloudWatchAlarm
        {
            Id = alarm.Name, Region = alarm.Region, AccountId = alarm.AccountId, Tags = p.Tags(),
            Arn = alarm.Attribute("Arn"),
            ActionsEnabled = p.Bool("ActionsEnabled", absent: true),
            AlarmActions = p.Strings("AlarmActions"),
            Namespace = ns,
            MetricName = metricName,
            Dimensions = dimensions.Select(d => new MetricDimension(d.Name, d.Value)).ToList(),
            Metrics = metrics,
            Statistic = p.String("Statistic") ?? p.String("ExtendedStatistic") ?? "",
            ComparisonOperator = p.String("ComparisonOperator") ?? "",
            Threshold = Number(p, "Threshold"),
        }, alarm);
    }

    /// <summary>The metric-math queries; empty for a single-metric alarm; null when one cannot be decided.</summary>
    private static List<AlarmMetricQuery>? Queries(Props p)
    {
        if (p.Maps("Metrics") is not { } written)
        {
            return null;
        }

        var queries = new List<AlarmMetricQuery>();
        foreach (var q in written)
        {
            var metric = q.Map("MetricStat")?.Map("Metric");
            var dimensions = metric is null ? null : Pairs(metric, "Dimensions", "Name", "Value");
            if (q.String("Id") is not { } id || q.String("Expression", absent: "") is not { } expression || q.Bool("ReturnData", absent: true) is not { } returns
                || metric?.String("Namespace", absent: "") is not { } ns || metric.String("MetricName", absent: "") is not { } name || dimensions is null)
            {
                return null;
            }

            queries.Add(new AlarmMetricQuery(id, expression, returns)
            {
                Namespace = ns, MetricName = name,
                Dimensions = dimensions.Select(d => new MetricDimension(d.Name, d.Value)).ToList(),
            });
        }

        return queries;
    }

    /// <summary>A [{Key, Value}] list as pairs; empty when not written; null when a name or value cannot be decided.</summary>
    private static List<(string Name, string Value)>? Pairs(Props p, string property, string key, string value)
    {
        if (p.Maps(property) is not { } items)
        {
            return null;
        }

        var pairs = items.Select(i => (Name: i.String(key), Value: i.String(value))).ToList();
        return pairs.Any(d => d.Name is null || d.Value is null) ? null : pairs.Select(d => (d.Name!, d.Value!)).ToList();
    }

    /// <summary>A known number, or null when absent or unknown.</summary>
    private static double? Number(Props p, string name) =>
        p[name] is CfnScalar { Value: var v } && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
}
