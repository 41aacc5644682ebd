using Compliance.Checker.Live.Collection;
using Compliance.Rules.Inventory;
using Cw = Compliance.Checker.Live.Clients.CloudWatch;

namespace Compliance.Checker.Live.Collectors;

/// <summary>
/// CloudWatch metric alarms: DescribeAlarms, paginated at 100 a page; a targeted scan names the alarms (100 names a call).
/// Tags are not read: DescribeAlarms does not return them and ListTagsForResource would cost a call per alarm.
/// </summary>
public sealed class CloudWatchCollector : ICollector
{
    private const int PageSize = 100;

    public string Service => "cloudwatch";
    public IReadOnlyList<string> Produces { get; } = [ResourceTypes.CloudWatchAlarm];
    public bool IsGlobal => false;
    public IReadOnlyDictionary<string, string> Permissions { get; } = new Dictionary<string, string>
    {
        ["cloudwatch:DescribeAlarms"] = "cloudwatch:DescribeAlarms",
    };

    public async Task CollectAsync(CollectorContext context, CancellationToken cancellationToken)
    {
        if (!context.Scope.Wants(ResourceTypes.CloudWatchAlarm))
        {
            return;
        }

        var client = Cw.CloudWatchClient.For(context.Session, context.Region);
        if (context.Scope.IdsFor(ResourceTypes.CloudWatchAlarm) is { } named)
        {
            foreach (var batch in named.Distinct(StringComparer.Ordinal).Chunk(PageSize))
            {
                await ListAsync(context, client, batch, cancellationToken);
            }

            return;
        }

        await ListAsync(context, client, null, cancellationToken);
    }

    private static async Task ListAsync(CollectorContext context, Cw.IAmazonCloudWatch client, IReadOnlyList<string>? names, CancellationToken cancellationToken)
    {
        string? token = null;
        do
        {
            var page = await context.CallAsync("cloudwatch", "DescribeAlarms", ResourceTypes.CloudWatchAlarm,
                ct => client.DescribeAlarmsAsync(new Cw.DescribeAlarmsRequest { AlarmNames = names, NextToken = token, MaxRecords = PageSize }, ct), cancellationToken);
            if (page is null)
            {
                return; // recorded as a collection error; what was read so far stays
            }

            foreach (var alarm in page.MetricAlarms.Where(a => a.AlarmName is { Length: > 0 }))
            {
                context.Builder.Add(Map(context, alarm));
            }

            token = page.NextToken;
        }
        while (!string.IsNullOrEmpty(token));
    }

    private static CloudWatchAlarm Map(CollectorContext context, Cw.MetricAlarm alarm) => new()
    {
        // DescribeAlarms returns no tags; reading them would cost a ListTagsForResource per alarm.
        TagsUnknown = true,
        Id = alarm.AlarmName!,
        Region = context.Region,
        AccountId = context.AccountId,
        Arn = string.IsNullOrEmpty(alarm.AlarmArn) ? null : alarm.AlarmArn,
        ActionsEnabled = alarm.ActionsEnabled,
        AlarmActions = alarm.AlarmActions,
        Namespace = alarm.Namespace ?? "",
        MetricName = alarm.MetricName ?? "",
        Dimensions = alarm.Dimensions.Select(d => new MetricDimension(d.Name, d.Value)).ToList(),
        Statistic = alarm.Statistic ?? alarm.ExtendedStatistic ?? "",
        ComparisonOperator = alarm.ComparisonOperator ?? "",
        Threshold = alarm.Threshold,
        Metrics = alarm.Metrics.Select(q => new AlarmMetricQuery(q.Id ?? "", q.Expression ?? "", q.ReturnData ?? true)
        {
            Namespace = q.MetricStat?.Metric.Namespace ?? "",
            MetricName = q.MetricStat?.Metric.MetricName ?? "",
            Dimensions = q.MetricStat?.Metric.Dimensions.Select(d => new MetricDimension(d.Name, d.Value)).ToList() ?? [],
        }).ToList(),
    };
}
