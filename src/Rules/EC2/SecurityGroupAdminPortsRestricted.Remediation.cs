using Compliance.Rules.Inventory;

namespace Compliance.Rules.EC2;

/// <summary>
/// Fixes EC2.SecurityGroup.2 by revoking exactly the ingress rules that admit the internet to an admin port (tcp/22,
/// tcp/3389, or a range or all-traffic rule covering one), by their security-group rule ids. The group and its other
/// rules stay; administration moves behind a bastion, Session Manager or a VPN.
/// </summary>
public sealed class SecurityGroupAdminPortsRestrictedRemediation : IExplainedRemediation
{
    /// <summary>The rule's ports: at apply time a planned rule must still open one of them to the internet.</summary>
    private static readonly IReadOnlyList<int> Ports = SecurityGroupRevocationPlans.DefaultPorts(new SecurityGroupAdminPortsRestricted().Descriptor, "adminPorts");

    public string RuleId => RuleIds.Ec2SecurityGroup2;

    public IReadOnlyList<string> RequiredActions => SecurityGroupRevocationPlans.RequiredActions;

    public RemediationPlan? Plan(Finding finding, AwsInventory inventory) => Decide(finding, inventory).Plan;

    public PlanDecision Decide(Finding finding, AwsInventory inventory)
    {
        var (group, reason) = SecurityGroupRevocationPlans.GroupOf(RuleId, finding, inventory);
        return group is null
            ? PlanDecision.NotPossible(reason!)
            : SecurityGroupRevocationPlans.RevokeInternetIngress(RuleId, finding, group, portsEvidenceKey: "adminPorts");
    }

    public Task<RemediationOutcome> ApplyAsync(RemediationPlan plan, IRemediationGateway gateway, CancellationToken cancellationToken) =>
        SecurityGroupRevocation.ApplyAsync(plan, gateway, SecurityGroupRevocation.StillOpenToInternet(Ports), cancellationToken);
}
