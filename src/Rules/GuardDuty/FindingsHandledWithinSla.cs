using System.Globalization;
using Compliance.Rules.Inventory;

namespace Compliance.Rules.GuardDuty;

/// <summary>No GuardDuty finding stays unarchived past its severity's response time (High 1 day, Medium 7, Low 30).</summary>
public sealed class FindingsHandledWithinSla : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.GuardDutyDetector4,
        Title = "No unarchived GuardDuty finding is older than its severity's response time",
        Rationale = "A finding nobody triages is a detected attack nobody answers; each severity gets a deadline by which the finding is resolved and archived.",
        Severity = Severity.Medium,
        ResourceTypes = [ResourceTypes.Account, ResourceTypes.GuardDutyDetector],
        Modes = EvaluationModes.LiveOnly,
        Frameworks =
        [
            new(Frameworks.PciDss40, "10.4.3", MappingConfidence.Proposed),
            new(Frameworks.PciDss40, "12.10.5", MappingConfidence.Proposed),
            new(Frameworks.AwsConfig, "GUARDDUTY_NON_ARCHIVED_FINDINGS", MappingConfidence.Published),
        ],
        Parameters =
        [
            new("daysHighSev", "1", "Days a High (7.0 and above, Critical included) finding may stay unarchived."),
            new("daysMediumSev", "7", "Days a Medium (4.0–6.9) finding may stay unarchived."),
            new("daysLowSev", "30", "Days a Low (below 4.0) finding may stay unarchived."),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var sla = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            [GuardDutySeverityBands.High.Name] = context.IntParameter("daysHighSev"),
            [GuardDutySeverityBands.Medium.Name] = context.IntParameter("daysMediumSev"),
            [GuardDutySeverityBands.Low.Name] = context.IntParameter("daysLowSev"),
        };

        foreach (var (account, region) in context.Inventory.AccountRegions())
        {
            var accountRef = GuardDutyRegions.AccountRef(account, region);
            var detectors = GuardDutyRegions.Detectors(context.Inventory, account, region);
            if (detectors.Count == 0)
            {
                yield return GuardDutyRegions.ListingFailure(context.Inventory, region) is { } failed
                    ? Descriptor.Error(accountRef, $"Account {account} in {region}: GuardDuty detectors could not be listed ({failed.Operation}: {failed.ErrorCode}), so its findings are unknown.")
                    : Descriptor.NotApplicable(accountRef, $"Account {account} has no GuardDuty detector in {region}, so it has no findings to triage (GuardDuty.Detector.1 reports the missing detector).");
                continue;
            }

            yield return Judge(accountRef, account, region, detectors, sla);
        }
    }

    private Finding Judge(ResourceRef accountRef, string account, string region, IReadOnlyList<GuardDutyDetector> detectors, Dictionary<string, int> sla)
    {
        var evidence = new Dictionary<string, string> { ["detectorIds"] = string.Join(",", detectors.Select(d => d.Id)) };
        var overdue = new List<string>();
        var unknown = new List<string>();
        foreach (var detector in detectors)
        {
            if (detector.OverdueFindings is not { } bands)
            {
                unknown.Add($"every severity (the findings of detector {detector.Id} were not read)");
                continue;
            }

            foreach (var band in GuardDutySeverityBands.All)
            {
                var days = sla[band.Name];
                var key = band.Name.ToLowerInvariant();
                evidence[$"{key}SlaDays"] = days.ToString(CultureInfo.InvariantCulture);
                var listed = bands.FirstOrDefault(o => o.Band == band.Name);
                if (listed is not { Count: { } count })
                {
                    evidence[$"{key}Overdue"] = "unknown";
                    unknown.Add($"{band.Name} (the listing of detector {detector.Id} failed)");
                    continue;
                }

                var counted = $"{count.ToString(CultureInfo.InvariantCulture)}{(listed.CountIsLowerBound ? "+" : "")}";
                evidence[$"{key}Overdue"] = $"{counted} not updated for {listed.OlderThanDays.ToString(CultureInfo.InvariantCulture)}+ days";
                if (count > 0 && listed.OlderThanDays >= days)
                {
                    // Each listed finding has gone without an update for at least OlderThanDays ≥ the allowed days.
                    var examples = listed.SampleFindingIds.Count > 0 ? $", e.g. {string.Join(", ", listed.SampleFindingIds.Take(3))}" : "";
                    overdue.Add($"{counted} {band.Name} not updated for over {Days(listed.OlderThanDays)} (allowed {Days(days)}){examples}");
                }
                else if (!(count == 0 && listed.OlderThanDays <= days))
                {
                    // The listing's cutoff does not answer this response time: a finding between the two ages cannot be told.
                    unknown.Add($"{band.Name} (listed for findings not updated for {Days(listed.OlderThanDays)}, but the rule allows {Days(days)})");
                }
            }
        }

        if (overdue.Count > 0)
        {
            return Descriptor.Fail(accountRef,
                $"GuardDuty in account {account}, {region} has unarchived findings past their response time: {Wording.Prose(overdue)}.", evidence);
        }

        return unknown.Count > 0
            ? Descriptor.Error(accountRef, $"GuardDuty in account {account}, {region}: whether findings are overdue is unknown for {Wording.Prose(unknown)}.", evidence)
            : Descriptor.Pass(accountRef,
                $"GuardDuty in account {account}, {region} has no unarchived finding older than its response time (High {Days(sla["High"])}, Medium {Days(sla["Medium"])}, Low {Days(sla["Low"])}).",
                evidence);
    }

    private static string Days(int days) => days == 1 ? "1 day" : $"{days.ToString(CultureInfo.InvariantCulture)} days";
}
