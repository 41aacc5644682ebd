using Compliance.Rules.Inventory;
using Compliance.Rules.Remediation;
using static Compliance.Rules.Remediation.RemediationSupport;

namespace Compliance.Rules.CloudTrail;

/// <summary>
/// Turns on log file integrity validation (UpdateTrail EnableLogFileValidation=true) in the trail's home Region, naming the
/// trail by its ARN; no other setting is sent, so none changes. Reversible with EnableLogFileValidation=false. An
/// organization trail can only be changed from the organization's management account, so one owned by an account the
/// scan does not cover is skipped with that reason.
/// </summary>
public sealed class TrailLogFileValidationEnabledRemediation : IExplainedRemediation
{
    internal const string Update = "cloudtrail:UpdateTrail";
    internal const string Describe = "cloudtrail:DescribeTrails";

    public string RuleId => RuleIds.CloudTrailTrail3;

    public IReadOnlyList<string> RequiredActions { get; } = [Update, Describe];

    public RemediationPlan? Plan(Finding finding, AwsInventory inventory) => Decide(finding, inventory).Plan;

    public PlanDecision Decide(Finding finding, AwsInventory inventory)
    {
        if (!IsFailOf(finding, RuleId))
        {
            return PlanDecision.NotPossible("the finding is not a FAIL of this rule");
        }

        var trail = inventory.Trails.FirstOrDefault(t => t.Id == finding.Resource.Id && t.AccountId == finding.Resource.AccountId && t.Region == finding.Resource.Region);
        if (trail is null)
        {
            return PlanDecision.NotPossible($"trail {finding.Resource.Id} is not in the inventory");
        }

        if (trail.LogFileValidationEnabled)
        {
            return PlanDecision.NotPossible($"trail {trail.Id} already has log file validation enabled");
        }

        if (trail.IsOrganizationTrail && !inventory.AccountIds.Contains(trail.AccountId))
        {
            return PlanDecision.NotPossible(
                $"{trail.Id} is an organization trail of account {trail.AccountId}; only the organization's management account can update it");
        }

        if (trail.Arn is null)
        {
            return PlanDecision.NotPossible($"the ARN of trail {trail.Id} is unknown");
        }

        return PlanDecision.Ready(new RemediationPlan(RuleId, trail.Ref,
            $"Enable log file integrity validation on trail {trail.DisplayName} in {trail.Region}; every other trail setting stays as it is.",
            [new RemediationAction(Update, Parameters(trail.Region, ("Name", trail.Arn), ("EnableLogFileValidation", True)))]));
    }

    public Task<RemediationOutcome> ApplyAsync(RemediationPlan plan, IRemediationGateway gateway, CancellationToken cancellationToken)
    {
        var wanted = plan.Actions[0].Parameters;
        return VerifiedChange.ApplyAsync(plan, gateway,
            VerifiedChange.Read(new RemediationAction(Describe, Parameters(wanted["Region"], ("TrailNameList", wanted["Name"])))),
            state => IsTrue(state, "LogFileValidationEnabled"),
            $"LogFileValidationEnabled true on {wanted["Name"]}",
            cancellationToken);
    }
}
