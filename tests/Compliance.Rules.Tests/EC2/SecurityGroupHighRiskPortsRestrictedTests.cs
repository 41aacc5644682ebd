using Compliance.Rules.EC2;
using static Compliance.Rules.Tests.EC2.SecurityGroupFixtures;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.EC2;

public sealed class SecurityGroupHighRiskPortsRestrictedTests
{
    private readonly SecurityGroupHighRiskPortsRestricted _rule = new();

    [Fact]
    public void Internet_ingress_to_any_high_risk_port_fails()
    {
        var inventory = BaseInventory with
        {
            SecurityGroups =
            [
                Group("pass-https-from-internet", ingress: [Tcp(443, 443, v4: "0.0.0.0/0"), Tcp(443, 443, v6: "::/0")]),
                Group("pass-mysql-from-vpc", ingress: [Tcp(3306, 3306, v4: "10.0.0.0/16")]),
                Group("pass-postgres-from-prefix-list", ingress: [Tcp(5432, 5432, prefixList: "pl-0a1b2c3d4e5f60718")]),
                Group("pass-all-from-referenced-group", ingress: [AllTraffic(group: "sg-0123456789abcdef0")]),
                Group("pass-range-between-listed-ports", ingress: [Tcp(6000, 7000, v4: "0.0.0.0/0")]),
                Group("pass-icmp-from-internet", ingress: [Icmp(v4: "0.0.0.0/0")]),
                Group("pass-egress-to-listed-port", egress: [Tcp(5432, 5432, v4: "0.0.0.0/0")]),
                Group("fail-mysql-from-internet", ingress: [Tcp(3306, 3306, v4: "0.0.0.0/0")]),
                Group("fail-elasticsearch-from-ipv6-internet", ingress: [Tcp(9200, 9200, v6: "::/0")]),
                Group("fail-all-traffic", ingress: [AllTraffic(v4: "0.0.0.0/0")]),
                Group("fail-range-contains-kibana", ingress: [Tcp(5600, 5700, v4: "0.0.0.0/0")]),
                Group("fail-udp-smb", ingress: [Udp(445, 445, v4: "0.0.0.0/0")]),
                Group("fail-ipv6-internet-other-spelling", ingress: [Tcp(8080, 8080, v6: "0:0:0:0:0:0:0:0/0")]),
            ],
        };

        ExactFailing(_rule, inventory,
            "fail-mysql-from-internet", "fail-elasticsearch-from-ipv6-internet", "fail-all-traffic",
            "fail-range-contains-kibana", "fail-udp-smb", "fail-ipv6-internet-other-spelling");
    }

    [Fact]
    public void Unreadable_rules_are_an_error_not_a_pass()
    {
        var inventory = BaseInventory with { SecurityGroups = [Group("sg-unknown") with { IngressRules = null }] };

        Assert.Equal(ComplianceStatus.Error, StatusOf(Evaluate(_rule, inventory), "sg-unknown"));
    }

    [Fact]
    public void Failure_names_every_opened_port_and_rule()
    {
        var range = Tcp(5400, 5500, v4: "0.0.0.0/0");
        var udp = Udp(1434, 1434, v6: "::/0");
        var inventory = BaseInventory with
        {
            SecurityGroups = [Group("fail-db", ingress: [range, udp, Tcp(443, 443, v4: "0.0.0.0/0")]) with { Tags = new Dictionary<string, string> { ["Name"] = "db" } }],
        };

        var finding = Assert.Single(Evaluate(_rule, inventory));

        Assert.Equal("Security group fail-db (db) allows tcp/5400-5500 from 0.0.0.0/0 and udp/1434 from ::/0, which open high-risk ports 1434, 5432, 5500.", finding.Message);
        Assert.Equal("1434,5432,5500", finding.Evidence["openHighRiskPorts"]);
        Assert.Equal($"{range.RuleId} tcp/5400-5500 from 0.0.0.0/0; {udp.RuleId} udp/1434 from ::/0", finding.Evidence["offendingRules"]);
        Assert.Equal(range.RuleId, finding.Evidence["securityGroupRuleId"]);
    }

    [Fact]
    public void The_default_port_list_is_security_hub_ec2_19s_and_can_be_overridden()
    {
        var ports = _rule.Descriptor.Parameters.Single(p => p.Name == "highRiskPorts").DefaultValue.Split(',');
        Assert.Equal(24, ports.Length);
        Assert.Contains("4333", ports);

        var inventory = BaseInventory with { SecurityGroups = [Group("fail-https", ingress: [Tcp(443, 443, v4: "0.0.0.0/0")])] };
        var finding = Assert.Single(Evaluate(_rule, inventory, new Dictionary<string, string> { ["highRiskPorts"] = "443" }));
        Assert.Equal(ComplianceStatus.Fail, finding.Status);
    }
}
