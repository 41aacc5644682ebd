using Compliance.Checker.Live.Collection;
using Compliance.Rules.Inventory;
using Cfg = Compliance.Checker.Live.Clients.ConfigService;

namespace Compliance.Checker.Live.Collectors;

/// <summary>
/// Config rules: DescribeConfigRules (paginated) and DescribeConfigRuleEvaluationStatus for every rule at once (no names,
/// Limit 50, paginated): ⌈rules/50⌉ status calls, fewer than naming rules would take (the API takes at most 25 names).
/// A targeted scan names rules: both calls then name them, 25 at a time.
/// </summary>
public sealed partial class ConfigCollector
{
    private const int NamesPerCall = 25;
    private const int StatusPageSize = 50;

    private static async Task CollectRulesAsync(CollectorContext context, Cfg.IAmazonConfigService client, CancellationToken cancellationToken)
    {
        var named = context.Scope.IdsFor(ResourceTypes.ConfigRule)?.Distinct(StringComparer.Ordinal).ToList();
        var batches = named is null ? [null] : named.Chunk(NamesPerCall).Select(b => (IReadOnlyList<string>?)b).ToList();

        var rules = new List<Cfg.ConfigRule>();
        foreach (var names in batches)
        {
            await foreach (var page in Pages(context, "DescribeConfigRules",
                               (token, ct) => client.DescribeConfigRulesAsync(new Cfg.DescribeConfigRulesRequest { ConfigRuleNames = names, NextToken = token }, ct),
                               r => r.NextToken, cancellationToken))
            {
                rules.AddRange(page.ConfigRules.Where(r => r.ConfigRuleName is { Length: > 0 }));
            }
        }

        if (rules.Count == 0)
        {
            return;
        }

        var statuses = new Dictionary<string, (Cfg.ConfigRuleEvaluationStatus Status, DateTimeOffset ReadAt)>(StringComparer.Ordinal);
        var statusFailed = false;
        foreach (var names in batches)
        {
            var complete = true;
            await foreach (var page in Pages(context, "DescribeConfigRuleEvaluationStatus",
                               (token, ct) => client.DescribeConfigRuleEvaluationStatusAsync(
                                   new Cfg.DescribeConfigRuleEvaluationStatusRequest { ConfigRuleNames = names, NextToken = token, Limit = names is null ? StatusPageSize : null }, ct),
                               r => r.NextToken, cancellationToken, () => complete = false))
            {
                var readAt = DateTimeOffset.UtcNow;
                foreach (var status in page.ConfigRulesEvaluationStatus.Where(s => s.ConfigRuleName is { Length: > 0 }))
                {
                    statuses[status.ConfigRuleName!] = (status, readAt);
                }
            }

            statusFailed |= !complete;
        }

        foreach (var rule in rules)
        {
            context.Builder.Add(new ConfigRule
            {
                Id = rule.ConfigRuleName!,
                Region = context.Region,
                AccountId = context.AccountId,
                Arn = Present(rule.ConfigRuleArn),
                Owner = rule.Source?.Owner ?? "",
                SourceIdentifier = rule.Source?.SourceIdentifier ?? "",
                State = rule.ConfigRuleState ?? "",
                MaximumExecutionFrequency = Present(rule.MaximumExecutionFrequency),
                CreatedBy = Present(rule.CreatedBy),
                // A rule the status listing left out is unknown only when the listing failed; AWS returns a status for
                // every rule it knows, so a missing one after a complete listing has never been evaluated.
                EvaluationStatus = statuses.TryGetValue(rule.ConfigRuleName!, out var found)
                    ? Map(found.Status, found.ReadAt)
                    : statusFailed ? null : new ConfigRuleEvaluationStatus { ReadAt = DateTimeOffset.UtcNow },
            });
        }
    }

    private static ConfigRuleEvaluationStatus Map(Cfg.ConfigRuleEvaluationStatus status, DateTimeOffset readAt) => new()
    {
        ReadAt = readAt,
        LastSuccessfulEvaluationTime = Utc(status.LastSuccessfulEvaluationTime),
        LastFailedEvaluationTime = Utc(status.LastFailedEvaluationTime),
        LastSuccessfulInvocationTime = Utc(status.LastSuccessfulInvocationTime),
        LastFailedInvocationTime = Utc(status.LastFailedInvocationTime),
        LastErrorCode = status.LastErrorCode ?? "",
        LastErrorMessage = status.LastErrorMessage ?? "",
        FirstEvaluationStarted = status.FirstEvaluationStarted ?? false,
    };

    private static DateTimeOffset? Utc(DateTime? time) => time is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : null;

    /// <summary>Every page of a NextToken listing; stops (calling <paramref name="failed"/>) when a call fails, keeping what was read.</summary>
    private static async IAsyncEnumerable<T> Pages<T>(CollectorContext context, string operation,
        Func<string?, CancellationToken, Task<T>> call, Func<T, string?> next, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken,
        Action? failed = null)
        where T : class
    {
        string? token = null;
        do
        {
            var page = await context.CallAsync("config", operation, ResourceTypes.ConfigRule, ct => call(token, ct), cancellationToken);
            if (page is null)
            {
                failed?.Invoke();
                yield break;
            }

            yield return page;
            token = next(page);
        }
        while (!string.IsNullOrEmpty(token));
    }
}
