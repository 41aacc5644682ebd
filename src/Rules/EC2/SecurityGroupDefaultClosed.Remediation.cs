using Compliance.Rules.Inventory;

namespace Compliance.Rules.EC2;

/// <summary>
/// Fixes EC2.SecurityGroup.1 by revoking every inbound and outbound rule of a VPC's default security group, each by its
/// rule id (the group itself cannot be deleted and stays). Anything still launched into the default group can then
/// reach nothing and be reached by nothing: the forgotten group choice fails closed.
/// </summary>
public sealed class SecurityGroupDefaultClosedRemediation : IExplainedRemediation
{
    public string RuleId => RuleIds.Ec2SecurityGroup1;

    public IReadOnlyList<string> RequiredActions => SecurityGroupRevocationPlans.RequiredActions;

    public RemediationPlan? Plan(Finding finding, AwsInventory inventory) => Decide(finding, inventory).Plan;

    public PlanDecision Decide(Finding finding, AwsInventory inventory)
    {
        var (group, reason) = SecurityGroupRevocationPlans.GroupOf(RuleId, finding, inventory);
        if (group is null)
        {
            return PlanDecision.NotPossible(reason!);
        }

        if (!group.IsDefault)
        {
            return PlanDecision.NotPossible($"{group.Id} is not a default security group");
        }

        if (group.IngressRules is null || group.EgressRules is null)
        {
            return PlanDecision.NotPossible($"the rules of {group.Id} are unknown");
        }

        return group.IngressRules.Count + group.EgressRules.Count == 0
            ? PlanDecision.NotPossible($"{group.Id} has no rules any more")
            : SecurityGroupRevocationPlans.Revoke(RuleId, finding, group, group.IngressRules, group.EgressRules);
    }

    public Task<RemediationOutcome> ApplyAsync(RemediationPlan plan, IRemediationGateway gateway, CancellationToken cancellationToken) =>
        SecurityGroupRevocation.ApplyAsync(plan, gateway, changedSinceScan: null, cancellationToken);
}
