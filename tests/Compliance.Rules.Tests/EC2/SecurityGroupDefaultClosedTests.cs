using Compliance.Rules.EC2;
using static Compliance.Rules.Tests.EC2.SecurityGroupFixtures;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.EC2;

public sealed class SecurityGroupDefaultClosedTests
{
    private readonly SecurityGroupDefaultClosed _rule = new();

    [Fact]
    public void Default_groups_with_any_rule_fail_and_empty_default_groups_pass()
    {
        var inventory = BaseInventory with
        {
            SecurityGroups =
            [
                Group("pass-default-closed", name: "default"),
                // The rules AWS creates with every VPC: inbound from the group itself, outbound everywhere.
                Group("fail-default-as-created", name: "default",
                    ingress: [AllTraffic(group: "fail-default-as-created", description: null)],
                    egress: [AllTraffic(v4: "0.0.0.0/0", description: null)]),
                Group("fail-default-egress-only", name: "default", egress: [Tcp(443, 443, v4: "0.0.0.0/0")]),
                Group("fail-default-ingress-only", name: "default", ingress: [Tcp(22, 22, prefixList: "pl-0a1b2c3d4e5f60718")]),
                Group("sg-0aaaaaaaaaaaaaaa1", name: "web", ingress: [Tcp(443, 443, v4: "0.0.0.0/0")], egress: [AllTraffic(v4: "0.0.0.0/0")]),
            ],
        };

        var findings = ExactFailing(_rule, inventory, "fail-default-as-created", "fail-default-egress-only", "fail-default-ingress-only");

        Assert.DoesNotContain(findings, f => f.Resource.Id == "sg-0aaaaaaaaaaaaaaa1");
        Assert.Equal(4, findings.Count);
    }

    [Fact]
    public void Unreadable_rules_are_an_error_not_a_pass()
    {
        var inventory = BaseInventory with
        {
            SecurityGroups =
            [
                Group("sg-unknown-ingress", name: "default") with { IngressRules = null },
                Group("sg-unknown-egress", name: "default") with { EgressRules = null },
            ],
        };

        var findings = Evaluate(_rule, inventory);

        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "sg-unknown-ingress"));
        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "sg-unknown-egress"));
        Assert.Contains("outbound rules could not be read", Assert.Single(findings, f => f.Resource.Id == "sg-unknown-egress").Message);
    }

    [Fact]
    public void Failure_counts_and_lists_every_rule()
    {
        var ingress = AllTraffic(group: "fail-default", description: null);
        var egressV4 = AllTraffic(v4: "0.0.0.0/0", description: null);
        var egressV6 = AllTraffic(v6: "::/0", description: null);
        var inventory = BaseInventory with
        {
            SecurityGroups = [Group("fail-default", name: "default", ingress: [ingress], egress: [egressV4, egressV6])],
        };

        var finding = Assert.Single(Evaluate(_rule, inventory));

        Assert.Equal(ComplianceStatus.Fail, finding.Status);
        Assert.Equal("Default security group fail-default has 1 inbound rule and 2 outbound rules, but a default group must have none.", finding.Message);
        Assert.Equal($"{ingress.RuleId} all traffic from fail-default", finding.Evidence["ingressRules"]);
        Assert.Equal($"{egressV4.RuleId} all traffic to 0.0.0.0/0; {egressV6.RuleId} all traffic to ::/0", finding.Evidence["egressRules"]);
        Assert.Equal(VpcId, finding.Evidence["vpcId"]);
    }
}
