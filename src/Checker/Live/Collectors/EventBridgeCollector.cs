using Compliance.Checker.Live.Collection;
using Compliance.Rules.Inventory;
using Eb = Compliance.Checker.Live.Clients.EventBridge;

namespace Compliance.Checker.Live.Collectors;

/// <summary>
/// EventBridge buses and rules: ListEventBuses (paginated; each bus with its policy), ListTagsForResource per bus, then
/// per bus ListRules (paginated), and per rule (at most 4 at once) ListTargetsByRule (paginated) and ListTagsForResource.
/// When the buses cannot be listed, the default bus's rules are still read and the rules of other buses are recorded as missing.
/// </summary>
public sealed class EventBridgeCollector : ICollector
{
    private const string ServiceKey = "events";
    private const string DefaultBus = "default";
    private const int RuleConcurrency = 4;

    public string Service => ServiceKey;
    public IReadOnlyList<string> Produces { get; } = [ResourceTypes.EventsRule, ResourceTypes.EventsEventBus];
    public bool IsGlobal => false;
    public IReadOnlyDictionary<string, string> Permissions { get; } = new Dictionary<string, string>
    {
        ["events:ListEventBuses"] = "events:ListEventBuses",
        ["events:ListRules"] = "events:ListRules",
        ["events:ListTargetsByRule"] = "events:ListTargetsByRule",
        ["events:ListTagsForResource"] = "events:ListTagsForResource",
    };

    public async Task CollectAsync(CollectorContext context, CancellationToken cancellationToken)
    {
        var wantsRules = context.Scope.Wants(ResourceTypes.EventsRule);
        var wantsBuses = context.Scope.Wants(ResourceTypes.EventsEventBus);
        if (!wantsRules && !wantsBuses)
        {
            return;
        }

        var client = Eb.EventBridgeClient.For(context.Session, context.Region);
        var (buses, complete) = await ListBusesAsync(context, client, wantsBuses ? ResourceTypes.EventsEventBus : ResourceTypes.EventsRule, cancellationToken);
        if (wantsBuses)
        {
            var wanted = context.Scope.IdsFor(ResourceTypes.EventsEventBus)?.ToHashSet(StringComparer.Ordinal);
            foreach (var bus in buses.Where(b => wanted is null || wanted.Contains(b.Name!)))
            {
                context.Builder.Add(await ReadBusAsync(context, client, bus, cancellationToken));
            }
        }

        if (!wantsRules)
        {
            return;
        }

        if (!complete && wantsBuses)
        {
            context.Missing(ServiceKey, "ListEventBuses", ResourceTypes.EventsRule, "EventBusesNotListed",
                "Not every event bus could be listed, so the rules of the unlisted buses are missing.");
        }

        var busNames = buses.Select(b => b.Name!).Append(DefaultBus).Distinct(StringComparer.Ordinal).ToList();
        var rules = new List<(string Bus, Eb.Rule Rule)>();
        foreach (var bus in busNames)
        {
            rules.AddRange((await ListRulesAsync(context, client, bus, cancellationToken)).Select(r => (bus, r)));
        }

        var wantedRules = context.Scope.IdsFor(ResourceTypes.EventsRule)?.ToHashSet(StringComparer.Ordinal);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = RuleConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(
            rules.Where(r => wantedRules is null || wantedRules.Contains(RuleId(r.Bus, r.Rule.Name!))), parallel,
            async (rule, ct) => context.Builder.Add(await ReadRuleAsync(context, client, rule.Bus, rule.Rule, ct)));
    }

    /// <summary>Every bus (the default one included), and whether every page could be read.</summary>
    private static async Task<(List<Eb.EventBus> Buses, bool Complete)> ListBusesAsync(CollectorContext context, Eb.IAmazonEventBridge client, string resourceType, CancellationToken cancellationToken)
    {
        var buses = new List<Eb.EventBus>();
        string? token = null;
        do
        {
            var page = await context.CallAsync(ServiceKey, "ListEventBuses", resourceType,
                ct => client.ListEventBusesAsync(new Eb.ListEventBusesRequest { NextToken = token, Limit = 100 }, ct), cancellationToken);
            if (page is null)
            {
                return (buses, false); // recorded; the buses listed so far are still read
            }

            buses.AddRange((page.EventBuses ?? []).Where(b => !string.IsNullOrEmpty(b.Name)));
            token = page.NextToken;
        }
        while (!string.IsNullOrEmpty(token));

        return (buses, true);
    }

    private static async Task<EventBus> ReadBusAsync(CollectorContext context, Eb.IAmazonEventBridge client, Eb.EventBus bus, CancellationToken cancellationToken)
    {
        var name = bus.Name!;
        var arn = bus.Arn ?? $"arn:{Partition(context)}:events:{context.Region}:{context.AccountId}:event-bus/{name}";
        return new EventBus
        {
            Id = name,
            Region = context.Region,
            AccountId = context.AccountId,
            Arn = arn,
            Tags = await ReadTagsAsync(context, client, arn, ResourceTypes.EventsEventBus, name, cancellationToken),
            Policy = Policy(context, name, bus.Policy),
        };
    }

    /// <summary>No Policy member: the bus has none (a known empty policy). Unparseable: unknown, and recorded.</summary>
    private static PolicyDocument? Policy(CollectorContext context, string bus, string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return PolicyDocument.Empty;
        }

        try
        {
            return PolicyDocumentJsonConverter.Parse(json);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException or FormatException)
        {
            context.Missing(ServiceKey, "ListEventBuses", ResourceTypes.EventsEventBus, "InvalidPolicy", $"The policy of event bus {bus} could not be parsed: {ex.Message}", bus);
            return null;
        }
    }

    private static async Task<List<Eb.Rule>> ListRulesAsync(CollectorContext context, Eb.IAmazonEventBridge client, string bus, CancellationToken cancellationToken)
    {
        var rules = new List<Eb.Rule>();
        string? token = null;
        do
        {
            var page = await context.CallAsync(ServiceKey, "ListRules", ResourceTypes.EventsRule,
                ct => client.ListRulesAsync(new Eb.ListRulesRequest { EventBusName = bus, NextToken = token, Limit = 100 }, ct), cancellationToken);
            if (page is null)
            {
                break; // recorded for the type: rules may be missing in this region
            }

            rules.AddRange((page.Rules ?? []).Where(r => !string.IsNullOrEmpty(r.Name)));
            token = page.NextToken;
        }
        while (!string.IsNullOrEmpty(token));

        return rules;
    }

    private static async Task<EventsRule> ReadRuleAsync(CollectorContext context, Eb.IAmazonEventBridge client, string bus, Eb.Rule rule, CancellationToken cancellationToken)
    {
        var name = rule.Name!;
        var id = RuleId(bus, name);
        var arn = rule.Arn ?? $"arn:{Partition(context)}:events:{context.Region}:{context.AccountId}:rule/{id}";
        var targets = ReadTargetsAsync(context, client, bus, name, id, cancellationToken);
        var tags = ReadTagsAsync(context, client, arn, ResourceTypes.EventsRule, id, cancellationToken);
        await Task.WhenAll(targets, tags);
        return new EventsRule
        {
            Id = id,
            Region = context.Region,
            AccountId = context.AccountId,
            Arn = arn,
            Tags = tags.Result,
            Name = name,
            EventBusName = bus,
            State = rule.State,
            EventPattern = rule.EventPattern ?? "",
            ScheduleExpression = rule.ScheduleExpression ?? "",
            ManagedBy = rule.ManagedBy ?? "",
            Targets = targets.Result,
        };
    }

    /// <summary>Every target; null when a page could not be read.</summary>
    private static async Task<IReadOnlyList<EventsTarget>?> ReadTargetsAsync(CollectorContext context, Eb.IAmazonEventBridge client, string bus, string rule, string id, CancellationToken cancellationToken)
    {
        var targets = new List<EventsTarget>();
        string? token = null;
        do
        {
            var page = await context.CallAsync(ServiceKey, "ListTargetsByRule", ResourceTypes.EventsRule,
                ct => client.ListTargetsByRuleAsync(new Eb.ListTargetsByRuleRequest { Rule = rule, EventBusName = bus, NextToken = token, Limit = 100 }, ct), cancellationToken, id);
            if (page is null)
            {
                return null;
            }

            targets.AddRange((page.Targets ?? []).Where(t => t.Id is not null && t.Arn is not null).Select(t => new EventsTarget
            {
                Id = t.Id!,
                Arn = t.Arn!,
                RoleArn = t.RoleArn ?? "",
                DeadLetterConfig = t.DeadLetterConfig?.Arn is { Length: > 0 } dlq ? new EventsDeadLetterConfig(dlq) : null,
                RetryPolicy = t.RetryPolicy is { } retry ? new EventsRetryPolicy(retry.MaximumRetryAttempts, retry.MaximumEventAgeInSeconds) : null,
            }));
            token = page.NextToken;
        }
        while (!string.IsNullOrEmpty(token));

        return targets;
    }

    /// <summary>The tags; empty when the call failed (the error, recorded against the resource, says so).</summary>
    private static async Task<IReadOnlyDictionary<string, string>> ReadTagsAsync(
        CollectorContext context, Eb.IAmazonEventBridge client, string arn, string resourceType, string id, CancellationToken cancellationToken)
    {
        var answer = await context.CallAsync(ServiceKey, "ListTagsForResource", resourceType,
            ct => client.ListTagsForResourceAsync(new Eb.ListTagsForResourceRequest(arn), ct), cancellationToken, id);
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in answer?.Tags ?? [])
        {
            if (tag.Key is { } key)
            {
                tags[key] = tag.Value ?? "";
            }
        }

        return tags;
    }

    /// <summary>The part of a rule's ARN after "rule/": its name on the default bus, "bus/name" on another.</summary>
    private static string RuleId(string bus, string name) => bus == DefaultBus ? name : $"{bus}/{name}";

    private static string Partition(CollectorContext context) => Amazon.RegionEndpoint.GetBySystemName(context.Region).PartitionName;
}
