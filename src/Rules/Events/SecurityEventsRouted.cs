using Compliance.Rules.Inventory;

namespace Compliance.Rules.Events;

/// <summary>
/// In every region, enabled rules on the default event bus route each required category of security events to an
/// encrypted security topic or a remediation function, with a dead-letter queue and a retry policy.
/// </summary>
public sealed class SecurityEventsRouted : IComplianceRule
{
    private const string AllCategories =
        "guardduty-findings,securityhub-findings,config-compliance,root-sign-in,iam-changes,kms-changes,cloudtrail-changes,config-changes,security-group-changes,nacl-changes";

    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.EventsRule1,
        Title = "Security events reach an encrypted topic or a function, with DLQ and retry",
        Rationale = "Findings and changes to identities, keys, trails, recorders and network controls must reach responders or "
            + "automatic remediation within minutes; a rule that is disabled, matches too little or drops undeliverable events "
            + "leaves them unseen.",
        Severity = Severity.High,
        ResourceTypes = [ResourceTypes.EventsRule, ResourceTypes.Account, ResourceTypes.SnsTopic, ResourceTypes.KmsKey],
        Modes = EvaluationModes.TemplateAndLive,
        Frameworks =
        [
            new(Frameworks.PciDss40, "10.4.1.1", MappingConfidence.Proposed),
            new(Frameworks.PciDss40, "10.7.2", MappingConfidence.Proposed),
            new(Frameworks.PciDss40, "12.10.5", MappingConfidence.Proposed),
            new(Frameworks.CisAws30, "4.3", MappingConfidence.Proposed),
            new(Frameworks.CisAws30, "4.4", MappingConfidence.Proposed),
            new(Frameworks.CisAws30, "4.5", MappingConfidence.Proposed),
            new(Frameworks.CisAws30, "4.7", MappingConfidence.Proposed),
            new(Frameworks.CisAws30, "4.9", MappingConfidence.Proposed),
            new(Frameworks.CisAws30, "4.10", MappingConfidence.Proposed),
            new(Frameworks.CisAws30, "4.11", MappingConfidence.Proposed),
        ],
        Parameters =
        [
            new("requiredCategories", AllCategories, "The security event categories every region must route (see the rule's page for what each covers)."),
            new("globalCategories", "root-sign-in,iam-changes",
                "Categories whose events EventBridge delivers only in globalEventsRegion (IAM and root sign-in are global); required there and nowhere else."),
            new("globalEventsRegion", "us-east-1", "The region where global services' events arrive."),
            new("acceptedTargetArns", "", "Further destination ARNs (wildcards allowed) accepted as routes, e.g. a central security account's event bus."),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var required = context.ListParameter("requiredCategories").Select(SecurityEventCategories.Get).ToList();
        var global = context.ListParameter("globalCategories").ToHashSet(StringComparer.Ordinal);
        var globalRegion = context.Parameter("globalEventsRegion");
        var targets = new RoutingTargets(context, context.ListParameter("acceptedTargetArns"));

        foreach (var (account, region) in context.Inventory.AccountRegions())
        {
            var accountRef = new ResourceRef(ResourceTypes.Account, account, null, region, account);
            var listingFailed = context.Inventory.CollectionErrors.FirstOrDefault(e =>
                e.ResourceType == ResourceTypes.EventsRule && e.Region == region && e.ResourceId is null && (e.AccountId is null || e.AccountId == account));
            if (listingFailed is not null)
            {
                yield return Descriptor.Error(accountRef,
                    $"Account {account} in {region}: EventBridge rules could not be listed ({listingFailed.Operation}: {listingFailed.ErrorCode}), so security event routing is unknown.",
                    new Dictionary<string, string> { ["operation"] = listingFailed.Operation, ["errorCode"] = listingFailed.ErrorCode });
                continue;
            }

            var categories = required.Where(c => !global.Contains(c.Id) || region == globalRegion).ToList();
            var routes = context.Inventory.EventsRules
                .Where(r => r.AccountId == account && r.Region == region && IsDefaultBus(r.EventBusName))
                .Select(r => RouteFor(r, targets))
                .ToList();
            if (context.FromTemplate && !routes.Any(r => categories.Any(c => c.Events.Any(e => r.Matches(e.Event) != false))))
            {
                // A template that routes no security event is not the account's security-routing stack; another stack may be.
                yield return Descriptor.NotApplicable(accountRef,
                    $"Account {account} in {region}: no default-bus rule matching security events is declared in this template; judged on the live account.",
                    new Dictionary<string, string> { ["defaultBusRules"] = routes.Count == 0 ? "none" : string.Join(",", routes.Select(r => r.Rule.Name)) });
                continue;
            }

            yield return Judge(accountRef, account, region, categories, routes, required.Count - categories.Count, globalRegion);
        }
    }

    private Finding Judge(ResourceRef accountRef, string account, string region, IReadOnlyList<SecurityEventCategory> categories, IReadOnlyList<Route> routes, int skippedGlobal, string globalRegion)
    {
        var covered = new List<string>();
        var missing = new List<string>();
        var unknown = new List<string>();
        var via = new SortedSet<string>(StringComparer.Ordinal);
        var nearMisses = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var category in categories)
        {
            var gaps = new List<string>();
            var doubts = new List<string>();
            foreach (var (label, @event) in category.Events)
            {
                var matching = routes.Where(r => r.Matches(@event) != false).ToList();
                var good = matching.FirstOrDefault(r => r.Matches(@event) == true && r.Verdict.Eligibility == Eligibility.Yes);
                if (good is not null)
                {
                    via.Add(good.Rule.Name);
                    continue;
                }

                var doubtful = matching.FirstOrDefault(r => r.Verdict.Eligibility != Eligibility.No);
                if (doubtful is not null)
                {
                    doubts.Add(doubtful.Matches(@event) is null ? $"{doubtful.Rule.Name}: its event pattern is unknown" : doubtful.Verdict.Reason);
                }
                else
                {
                    gaps.Add(label);
                    nearMisses.UnionWith(matching.Select(r => r.Verdict.Reason));
                }
            }

            if (gaps.Count > 0)
            {
                missing.Add(gaps.Count == category.Events.Count ? category.Id : $"{category.Id} (not {Wording.Prose(gaps)})");
            }
            else if (doubts.Count > 0)
            {
                unknown.Add($"{category.Id} ({doubts[0]})");
            }
            else
            {
                covered.Add(category.Id);
            }
        }

        var evidence = new Dictionary<string, string>
        {
            ["defaultBusRules"] = routes.Count == 0 ? "none" : string.Join(",", routes.Select(r => r.Rule.Name)),
            ["coveredCategories"] = Join(covered),
            ["missingCategories"] = Join(missing),
            ["unknownCategories"] = Join(unknown),
            ["routingRules"] = Join(via),
        };
        if (skippedGlobal > 0)
        {
            evidence["globalCategoriesJudgedIn"] = globalRegion;
        }

        var unusable = routes.Where(r => r.Verdict.Eligibility == Eligibility.No)
            .Select(r => r.Verdict.Reason)
            .Concat(nearMisses).Distinct().Order(StringComparer.Ordinal).ToList();
        if (unusable.Count > 0)
        {
            evidence["unusableRules"] = string.Join("; ", unusable);
        }

        var where = $"Account {account} in {region}";
        if (missing.Count > 0)
        {
            var hint = nearMisses.Count > 0 ? $" Matching rules that do not qualify: {string.Join("; ", nearMisses)}." : "";
            return Descriptor.Fail(accountRef,
                $"{where} routes no security events for {Wording.Prose(missing)} through an enabled default-bus rule to a customer-key SNS topic or a Lambda function with a dead-letter queue and retry policy.{hint}",
                evidence);
        }

        if (unknown.Count > 0)
        {
            return Descriptor.Error(accountRef, $"{where}: routing of {Wording.Prose(unknown)} is unknown.", evidence);
        }

        return Descriptor.Pass(accountRef,
            $"{where} routes all {covered.Count} required security event categories ({string.Join(", ", covered)}) through {Wording.Prose(via.ToList())}.",
            evidence);
    }

    private static Route RouteFor(EventsRule rule, RoutingTargets targets)
    {
        var verdict = targets.Judge(rule);
        if (rule.EventPattern is null)
        {
            return new Route(rule, null, null, verdict);
        }

        if (rule.EventPattern.Length == 0)
        {
            return new Route(rule, null, "no event pattern (schedule only)", RouteVerdict.No($"{rule.Name} has no event pattern (schedule only)"));
        }

        try
        {
            return new Route(rule, EventPattern.Parse(rule.EventPattern), null, verdict);
        }
        catch (EventPatternException ex)
        {
            return new Route(rule, null, $"event pattern not evaluable ({ex.Message})", RouteVerdict.No($"{rule.Name}: event pattern not evaluable ({ex.Message})"));
        }
    }

    private static bool IsDefaultBus(string bus) =>
        bus == "default" || (AwsArn.Parse(bus) is { Service: "events" } arn && arn.Resource == "event-bus/default");

    private static string Join(IEnumerable<string> items)
    {
        var text = string.Join(",", items);
        return text.Length == 0 ? "none" : text;
    }

    /// <summary>A default-bus rule: its parsed pattern, why it has none it can match with, and whether its targets qualify.</summary>
    private sealed record Route(EventsRule Rule, EventPattern? Pattern, string? Unmatchable, RouteVerdict Verdict)
    {
        /// <summary>True or false; null when the rule's pattern is unknown, so it may match anything.</summary>
        public bool? Matches(System.Text.Json.Nodes.JsonObject @event) =>
            Pattern is not null ? Pattern.Matches(@event) : Unmatchable is null ? null : false;
    }
}
