using Compliance.Rules.Inventory;
using Compliance.Rules.Remediation;
using static Compliance.Rules.Remediation.RemediationSupport;

namespace Compliance.Rules.GuardDuty;

/// <summary>
/// Turns GuardDuty on in a Region: CreateDetector (Enable true) where the inventory shows no detector, UpdateDetector
/// (Enable true, nothing else) for a DISABLED one. It never changes the administrator relationship, so a detector that is
/// ENABLED but not managed by the central account gets no plan; nor does a Region whose detectors could not be listed.
/// </summary>
public sealed class GuardDutyEnabledCentralizedRemediation : IRemediation
{
    internal const string Create = "guardduty:CreateDetector";
    internal const string Update = "guardduty:UpdateDetector";
    internal const string List = "guardduty:ListDetectors";
    internal const string Get = "guardduty:GetDetector";
    private const string Enabled = "ENABLED";

    public string RuleId => RuleIds.GuardDutyDetector1;

    /// <summary>
    /// The GuardDuty calls, and iam:CreateServiceLinkedRole, which CreateDetector needs when the account has no
    /// AWSServiceRoleForAmazonGuardDuty yet (grant it only with iam:AWSServiceName = guardduty.amazonaws.com).
    /// </summary>
    public IReadOnlyList<string> RequiredActions { get; } = [Create, Update, List, Get, "iam:CreateServiceLinkedRole"];

    public RemediationPlan? Plan(Finding finding, AwsInventory inventory)
    {
        var subject = finding.Resource;
        if (!IsFailOf(finding, RuleId))
        {
            return null;
        }

        var detectors = inventory.GuardDutyDetectors.Where(d => d.AccountId == subject.AccountId && d.Region == subject.Region).ToList();
        if (subject.Type == ResourceTypes.GuardDutyDetector)
        {
            return detectors.Count == 1 && detectors[0] is { Status: "DISABLED" } detector && detector.Id == subject.Id
                ? new RemediationPlan(RuleId, detector.Ref,
                    $"Re-enable the suspended GuardDuty detector {detector.DisplayName} of account {detector.AccountId} in {detector.Region}; its administrator and features stay as they are.",
                    [new RemediationAction(Update, Parameters(detector.Region, ("DetectorId", detector.Id), ("Enable", True)))])
                : null;
        }

        var listingFailed = inventory.CollectionErrors.Any(e => e.ResourceType == ResourceTypes.GuardDutyDetector && e.Region == subject.Region && (e.AccountId is null || e.AccountId == subject.AccountId));
        return subject.Type == ResourceTypes.Account && detectors.Count == 0 && !listingFailed
            ? new RemediationPlan(RuleId, subject,
                $"Enable GuardDuty for account {subject.AccountId} in {subject.Region} by creating its detector.",
                [new RemediationAction(Create, Parameters(subject.Region, ("Enable", True)))])
            : null;
    }

    public Task<RemediationOutcome> ApplyAsync(RemediationPlan plan, IRemediationGateway gateway, CancellationToken cancellationToken)
    {
        var region = plan.Actions[0].Parameters["Region"];
        return VerifiedChange.ApplyAsync(plan, gateway,
            (g, ct) => ReadRegionAsync(g, region, ct),
            state => Value(state, "Status") == Enabled,
            "a detector with status ENABLED in the Region",
            cancellationToken);
    }

    /// <summary>The Region's detector and its status (ListDetectors, then GetDetector); DetectorId "" and Status "NONE" when it has none.</summary>
    private static async Task<IReadOnlyDictionary<string, string>> ReadRegionAsync(IRemediationGateway gateway, string region, CancellationToken cancellationToken)
    {
        var listed = await gateway.InvokeAsync(new RemediationAction(List, Parameters(region)), cancellationToken);
        var ids = Value(listed, "DetectorIds").Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (ids.Length == 0)
        {
            return new Dictionary<string, string> { ["DetectorId"] = "", ["Status"] = "NONE" };
        }

        var detector = await gateway.InvokeAsync(new RemediationAction(Get, Parameters(region, ("DetectorId", ids[0]))), cancellationToken);
        return new Dictionary<string, string> { ["DetectorId"] = ids[0], ["Status"] = Value(detector, "Status") };
    }
}
