using Compliance.Rules.Inventory;

namespace Compliance.Rules.GuardDuty;

/// <summary>
/// The verdict of "GuardDuty protection plan X is enabled" shared by the plan rules: per covered region, the detector's
/// status and the plan's entry in its Features.
/// </summary>
internal static class ProtectionPlan
{
    private const string Enabled = "ENABLED";
    private const string Disabled = "DISABLED";

    /// <param name="rule">The rule judging.</param>
    /// <param name="context">The rule's context: its inventory, and whether it is a template's.</param>
    /// <param name="feature">The plan's feature name in GetDetector, e.g. LAMBDA_NETWORK_LOGS.</param>
    /// <param name="plan">How messages name the plan, e.g. "Lambda Protection".</param>
    public static IEnumerable<Finding> Evaluate(RuleDescriptor rule, RuleContext context, string feature, string plan)
    {
        var inventory = context.Inventory;
        foreach (var (account, region) in inventory.AccountRegions())
        {
            var detectors = GuardDutyRegions.Detectors(inventory, account, region);
            if (detectors.Count == 0)
            {
                yield return context.FromTemplate
                    ? rule.NotApplicable(GuardDutyRegions.AccountRef(account, region),
                        $"Account {account} in {region}: a GuardDuty detector is not declared in this template; judged on the live account.",
                        new Dictionary<string, string> { ["detectorCount"] = "0" })
                    : GuardDutyRegions.NoDetector(rule, inventory, account, region, $"{plan} is not enabled there");
                continue;
            }

            foreach (var detector in detectors)
            {
                yield return Judge(rule, detector, feature, plan);
            }
        }
    }

    private static Finding Judge(RuleDescriptor rule, GuardDutyDetector detector, string feature, string plan)
    {
        var status = detector.Features.GetValueOrDefault(feature);
        var evidence = new Dictionary<string, string>
        {
            ["detectorId"] = detector.Id,
            ["status"] = detector.Status ?? "unknown",
            ["feature"] = feature,
            ["featureStatus"] = status ?? "absent",
        };
        var subject = $"GuardDuty detector {detector.DisplayName} of account {detector.AccountId} in {detector.Region}";
        return (detector.Status, status) switch
        {
            (null, _) => rule.Error(detector.Ref, $"{subject}: its status and protection plans could not be read.", evidence),
            (Disabled, _) => rule.Fail(detector.Ref, $"{subject} is DISABLED (suspended), so {plan} is not running.", evidence),
            (not Enabled, _) => rule.Error(detector.Ref, $"{subject} reports the unrecognised status '{detector.Status}'.", evidence),
            (_, Enabled) => rule.Pass(detector.Ref, $"{subject} has {plan} ({feature}) ENABLED.", evidence),
            (_, Disabled) => rule.Fail(detector.Ref, $"{subject} has {plan} ({feature}) DISABLED.", evidence),
            (_, null) when detector.Features.Count == 0 => rule.Error(detector.Ref, $"{subject}: its protection plans are unknown (GetDetector listed no Features).", evidence),
            (_, null) => rule.NotApplicable(detector.Ref, $"{subject} lists no {feature} plan: {plan} is not offered in {detector.Region}.", evidence),
            _ => rule.Error(detector.Ref, $"{subject} reports the unrecognised {feature} status '{status}'.", evidence),
        };
    }
}
