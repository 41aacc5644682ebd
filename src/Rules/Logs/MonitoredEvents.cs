using Compliance.Rules.CloudTrail;
using Compliance.Rules.CloudWatch;
using Compliance.Rules.Inventory;

namespace Compliance.Rules.Logs;

/// <summary>
/// The evaluation the four Logs.MetricFilter rules share, per account: a logging multi-Region trail that records all
/// management events delivers to a CloudWatch Logs log group; for every sample event of every required event class, some
/// metric filter on that log group matches it and an alarm on the filter's metric (namespace and name) notifies an SNS
/// topic with a confirmed subscription.
/// </summary>
internal sealed class MonitoredEvents(RuleDescriptor rule, RuleContext context)
{
    private enum State { Covered, Unknown, Missing }

    /// <summary>How one sample event fares: covered (by what), unknown or missing (why).</summary>
    private sealed record SampleResult(State State, string Detail, bool FilterMatched);

    private sealed record LogGroupRef(string Account, string Region, string Name, string Partition);

    private readonly AwsInventory _inventory = context.Inventory;
    private readonly AlarmNotification _notification = new(context.Inventory, context.Index);
    private readonly bool _fromTemplate = context.FromTemplate;
    private readonly Dictionary<MetricFilter, FilterPattern?> _patterns = new(ReferenceEqualityComparer.Instance);

    public IEnumerable<Finding> Evaluate(IReadOnlyList<MonitoredEventSet> sets)
    {
        var trails = _inventory.Trails.GroupBy(t => t.Arn ?? $"{t.AccountId}/{t.Region}/{t.Id}").Select(g => g.First()).ToList();
        var listingFailed = _inventory.CollectionErrors.FirstOrDefault(e => e.ResourceType == ResourceTypes.Trail && e.ResourceId is null);

        foreach (var account in _inventory.AccountIds)
        {
            var accountRef = new ResourceRef(ResourceTypes.Account, account, null, "global", account);
            var judged = trails.Where(t => t.AccountId == account).Select(JudgeTrail).ToList();
            if (judged.Count == 0 && _fromTemplate)
            {
                // The account's trail may be an organization trail or live in another stack.
                yield return rule.NotApplicable(accountRef,
                    $"Account {account}: a CloudTrail trail is not declared in this template; judged on the live account.");
                continue;
            }

            var evidence = new Dictionary<string, string> { ["eventClasses"] = string.Join(",", sets.Select(s => s.Key)) };
            foreach (var (trail, _, summary) in judged)
            {
                evidence[$"trail.{trail.Id}"] = summary;
            }

            var qualifying = judged.Where(j => j.Group is not null && j.Summary.StartsWith("qualifies", StringComparison.Ordinal)).ToList();
            var unknownTrails = judged.Where(j => j.Summary.StartsWith("unknown", StringComparison.Ordinal)).ToList();
            if (qualifying.Count == 0)
            {
                yield return NoQualifyingTrail(accountRef, account, judged, unknownTrails.Count > 0, trails, listingFailed, evidence);
                continue;
            }

            var groups = qualifying.Select(j => j.Group!).Distinct().ToList();
            var groupNames = string.Join(", ", groups.Select(g => g.Name));
            evidence["logGroups"] = string.Join(",", groups.Select(g => $"arn:{g.Partition}:logs:{g.Region}:{g.Account}:log-group:{g.Name}"));

            var failures = new List<string>();
            var unknowns = new List<string>();
            foreach (var set in sets)
            {
                var results = set.Samples.Select(s => (Sample: s, Result: Cover(s, groups, unknownTrails.Count > 0))).ToList();
                var missing = results.Where(r => r.Result.State == State.Missing).ToList();
                if (missing.Count > 0)
                {
                    var unmatched = missing.Where(m => !m.Result.FilterMatched).Select(m => m.Sample.Label).ToList();
                    var unalarmed = missing.Where(m => m.Result.FilterMatched).Select(m => m.Result.Detail).Distinct().ToList();
                    var parts = new List<string>();
                    if (unmatched.Count == set.Samples.Count)
                    {
                        parts.Add($"no metric filter on {groupNames} matches {set.Description} ({set.SecurityHubControl})");
                    }
                    else if (unmatched.Count > 0)
                    {
                        parts.Add($"no metric filter on {groupNames} matches {set.Description} for {Few(unmatched)} ({set.SecurityHubControl})");
                    }

                    parts.AddRange(unalarmed.Select(d => $"{set.Description}: {d}"));
                    failures.AddRange(parts);
                    evidence[$"events.{set.Key}"] = "missing: " + string.Join("; ", parts);
                }
                else if (results.FirstOrDefault(r => r.Result.State == State.Unknown) is { Sample: not null } unknown)
                {
                    unknowns.Add($"{set.Description}: {unknown.Result.Detail}");
                    evidence[$"events.{set.Key}"] = "unknown: " + unknown.Result.Detail;
                }
                else
                {
                    evidence[$"events.{set.Key}"] = "covered: " + string.Join("; ", results.Select(r => r.Result.Detail).Distinct());
                }
            }

            if (failures.Count > 0)
            {
                if (unknowns.Count > 0)
                {
                    evidence["unknown"] = string.Join("; ", unknowns);
                }

                yield return rule.Fail(accountRef, $"Account {account}: {string.Join("; ", failures)}.", evidence);
            }
            else if (unknowns.Count > 0)
            {
                yield return rule.Error(accountRef, $"Account {account}: whether these events raise a notified alarm is unknown: {string.Join("; ", unknowns)}.", evidence);
            }
            else
            {
                yield return rule.Pass(accountRef,
                    $"Account {account}: trail {Wording.Prose(qualifying.Select(q => q.Trail.DisplayName).ToList())} delivers to {groupNames}, where metric filters match {Wording.Prose(sets.Select(s => s.Description).ToList())} and alarms on their metrics notify an SNS topic with a confirmed subscription.",
                    evidence);
            }
        }
    }

    private Finding NoQualifyingTrail(ResourceRef accountRef, string account, IReadOnlyList<(Trail Trail, LogGroupRef? Group, string Summary)> judged,
        bool someUnknown, IReadOnlyList<Trail> trails, CollectionError? listingFailed, Dictionary<string, string> evidence)
    {
        var reasons = string.Join("; ", judged.Select(j => $"trail {j.Trail.DisplayName} {j.Summary}"));
        if (someUnknown)
        {
            return rule.Error(accountRef, $"Account {account} has no trail known to deliver all management events of every Region to CloudWatch Logs: {reasons}.", evidence);
        }

        var orgTrail = trails.Where(t => t.AccountId != account && t.IsOrganizationTrail).Select(JudgeTrail)
            .FirstOrDefault(j => j.Summary.StartsWith("qualifies", StringComparison.Ordinal));
        if (orgTrail.Trail is not null)
        {
            evidence["organizationTrail"] = orgTrail.Trail.Arn ?? orgTrail.Trail.Id;
            return rule.Error(accountRef,
                $"Account {account} has no qualifying trail of its own; organization trail {orgTrail.Trail.DisplayName} of account {orgTrail.Trail.AccountId} delivers to CloudWatch Logs there, but the inventory does not show whether account {account} is in that organization.",
                evidence);
        }

        if (listingFailed is not null)
        {
            return rule.Error(accountRef,
                $"Account {account} shows no qualifying trail, but trails could not be listed in {listingFailed.Region} ({listingFailed.Operation}: {listingFailed.ErrorCode}).", evidence);
        }

        return rule.Fail(accountRef, judged.Count == 0
            ? $"Account {account} has no CloudTrail trail, so no management events reach CloudWatch Logs to be alarmed on."
            : $"Account {account} has no logging multi-Region trail that records all management events and delivers them to CloudWatch Logs: {reasons}.",
            evidence);
    }

    /// <summary>A trail qualifies when it is multi-Region, logging, records every read and write management event and names a log group.</summary>
    private static (Trail Trail, LogGroupRef? Group, string Summary) JudgeTrail(Trail trail)
    {
        var failures = new List<string>();
        var unknowns = new List<string>();
        if (!trail.IsMultiRegionTrail)
        {
            failures.Add("is single-Region");
        }

        var group = LogGroupOf(trail.CloudWatchLogsLogGroupArn);
        if (string.IsNullOrWhiteSpace(trail.CloudWatchLogsLogGroupArn))
        {
            failures.Add("does not deliver to CloudWatch Logs");
        }
        else if (group is null)
        {
            failures.Add($"names the log group ARN {trail.CloudWatchLogsLogGroupArn}, which is not a log group ARN");
        }

        switch (trail.IsLogging)
        {
            case null: unknowns.Add("has an unknown logging status"); break;
            case false: failures.Add("is not logging"); break;
        }

        if (trail.EventSelectors is null)
        {
            unknowns.Add("has unknown event selectors");
        }
        else if (ManagementEventCoverage.Gaps(trail.EventSelectors) is { Count: > 0 } gaps)
        {
            failures.Add("does not log " + string.Join(" or ", gaps));
        }

        var summary = failures.Count > 0 ? string.Join(" and ", failures)
            : unknowns.Count > 0 ? "unknown: " + string.Join(" and ", unknowns)
            : $"qualifies (delivers to {group!.Name} in {group.Region})";
        return (trail, group, summary);
    }

    /// <summary>arn:aws:logs:eu-west-1:111122223333:log-group:/aws/cloudtrail/audit:* → the log group.</summary>
    private static LogGroupRef? LogGroupOf(string? arn)
    {
        if (AwsArn.Parse(arn) is not { Service: "logs" } parsed || !parsed.Resource.StartsWith("log-group:", StringComparison.Ordinal))
        {
            return null;
        }

        var name = parsed.Resource["log-group:".Length..];
        if (name.EndsWith(":*", StringComparison.Ordinal))
        {
            name = name[..^2];
        }

        return name.Length == 0 ? null : new LogGroupRef(parsed.Account, parsed.Region, name, parsed.Partition);
    }

    private SampleResult Cover(SampleEvent sample, IReadOnlyList<LogGroupRef> groups, bool otherTrailsUnknown)
    {
        var results = groups.Select(g => CoverIn(sample, g)).ToList();
        return results.FirstOrDefault(r => r.State == State.Covered)
            ?? results.FirstOrDefault(r => r.State == State.Unknown)
            ?? (otherTrailsUnknown ? new SampleResult(State.Unknown, "another trail of the account has unknown settings", false) : null)
            ?? results.FirstOrDefault(r => r.FilterMatched)
            ?? results[0];
    }

    private SampleResult CoverIn(SampleEvent sample, LogGroupRef group)
    {
        var filters = _inventory.MetricFilters
            .Where(f => f.AccountId == group.Account && f.Region == group.Region && f.LogGroupName == group.Name)
            .Where(f => Pattern(f)?.Matches(sample.Fields) == true)
            .ToList();
        if (filters.Count == 0)
        {
            return Failed(ResourceTypes.LogsMetricFilter, group) is { } filterError
                ? new SampleResult(State.Unknown, $"metric filters in {group.Region} could not be listed ({filterError.Operation}: {filterError.ErrorCode})", false)
                : new SampleResult(State.Missing, $"no metric filter on {group.Name} matches {sample.Label}", false);
        }

        var alarms = _inventory.CloudWatchAlarms.Where(a => a.AccountId == group.Account && a.Region == group.Region).ToList();
        var silent = new List<string>();
        string? unknown = null;
        foreach (var filter in filters)
        {
            var watching = alarms.Where(a => filter.MetricTransformations.Any(t => AlarmNotification.Watches(a, t))).ToList();
            if (watching.Count == 0)
            {
                var metric = filter.MetricTransformations.FirstOrDefault() is { } t ? $"{t.MetricNamespace}/{t.MetricName}" : "(no metric)";
                silent.Add($"metric filter {filter.Id} matches, but no alarm watches its metric {metric}");
                continue;
            }

            foreach (var alarm in watching)
            {
                var reach = _notification.Judge(alarm, requireCustomerKey: false);
                switch (reach.Reach)
                {
                    case Reach.Notifies:
                        return new SampleResult(State.Covered, $"filter {filter.Id} → alarm {alarm.Id} → {reach.Topic}", true);
                    case Reach.Unknown:
                        unknown ??= $"metric filter {filter.Id} matches, but whether alarm {alarm.Id} notifies anyone is unknown ({reach.Describe})";
                        break;
                    default:
                        silent.Add($"metric filter {filter.Id} matches, but its alarm {alarm.Id} notifies no confirmed subscriber ({reach.Describe})");
                        break;
                }
            }
        }

        if (unknown is null && Failed(ResourceTypes.CloudWatchAlarm, group) is { } alarmError)
        {
            unknown = $"alarms in {group.Region} could not be listed ({alarmError.Operation}: {alarmError.ErrorCode})";
        }

        return unknown is not null
            ? new SampleResult(State.Unknown, unknown, true)
            : new SampleResult(State.Missing, string.Join("; ", silent.Distinct()), true);
    }

    private FilterPattern? Pattern(MetricFilter filter)
    {
        if (!_patterns.TryGetValue(filter, out var pattern))
        {
            _patterns[filter] = pattern = FilterPattern.Parse(filter.FilterPattern);
        }

        return pattern;
    }

    private CollectionError? Failed(string type, LogGroupRef group) => _inventory.CollectionErrors.FirstOrDefault(e =>
        e.ResourceType == type && e.Region == group.Region && e.ResourceId is null && (e.AccountId is null || e.AccountId == group.Account));

    private static string Few(IReadOnlyList<string> labels) =>
        labels.Count <= 4 ? Wording.Prose(labels) : $"{string.Join(", ", labels.Take(4))} and {labels.Count - 4} more";
}
