using System.Globalization;
using Compliance.Rules.Inventory;
using Compliance.Rules.Network;
using static Compliance.Rules.EC2.SecurityGroupRuleActions;

namespace Compliance.Rules.EC2;

/// <summary>
/// Planning shared by the security-group remediations: find the finding's group, choose its offending rules, and
/// describe their revocation by rule id (never the group, never a rule without an id).
/// </summary>
internal static class SecurityGroupRevocationPlans
{
    /// <summary>What every security-group remediation calls: the two revokes by rule id and the describe that re-verifies.</summary>
    public static IReadOnlyList<string> RequiredActions { get; } = [RevokeIngress, RevokeEgress, DescribeRules];

    /// <summary>The finding's group in the inventory, or why the fix cannot apply (wrong rule, not a FAIL, group unknown).</summary>
    public static (SecurityGroup? Group, string? Reason) GroupOf(string ruleId, Finding finding, AwsInventory inventory)
    {
        if (!string.Equals(finding.RuleId, ruleId, StringComparison.OrdinalIgnoreCase))
        {
            return (null, $"the finding is for {finding.RuleId}, not {ruleId}");
        }

        if (finding.Status != ComplianceStatus.Fail)
        {
            return (null, $"the finding is {finding.Status.ToWireName()}, not FAIL");
        }

        var resource = finding.Resource;
        var group = inventory.SecurityGroups.FirstOrDefault(g => g.Id == resource.Id && g.Region == resource.Region && g.AccountId == resource.AccountId);
        return group is null ? (null, $"security group {resource.Id} in {resource.Region} is not in the inventory") : (group, null);
    }

    /// <summary>
    /// Revokes the group's ingress rules that admit the internet (0.0.0.0/0 or ::/0) to one of the ports the finding names
    /// in its evidence under <paramref name="portsEvidenceKey"/>; all-traffic and port-range rules that cover such a port
    /// included. Those ports are exactly the ones the rule found open, so the plan revokes exactly the rules it judged.
    /// </summary>
    public static PlanDecision RevokeInternetIngress(string ruleId, Finding finding, SecurityGroup group, string portsEvidenceKey)
    {
        if (group.IngressRules is null)
        {
            return PlanDecision.NotPossible($"the ingress rules of {group.Id} are unknown");
        }

        var ports = Ports(finding.Evidence.GetValueOrDefault(portsEvidenceKey));
        if (ports is null)
        {
            return PlanDecision.NotPossible($"the finding does not name the open ports (evidence '{portsEvidenceKey}')");
        }

        var offending = group.IngressRules.Where(rule => rule.InternetSource() is not null && ports.Any(rule.OpensPort)).ToList();
        return offending.Count == 0
            ? PlanDecision.NotPossible($"no ingress rule of {group.Id} admits the internet to port {string.Join(", ", ports)} any more")
            : Revoke(ruleId, finding, group, offending, []);
    }

    /// <summary>The plan that revokes exactly these rules of the group by their ids; not possible when one has no id.</summary>
    public static PlanDecision Revoke(string ruleId, Finding finding, SecurityGroup group, IReadOnlyList<SecurityGroupRule> ingress, IReadOnlyList<SecurityGroupRule> egress)
    {
        var chosen = ingress.Select(r => new DescribedSecurityGroupRule(false, r)).Concat(egress.Select(r => new DescribedSecurityGroupRule(true, r))).ToList();
        if (chosen.FirstOrDefault(r => string.IsNullOrEmpty(r.Rule.RuleId)) is { } unknown)
        {
            return PlanDecision.NotPossible($"rule id unknown for {unknown.Text}; a rule is only ever revoked by its id");
        }

        var target = new Dictionary<string, string> { [Region] = group.Region, [GroupId] = group.Id };
        var actions = new List<RemediationAction> { new(DescribeRules, target) };
        if (ingress.Count > 0)
        {
            actions.Add(new(RevokeIngress, new Dictionary<string, string>(target) { [SecurityGroupRuleIds] = JoinIds(ingress.Select(r => r.RuleId!)) }));
        }

        if (egress.Count > 0)
        {
            actions.Add(new(RevokeEgress, new Dictionary<string, string>(target) { [SecurityGroupRuleIds] = JoinIds(egress.Select(r => r.RuleId!)) }));
        }

        actions.Add(new(DescribeRules, target));
        var remaining = (group.IngressRules?.Count ?? 0) + (group.EgressRules?.Count ?? 0) - chosen.Count;
        var rest = remaining > 0 ? $"its {remaining} other rule{SecurityGroupChecks.Plural(remaining)} stay" : "it then has no rules";
        var summary = $"Revoke {Wording.Prose(chosen.Select(r => $"{r.Id} ({r.Text})").ToList())} from security group {group.DisplayName}; {rest}.";
        return PlanDecision.Ready(new RemediationPlan(ruleId, finding.Resource, summary, actions));
    }

    /// <summary>The default of a rule's port-list parameter, e.g. adminPorts "22,3389".</summary>
    public static IReadOnlyList<int> DefaultPorts(RuleDescriptor descriptor, string parameter) =>
        Ports(descriptor.Parameters.Single(p => p.Name == parameter).DefaultValue)
        ?? throw new InvalidOperationException($"{descriptor.Id}: parameter {parameter} is not a list of ports.");

    /// <summary>"22,3389" as ports; null when absent or not a list of ports.</summary>
    private static List<int>? Ports(string? evidence)
    {
        var parts = evidence?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        var ports = new List<int>();
        foreach (var part in parts)
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
            {
                return null;
            }

            ports.Add(port);
        }

        return ports.Count > 0 ? ports : null;
    }
}
