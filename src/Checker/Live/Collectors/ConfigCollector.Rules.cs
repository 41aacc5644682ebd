using Compliance.Checker.Live.Collection;
using Compliance.Rules.Inventory;
using Cfg = Compliance.Checker.Live.Clients.ConfigService;

namespace Compliance.Checker.Live.Collectors;

/// <summary>
/// Config rules: DescribeConfigRules (paginated) and DescribeConfigRuleEvaluationStatus for every rule at once (no names,
/// Limit 50, paginated): ⌈rules/50⌉ status calls, fewer than naming rules would take (the API takes at most 25 names).
/// Only rules that listing leaves out are then asked for by name. A targeted scan names rules: both calls then name
/// them, 25 at a time.
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
        var unread = new HashSet<string>(StringComparer.Ordinal);
        foreach (var names in batches)
        {
            if (!await ReadStatusesAsync(context, client, names, statuses, cancellationToken))
            {
                unread.UnionWith(names ?? rules.Select(r => r.ConfigRuleName!));
            }
        }

        // A rule the listing of all rules left out is asked for by name, so that a status AWS lists separately (a
        // service-linked rule, for instance) is not mistaken for "never evaluated".
        var missing = rules.Select(r => r.ConfigRuleName!).Where(n => !statuses.ContainsKey(n) && !unread.Contains(n)).ToList();
        if (named is null)
        {
            foreach (var names in missing.Chunk(NamesPerCall))
            {
                if (!await ReadStatusesAsync(context, client, names, statuses, cancellationToken))
                {
                    unread.UnionWith(names);
                }
            }
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
                // DescribeConfigRules returns no tags; reading them would cost a ListTagsForResource per rule.
                TagsUnknown = true,
                // Unknown when its status could not be read; a rule AWS returns no status for, even by name, has never
                // been evaluated.
                EvaluationStatus = statuses.TryGetValue(rule.ConfigRuleName!, out var found)
                    ? Map(found.Status, found.ReadAt)
                    : unread.Contains(rule.ConfigRuleName!) ? null : new ConfigRuleEvaluationStatus { ReadAt = DateTimeOffset.UtcNow },
            });
        }
    }

    /// <summary>Reads the statuses of the named rules (or of every rule), all pages; false when a call failed.</summary>
    private static async Task<bool> ReadStatusesAsync(CollectorContext context, Cfg.IAmazonConfigService client, IReadOnlyList<string>? names,
        Dictionary<string, (Cfg.ConfigRuleEvaluationStatus Status, DateTimeOffset ReadAt)> statuses, CancellationToken cancellationToken)
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

        return complete;
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
