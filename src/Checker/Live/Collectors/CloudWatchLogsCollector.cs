using Compliance.Checker.Live.Collection;
using Compliance.Rules.Inventory;
using Logs = Compliance.Checker.Live.Clients.CloudWatchLogs;

namespace Compliance.Checker.Live.Collectors;

/// <summary>
/// Log groups (DescribeLogGroups, paginated): name, ARN, KMS key, retention. Metric filters (DescribeMetricFilters,
/// paginated, 50 a page): one listing of the whole Region rather than one per log group, because which log groups trails
/// deliver to is not known here, and a Region holds far fewer filter pages than log groups.
/// </summary>
public sealed class CloudWatchLogsCollector : ICollector
{
    public string Service => "logs";
    public IReadOnlyList<string> Produces { get; } = [ResourceTypes.LogGroup, ResourceTypes.LogsMetricFilter];
    public bool IsGlobal => false;
    public IReadOnlyDictionary<string, string> Permissions { get; } = new Dictionary<string, string>
    {
        ["logs:DescribeLogGroups"] = "logs:DescribeLogGroups",
        ["logs:DescribeMetricFilters"] = "logs:DescribeMetricFilters",
    };

    public async Task CollectAsync(CollectorContext context, CancellationToken cancellationToken)
    {
        var client = Logs.CloudWatchLogsClient.For(context.Session, context.Region);
        if (context.Scope.Wants(ResourceTypes.LogGroup))
        {
            await CollectLogGroupsAsync(context, client, cancellationToken);
        }

        if (context.Scope.Wants(ResourceTypes.LogsMetricFilter))
        {
            await CollectMetricFiltersAsync(context, client, cancellationToken);
        }
    }

    private static async Task CollectLogGroupsAsync(CollectorContext context, Logs.IAmazonCloudWatchLogs client, CancellationToken cancellationToken)
    {
        var wanted = context.Scope.IdsFor(ResourceTypes.LogGroup)?.ToHashSet(StringComparer.Ordinal);
        string? token = null;
        do
        {
            var page = await context.CallAsync("logs", "DescribeLogGroups", ResourceTypes.LogGroup,
                ct => client.DescribeLogGroupsAsync(new Logs.DescribeLogGroupsRequest { NextToken = token, Limit = 50 }, ct), cancellationToken);
            if (page is null)
            {
                return; // recorded as a collection error; what was read so far stays
            }

            foreach (var group in page.LogGroups.Where(g => wanted is null || wanted.Contains(g.LogGroupName)))
            {
                context.Builder.Add(new LogGroup
                {
                    Id = group.LogGroupName,
                    Region = context.Region,
                    AccountId = context.AccountId,
                    Arn = group.LogGroupArn ?? TrimWildcard(group.Arn),
                    KmsKeyId = group.KmsKeyId,
                    RetentionInDays = group.RetentionInDays,
                    TagsUnknown = true, // DescribeLogGroups returns no tags, and no per-group tag call is made
                });
            }

            token = page.NextToken;
        }
        while (!string.IsNullOrEmpty(token));
    }

    /// <summary>A targeted scan names filters; CloudWatch Logs filters by name only within one log group, so the names are matched here.</summary>
    private static async Task CollectMetricFiltersAsync(CollectorContext context, Logs.IAmazonCloudWatchLogs client, CancellationToken cancellationToken)
    {
        var wanted = context.Scope.IdsFor(ResourceTypes.LogsMetricFilter)?.ToHashSet(StringComparer.Ordinal);
        string? token = null;
        do
        {
            var page = await context.CallAsync("logs", "DescribeMetricFilters", ResourceTypes.LogsMetricFilter,
                ct => client.DescribeMetricFiltersAsync(new Logs.DescribeMetricFiltersRequest { NextToken = token, Limit = 50 }, ct), cancellationToken);
            if (page is null)
            {
                return;
            }

            foreach (var filter in page.MetricFilters.Where(f => f.FilterName is { Length: > 0 } && f.LogGroupName is { Length: > 0 }))
            {
                if (wanted is not null && !wanted.Contains(filter.FilterName!))
                {
                    continue;
                }

                context.Builder.Add(new MetricFilter
                {
                    Id = filter.FilterName!,
                    Region = context.Region,
                    AccountId = context.AccountId,
                    LogGroupName = filter.LogGroupName!,
                    FilterPattern = filter.FilterPattern ?? "",
                    MetricTransformations = (filter.MetricTransformations ?? [])
                        .Where(t => t.MetricName is not null && t.MetricNamespace is not null)
                        .Select(t => new MetricTransformation(t.MetricNamespace!, t.MetricName!, t.MetricValue ?? "")
                        {
                            Dimensions = t.Dimensions ?? new Dictionary<string, string>(),
                        })
                        .ToList(),
                });
            }

            token = page.NextToken;
        }
        while (!string.IsNullOrEmpty(token));
    }

    private static string? TrimWildcard(string? arn) => arn is not null && arn.EndsWith(":*", StringComparison.Ordinal) ? arn[..^2] : arn;
}
