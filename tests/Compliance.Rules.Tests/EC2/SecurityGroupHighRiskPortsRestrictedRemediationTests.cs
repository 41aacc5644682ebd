using Compliance.Rules.EC2;
using Compliance.Rules.Inventory;
using static Compliance.Rules.EC2.SecurityGroupRuleActions;
using static Compliance.Rules.Tests.EC2.SecurityGroupFixtures;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.EC2;

public sealed class SecurityGroupHighRiskPortsRestrictedRemediationTests
{
    private readonly SecurityGroupHighRiskPortsRestricted _rule = new();
    private readonly SecurityGroupHighRiskPortsRestrictedRemediation _remediation = new();

    private (Finding Finding, AwsInventory Inventory) Judge(SecurityGroup group, IReadOnlyDictionary<string, string>? parameters = null)
    {
        var inventory = BaseInventory with { SecurityGroups = [group] };
        return (Assert.Single(Evaluate(_rule, inventory, parameters)), inventory);
    }

    [Fact]
    public void Plan_revokes_the_internet_rules_to_high_risk_ports_udp_and_all_traffic_included()
    {
        var mysql = Tcp(3306, 3306, v4: "0.0.0.0/0");
        var smbUdp = Udp(445, 445, v6: "::/0");
        var postgresRange = Tcp(5400, 5500, v4: "0.0.0.0/0");
        var allTraffic = AllTraffic(v6: "::/0");
        var https = Tcp(443, 443, v4: "0.0.0.0/0");
        var mysqlFromApp = Tcp(3306, 3306, group: "sg-0123456789abcdef0");
        var ping = Icmp(v4: "0.0.0.0/0");
        var (finding, inventory) = Judge(Group("sg-0a1a2b2c3c4d4e5e6", ingress: [mysql, https, smbUdp, mysqlFromApp, postgresRange, ping, allTraffic]));

        var plan = _remediation.Plan(finding, inventory);

        Assert.NotNull(plan);
        var revoke = Assert.Single(plan.Actions, a => a.Action == RevokeIngress);
        Assert.Equal([mysql.RuleId!, smbUdp.RuleId!, postgresRange.RuleId!, allTraffic.RuleId!], SplitIds(revoke.Parameters[SecurityGroupRuleIds]));
        Assert.DoesNotContain(plan.Actions, a => a.Action == RevokeEgress);
    }

    [Fact]
    public void Plan_follows_the_ports_the_finding_found_open_so_an_overridden_port_list_is_honoured()
    {
        var ssh = Tcp(22, 22, v4: "0.0.0.0/0");
        var winrm = Tcp(5985, 5985, v4: "0.0.0.0/0");
        // The scan judged only 5985 high-risk: the SSH rule, allowed by that configuration, must stay.
        var (finding, inventory) = Judge(Group("sg-0eeeeeeeeeeeeeee5", ingress: [ssh, winrm]), new Dictionary<string, string> { ["highRiskPorts"] = "5985" });

        var plan = _remediation.Plan(finding, inventory);

        Assert.Equal([winrm.RuleId!], SplitIds(Assert.Single(plan!.Actions, a => a.Action == RevokeIngress).Parameters[SecurityGroupRuleIds]));
    }

    [Fact]
    public void No_plan_for_a_compliant_group_nor_without_rule_ids()
    {
        var (pass, passInventory) = Judge(Group("sg-0fffffffffffffff6", ingress: [Tcp(443, 443, v4: "0.0.0.0/0")]));
        var (noId, noIdInventory) = Judge(Group("sg-0fffffffffffffff7", ingress: [Tcp(3306, 3306, v4: "0.0.0.0/0") with { RuleId = null }]));

        Assert.Null(_remediation.Plan(pass, passInventory));
        Assert.Null(_remediation.Plan(noId, noIdInventory));
        Assert.StartsWith("rule id unknown", _remediation.Decide(noId, noIdInventory).Reason);
    }
}
