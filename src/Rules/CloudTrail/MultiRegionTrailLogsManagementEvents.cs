using Compliance.Rules.Inventory;

namespace Compliance.Rules.CloudTrail;

/// <summary>Each account has at least one logging multi-Region trail that records read and write management events.</summary>
public sealed class MultiRegionTrailLogsManagementEvents : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.CloudTrailTrail1,
        Title = "A logging multi-Region trail records read and write management events",
        Rationale = "Without a multi-Region trail capturing every control-plane call, activity in an unused Region or a read-only reconnaissance sweep leaves no audit record.",
        Severity = Severity.High,
        ResourceTypes = [ResourceTypes.Account, ResourceTypes.Trail],
        Modes = EvaluationModes.TemplateAndLive,
        Frameworks =
        [
            new(Frameworks.PciDss40, "10.2.1", MappingConfidence.Proposed),
            new(Frameworks.CisAws30, "3.1", MappingConfidence.Published),
            new(Frameworks.AwsFsbp, "CloudTrail.1", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "MULTI_REGION_CLOUD_TRAIL_ENABLED", MappingConfidence.Published),
        ],
    };

    private enum Verdict { Qualifies, Unknown, Falls }

    private sealed record Judgement(Trail Trail, Verdict Verdict, IReadOnlyList<string> Reasons, string Summary);

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var inventory = context.Inventory;
        var trails = inventory.Trails
            .GroupBy(t => t.Arn ?? $"{t.AccountId}/{t.Region}/{t.Id}")
            .Select(g => g.First())
            .ToList();
        var listingFailed = inventory.CollectionErrors.FirstOrDefault(e => e.ResourceType == ResourceTypes.Trail && e.ResourceId is null);

        foreach (var account in inventory.AccountIds)
        {
            var accountRef = new ResourceRef(ResourceTypes.Account, account, null, "global", account);
            var judged = trails.Where(t => t.AccountId == account).Select(Judge).ToList();
            if (judged.Count == 0 && context.FromTemplate)
            {
                yield return Descriptor.NotApplicable(accountRef,
                    $"Account {account}: a CloudTrail trail is not declared in this template; judged on the live account.");
                continue;
            }

            var evidence = new Dictionary<string, string>
            {
                ["examinedTrails"] = string.Join(",", judged.Select(j => j.Trail.Arn ?? j.Trail.Id)),
            };
            foreach (var j in judged)
            {
                evidence[$"trail.{j.Trail.Id}"] = j.Summary;
            }

            var qualifying = judged.Where(j => j.Verdict == Verdict.Qualifies).ToList();
            if (qualifying.Count > 0)
            {
                evidence["qualifyingTrails"] = string.Join(",", qualifying.Select(j => j.Trail.Arn ?? j.Trail.Id));
                yield return Descriptor.Pass(accountRef,
                    $"Account {account} has the logging multi-Region trail {Names(qualifying)}, which records all read and write management events.",
                    evidence);
                continue;
            }

            var unknown = judged.Where(j => j.Verdict == Verdict.Unknown).ToList();
            if (unknown.Count > 0)
            {
                yield return Descriptor.Error(accountRef,
                    $"Account {account} has no trail known to log read and write management events in every Region: {Reasons(unknown)}.",
                    evidence);
                continue;
            }

            // An organization trail of another account covers this account only if it belongs to that organization,
            // which the inventory does not record.
            var orgTrail = trails
                .Where(t => t.AccountId != account && t.IsOrganizationTrail)
                .Select(Judge)
                .FirstOrDefault(j => j.Verdict == Verdict.Qualifies);
            if (orgTrail is not null)
            {
                evidence["organizationTrail"] = orgTrail.Trail.Arn ?? orgTrail.Trail.Id;
                yield return Descriptor.Error(accountRef,
                    $"Account {account} has no qualifying trail of its own; organization trail {orgTrail.Trail.DisplayName} of account {orgTrail.Trail.AccountId} would qualify, but the inventory does not show whether account {account} is in that organization.",
                    evidence);
                continue;
            }

            if (listingFailed is not null)
            {
                evidence["errorCode"] = listingFailed.ErrorCode;
                evidence["operation"] = listingFailed.Operation;
                yield return Descriptor.Error(accountRef,
                    $"Account {account} shows no qualifying trail, but trails could not be listed in {listingFailed.Region} ({listingFailed.Operation}: {listingFailed.ErrorCode}).",
                    evidence);
                continue;
            }

            if (!judged.Any(j => j.Trail.IsMultiRegionTrail))
            {
                yield return Descriptor.Fail(accountRef,
                    judged.Count == 0
                        ? $"Account {account} has no CloudTrail trail, so no multi-Region trail records management events."
                        : $"Account {account} has no multi-Region CloudTrail trail; its trails ({Names(judged)}) are single-Region.",
                    evidence);
                continue;
            }

            yield return Descriptor.Fail(accountRef,
                $"Account {account} has no logging multi-Region trail recording read and write management events: {Reasons(judged)}.",
                evidence);
        }
    }

    private static Judgement Judge(Trail trail)
    {
        var failures = new List<string>();
        var unknowns = new List<string>();

        if (!trail.IsMultiRegionTrail)
        {
            failures.Add("is single-Region");
        }

        switch (trail.IsLogging)
        {
            case null:
                unknowns.Add("has an unknown logging status");
                break;
            case false:
                failures.Add("is not logging");
                break;
        }

        string coverage;
        if (trail.EventSelectors is null)
        {
            unknowns.Add("has unknown event selectors");
            coverage = "unknown";
        }
        else
        {
            var gaps = ManagementEventCoverage.Gaps(trail.EventSelectors);
            if (gaps.Count > 0)
            {
                failures.Add("does not log " + string.Join(" or ", gaps));
            }

            coverage = ManagementEventCoverage.Describe(trail.EventSelectors);
        }

        var summary = $"multiRegion={Lower(trail.IsMultiRegionTrail)}; isLogging={(trail.IsLogging is { } logging ? Lower(logging) : "unknown")}; "
            + $"organization={Lower(trail.IsOrganizationTrail)}; managementEvents={coverage}";
        return failures.Count > 0
            ? new Judgement(trail, Verdict.Falls, failures, summary)
            : unknowns.Count > 0
                ? new Judgement(trail, Verdict.Unknown, unknowns, summary)
                : new Judgement(trail, Verdict.Qualifies, [], summary);
    }

    private static string Lower(bool value) => value ? "true" : "false";

    private static string Names(IEnumerable<Judgement> judged) => string.Join(", ", judged.Select(j => j.Trail.DisplayName));

    private static string Reasons(IEnumerable<Judgement> judged) =>
        string.Join("; ", judged.Select(j => $"trail {j.Trail.DisplayName} {string.Join(" and ", j.Reasons)}"));
}
