using Compliance.Rules.EC2;
using Compliance.Rules.Inventory;
using static Compliance.Rules.EC2.SecurityGroupRuleActions;
using static Compliance.Rules.Tests.EC2.SecurityGroupFixtures;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.EC2;

/// <summary>Planning is pure: the rule judges an inventory, and the plan must revoke exactly the rules it judged.</summary>
public sealed class SecurityGroupAdminPortsRestrictedRemediationTests
{
    private readonly SecurityGroupAdminPortsRestricted _rule = new();
    private readonly SecurityGroupAdminPortsRestrictedRemediation _remediation = new();

    private (Finding Finding, AwsInventory Inventory) Judge(SecurityGroup group)
    {
        var inventory = BaseInventory with { SecurityGroups = [group] };
        return (Assert.Single(Evaluate(_rule, inventory)), inventory);
    }

    [Fact]
    public void Plan_revokes_exactly_the_internet_ssh_rdp_and_all_traffic_rules_and_nothing_else()
    {
        var ssh = Tcp(22, 22, v4: "0.0.0.0/0");
        var rdpV6 = Tcp(3389, 3389, v6: "::/0");
        var wideRange = Tcp(0, 1024, v4: "0.0.0.0/0");
        var allTraffic = AllTraffic(v6: "::/0");
        var https = Tcp(443, 443, v4: "0.0.0.0/0");
        var sshFromVpc = Tcp(22, 22, v4: "10.0.0.0/16");
        var sshFromPrefixList = Tcp(22, 22, prefixList: "pl-0a1b2c3d4e5f60718");
        var egress = AllTraffic(v4: "0.0.0.0/0");
        var (finding, inventory) = Judge(Group("sg-0f7e6d5c4b3a29180", ingress: [https, ssh, sshFromVpc, rdpV6, wideRange, sshFromPrefixList, allTraffic], egress: [egress]));

        var plan = _remediation.Plan(finding, inventory);

        Assert.NotNull(plan);
        Assert.Equal((RuleIds.Ec2SecurityGroup2, "sg-0f7e6d5c4b3a29180"), (plan.RuleId, plan.Resource.Id));
        var revoke = Assert.Single(plan.Actions, a => a.Action is RevokeIngress or RevokeEgress);
        Assert.Equal(RevokeIngress, revoke.Action);
        Assert.Equal([ssh.RuleId!, rdpV6.RuleId!, wideRange.RuleId!, allTraffic.RuleId!], SplitIds(revoke.Parameters[SecurityGroupRuleIds]));
        Assert.Equal(("sg-0f7e6d5c4b3a29180", RuleAssert.Region), (revoke.Parameters[GroupId], revoke.Parameters[SecurityGroupRuleActions.Region]));
        Assert.Equal([DescribeRules, RevokeIngress, DescribeRules], plan.Actions.Select(a => a.Action));
        Assert.Contains("its 4 other rules stay", plan.Summary);
        Assert.Contains($"{ssh.RuleId} (ingress tcp/22 from 0.0.0.0/0)", plan.Summary);
    }

    [Fact]
    public void A_compliant_group_has_no_plan()
    {
        var (finding, inventory) = Judge(Group("sg-0aaaaaaaaaaaaaaa1", ingress: [Tcp(443, 443, v4: "0.0.0.0/0"), Tcp(22, 22, v4: "10.0.0.0/8")]));

        Assert.Equal(ComplianceStatus.Pass, finding.Status);
        Assert.Null(_remediation.Plan(finding, inventory));
        Assert.Equal("the finding is PASS, not FAIL", _remediation.Decide(finding, inventory).Reason);
    }

    [Fact]
    public void A_rule_without_an_id_means_no_plan_rather_than_a_broader_revoke()
    {
        var (finding, inventory) = Judge(Group("sg-0bbbbbbbbbbbbbbb2", ingress: [Tcp(22, 22, v4: "0.0.0.0/0") with { RuleId = null }, Tcp(3389, 3389, v4: "0.0.0.0/0")]));

        var decision = _remediation.Decide(finding, inventory);

        Assert.Equal(ComplianceStatus.Fail, finding.Status);
        Assert.Null(decision.Plan);
        Assert.StartsWith("rule id unknown for ingress tcp/22 from 0.0.0.0/0", decision.Reason);
    }

    [Fact]
    public void A_group_fixed_since_the_scan_or_gone_from_the_inventory_has_no_plan()
    {
        var (finding, inventory) = Judge(Group("sg-0ccccccccccccccc3", ingress: [Tcp(22, 22, v4: "0.0.0.0/0")]));
        var fixedNow = inventory with { SecurityGroups = [Group("sg-0ccccccccccccccc3", ingress: [Tcp(22, 22, v4: "10.0.0.0/8")])] };
        var unknownNow = inventory with { SecurityGroups = [Group("sg-0ccccccccccccccc3") with { IngressRules = null }] };

        Assert.Contains("any more", _remediation.Decide(finding, fixedNow).Reason);
        Assert.Equal("security group sg-0ccccccccccccccc3 in eu-west-1 is not in the inventory", _remediation.Decide(finding, BaseInventory).Reason);
        Assert.Equal("the ingress rules of sg-0ccccccccccccccc3 are unknown", _remediation.Decide(finding, unknownNow).Reason);
        Assert.Null(_remediation.Plan(finding with { Evidence = new Dictionary<string, string>() }, inventory));
    }

    [Fact]
    public void Only_its_own_rule_is_planned_and_the_needed_actions_are_declared()
    {
        var (finding, inventory) = Judge(Group("sg-0ddddddddddddddd4", ingress: [Tcp(22, 22, v4: "0.0.0.0/0")]));

        Assert.Null(_remediation.Plan(finding with { RuleId = RuleIds.Ec2SecurityGroup3 }, inventory));
        Assert.Equal([RevokeIngress, RevokeEgress, DescribeRules], _remediation.RequiredActions);
    }
}
