using Compliance.Checker.Live.Collection;
using Compliance.Rules.Inventory;
using Logs = Compliance.Checker.Live.Clients.CloudWatchLogs;

namespace Compliance.Checker.Live.Collectors;

/// <summary>Log groups (DescribeLogGroups, paginated): name, ARN, KMS key, retention.</summary>
public sealed class CloudWatchLogsCollector : ICollector
{
    public string Service => "logs";
    public IReadOnlyList<string> Produces { get; } = [ResourceTypes.LogGroup];
    public bool IsGlobal => false;
    public IReadOnlyDictionary<string, string> Permissions { get; } = new Dictionary<string, string>
    {
        ["logs:DescribeLogGroups"] = "logs:DescribeLogGroups",
    };

    public async Task CollectAsync(CollectorContext context, CancellationToken cancellationToken)
    {
        if (!context.Scope.Wants(ResourceTypes.LogGroup))
        {
            return;
        }

        var client = Logs.CloudWatchLogsClient.For(context.Session, context.Region);
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

    private static string? TrimWildcard(string? arn) => arn is not null && arn.EndsWith(":*", StringComparison.Ordinal) ? arn[..^2] : arn;
}
