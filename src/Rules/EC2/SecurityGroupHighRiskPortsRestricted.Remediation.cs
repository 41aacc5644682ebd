using Compliance.Rules.Inventory;

namespace Compliance.Rules.EC2;

/// <summary>
/// Fixes EC2.SecurityGroup.3 by revoking exactly the ingress rules that admit the internet to a high-risk port (the
/// ports the finding names as open, so a range or all-traffic rule covering one is included), by their security-group
/// rule ids. The group and its other rules stay.
/// </summary>
public sealed class SecurityGroupHighRiskPortsRestrictedRemediation : IExplainedRemediation
{
    /// <summary>The rule's ports: at apply time a planned rule must still open one of them to the internet.</summary>
    private static readonly IReadOnlyList<int> Ports = SecurityGroupRevocationPlans.DefaultPorts(new SecurityGroupHighRiskPortsRestricted().Descriptor, "highRiskPorts");

    public string RuleId => RuleIds.Ec2SecurityGroup3;

    public IReadOnlyList<string> RequiredActions => SecurityGroupRevocationPlans.RequiredActions;

    public RemediationPlan? Plan(Finding finding, AwsInventory inventory) => Decide(finding, inventory).Plan;

    public PlanDecision Decide(Finding finding, AwsInventory inventory)
    {
        var (group, reason) = SecurityGroupRevocationPlans.GroupOf(RuleId, finding, inventory);
        return group is null
            ? PlanDecision.NotPossible(reason!)
            : SecurityGroupRevocationPlans.RevokeInternetIngress(RuleId, finding, group, portsEvidenceKey: "openHighRiskPorts");
    }

    public Task<RemediationOutcome> ApplyAsync(RemediationPlan plan, IRemediationGateway gateway, CancellationToken cancellationToken) =>
        SecurityGroupRevocation.ApplyAsync(plan, gateway, SecurityGroupRevocation.StillOpenToInternet(Ports), cancellationToken);
}
