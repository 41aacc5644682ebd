using Compliance.Rules.EC2;
using Compliance.Rules.Inventory;
using static Compliance.Rules.EC2.SecurityGroupRuleActions;
using static Compliance.Rules.Tests.EC2.SecurityGroupFixtures;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.EC2;

public sealed class SecurityGroupDefaultClosedRemediationTests
{
    private readonly SecurityGroupDefaultClosed _rule = new();
    private readonly SecurityGroupDefaultClosedRemediation _remediation = new();

    private (Finding Finding, AwsInventory Inventory) Judge(SecurityGroup group)
    {
        var inventory = BaseInventory with { SecurityGroups = [group] };
        return (Assert.Single(Evaluate(_rule, inventory)), inventory);
    }

    [Fact]
    public void Plan_revokes_every_inbound_and_outbound_rule_of_the_default_group_by_id()
    {
        // The rules AWS creates with every VPC: inbound from the group itself, outbound everywhere (IPv4 and IPv6).
        var self = AllTraffic(group: "sg-0d1e2f3a4b5c6d7e8", description: null);
        var outV4 = AllTraffic(v4: "0.0.0.0/0", description: null);
        var outV6 = AllTraffic(v6: "::/0", description: null);
        var (finding, inventory) = Judge(Group("sg-0d1e2f3a4b5c6d7e8", name: "default", ingress: [self], egress: [outV4, outV6]));

        var plan = _remediation.Plan(finding, inventory);

        Assert.NotNull(plan);
        Assert.Equal([DescribeRules, RevokeIngress, RevokeEgress, DescribeRules], plan.Actions.Select(a => a.Action));
        Assert.Equal([self.RuleId!], SplitIds(plan.Actions[1].Parameters[SecurityGroupRuleIds]));
        Assert.Equal([outV4.RuleId!, outV6.RuleId!], SplitIds(plan.Actions[2].Parameters[SecurityGroupRuleIds]));
        Assert.EndsWith("it then has no rules.", plan.Summary);
    }

    [Fact]
    public void An_egress_only_default_group_gets_no_ingress_revoke()
    {
        var (finding, inventory) = Judge(Group("sg-0d1e2f3a4b5c6d7e9", name: "default", egress: [Tcp(443, 443, v4: "0.0.0.0/0")]));

        Assert.Equal([DescribeRules, RevokeEgress, DescribeRules], _remediation.Plan(finding, inventory)!.Actions.Select(a => a.Action));
    }

    [Fact]
    public void No_plan_for_a_closed_group_unknown_rules_missing_ids_or_a_non_default_group()
    {
        var (closed, closedInventory) = Judge(Group("sg-0d1e2f3a4b5c6d7f0", name: "default"));
        var (open, openInventory) = Judge(Group("sg-0d1e2f3a4b5c6d7f1", name: "default", ingress: [Tcp(22, 22, v4: "10.0.0.0/8")]));
        var unknown = openInventory with { SecurityGroups = [openInventory.SecurityGroups[0] with { EgressRules = null }] };
        var noIds = openInventory with { SecurityGroups = [openInventory.SecurityGroups[0] with { IngressRules = [Tcp(22, 22, v4: "10.0.0.0/8") with { RuleId = null }] }] };
        var renamed = openInventory with { SecurityGroups = [openInventory.SecurityGroups[0] with { GroupName = "web" }] };

        Assert.Null(_remediation.Plan(closed, closedInventory));
        Assert.Equal("the rules of sg-0d1e2f3a4b5c6d7f1 are unknown", _remediation.Decide(open, unknown).Reason);
        Assert.StartsWith("rule id unknown for ingress tcp/22 from 10.0.0.0/8", _remediation.Decide(open, noIds).Reason);
        Assert.Equal("sg-0d1e2f3a4b5c6d7f1 is not a default security group", _remediation.Decide(open, renamed).Reason);
        Assert.NotNull(_remediation.Plan(open, openInventory));
    }
}
