using Compliance.Rules.Inventory;

namespace Compliance.Rules.GuardDuty;

/// <summary>Every covered Region of every account has an enabled GuardDuty detector, managed by the central account when one is named.</summary>
public sealed class GuardDutyEnabledCentralized : IComplianceRule
{
    private const string Enabled = "ENABLED";
    private const string Disabled = "DISABLED";

    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.GuardDutyDetector1,
        Title = "GuardDuty is enabled in every Region and managed by the central account",
        Rationale = "A Region without an active detector is a blind spot for threat detection, and findings that stay in the member account are easily missed; the delegated administrator must see every Region.",
        Severity = Severity.High,
        ResourceTypes = [ResourceTypes.GuardDutyDetector, ResourceTypes.Account],
        Modes = EvaluationModes.TemplatePresenceAndLive,
        Frameworks =
        [
            new(Frameworks.PciDss40, "11.5.1", MappingConfidence.Published),
            new(Frameworks.AwsFsbp, "GuardDuty.1", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "GUARDDUTY_ENABLED_CENTRALIZED", MappingConfidence.Published),
        ],
        Parameters =
        [
            new("centralMonitoringAccount", "", "Comma-separated 12-digit accounts allowed to administer GuardDuty (the delegated administrator); empty means centralization is not checked."),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var central = context.ListParameter("centralMonitoringAccount");
        foreach (var (account, region) in context.Inventory.AccountRegions())
        {
            var detectors = GuardDutyRegions.Detectors(context.Inventory, account, region);

            if (detectors.Count == 0)
            {
                yield return context.FromTemplate
                    ? Descriptor.NotApplicable(new ResourceRef(ResourceTypes.Account, account, null, region, account),
                        $"Account {account} in {region}: a GuardDuty detector is not declared in this template; judged on the live account.",
                        new Dictionary<string, string> { ["detectorCount"] = "0" })
                    : GuardDutyRegions.NoDetector(Descriptor, context.Inventory, account, region, "GuardDuty is not enabled there");
                continue;
            }

            // A Region has at most one detector; should the inventory hold more, the best verdict wins, never an unknown one.
            var judged = detectors.Select(d => Judge(d, account, region, central)).ToList();
            yield return judged.FirstOrDefault(f => f.Status == ComplianceStatus.Pass)
                ?? judged.FirstOrDefault(f => f.Status == ComplianceStatus.Error)
                ?? judged[0];
        }
    }

    private Finding Judge(GuardDutyDetector detector, string account, string region, IReadOnlyList<string> central)
    {
        var evidence = new Dictionary<string, string>
        {
            ["detectorId"] = detector.Id,
            ["status"] = detector.Status ?? "unknown",
            ["administratorAccountId"] = detector.AdministratorAccountId ?? "unknown",
        };
        if (central.Count > 0)
        {
            evidence["centralMonitoringAccount"] = string.Join(",", central);
        }

        var subject = $"GuardDuty detector {detector.DisplayName} of account {account} in {region}";
        switch (detector.Status)
        {
            case null:
                return Descriptor.Error(detector.Ref, $"{subject}: its status could not be read.", evidence);
            case Disabled:
                return Descriptor.Fail(detector.Ref, $"{subject} is DISABLED (suspended), so GuardDuty is not monitoring the Region.", evidence);
            case not Enabled:
                return Descriptor.Error(detector.Ref, $"{subject} reports the unrecognised status '{detector.Status}'.", evidence);
        }

        if (central.Count == 0)
        {
            return Descriptor.Pass(detector.Ref, $"{subject} is ENABLED.", evidence);
        }

        if (central.Contains(account))
        {
            return Descriptor.Pass(detector.Ref, $"{subject} is ENABLED in the central monitoring account itself.", evidence);
        }

        var expected = string.Join(" or ", central);
        return detector.AdministratorAccountId switch
        {
            null => Descriptor.Error(detector.Ref, $"{subject} is ENABLED, but its administrator account could not be read, so centralization to {expected} is unknown.", evidence),
            "" => Descriptor.Fail(detector.Ref, $"{subject} is ENABLED but standalone, not managed by the central account {expected}.", evidence),
            var admin when central.Contains(admin) => Descriptor.Pass(detector.Ref, $"{subject} is ENABLED and managed by the central account {admin}.", evidence),
            var admin => Descriptor.Fail(detector.Ref, $"{subject} is ENABLED but managed by account {admin}, not the central account {expected}.", evidence),
        };
    }
}
