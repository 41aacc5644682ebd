using Compliance.Rules.EC2;
using static Compliance.Rules.Tests.EC2.SecurityGroupFixtures;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.EC2;

public sealed class SecurityGroupZeroTrustHygieneTests
{
    private readonly SecurityGroupZeroTrustHygiene _rule = new();

    private static readonly IReadOnlyList<Compliance.Rules.Inventory.SecurityGroupRule> ScopedEgress = [Tcp(443, 443, prefixList: "pl-02cd2c6b")];

    [Fact]
    public void Private_tiers_take_ingress_only_from_groups_and_prefix_lists()
    {
        var inventory = BaseInventory with
        {
            SecurityGroups =
            [
                Group("pass-app-from-web-group", tier: "app", egress: ScopedEgress, ingress: [Tcp(8080, 8080, group: "sg-0123456789abcdef0")]),
                Group("pass-data-from-prefix-list", tier: "data", egress: ScopedEgress, ingress: [Tcp(5432, 5432, prefixList: "pl-0a1b2c3d4e5f60718")]),
                Group("pass-web-from-internet", tier: "web", egress: ScopedEgress, ingress: [Tcp(443, 443, v4: "0.0.0.0/0")]),
                Group("pass-untagged-from-cidr", egress: ScopedEgress, ingress: [Tcp(443, 443, v4: "10.0.0.0/8")]),
                Group("fail-app-from-vpc-cidr", tier: "app", egress: ScopedEgress, ingress: [Tcp(8080, 8080, v4: "10.0.0.0/16")]),
                Group("fail-database-from-ipv6-cidr", tier: "Database", egress: ScopedEgress, ingress: [Tcp(5432, 5432, v6: "2001:db8::/32")]),
            ],
        };

        ExactFailing(_rule, inventory, "fail-app-from-vpc-cidr", "fail-database-from-ipv6-cidr");
    }

    [Fact]
    public void No_all_traffic_or_all_port_egress_to_the_internet()
    {
        var inventory = BaseInventory with
        {
            SecurityGroups =
            [
                Group("pass-https-egress", egress: [Tcp(443, 443, v4: "0.0.0.0/0")]),
                Group("pass-all-traffic-to-vpc", egress: [AllTraffic(v4: "10.0.0.0/16")]),
                Group("pass-all-traffic-to-prefix-list", egress: [AllTraffic(prefixList: "pl-0a1b2c3d4e5f60718")]),
                Group("pass-almost-all-ports", egress: [Tcp(1, 65535, v4: "0.0.0.0/0")]),
                Group("pass-no-egress"),
                Group("pass-icmp-egress", egress: [Rule("icmp", -1, -1, v4: "0.0.0.0/0")]),
                // Exactly what AWS puts on every new group.
                Group("fail-aws-default-egress", egress: [AllTraffic(v4: "0.0.0.0/0")]),
                Group("fail-ipv6-all-traffic", egress: [AllTraffic(v6: "::/0")]),
                Group("fail-tcp-all-ports", egress: [Tcp(0, 65535, v4: "0.0.0.0/0")]),
                Group("fail-udp-all-ports", egress: [Udp(0, 65535, v6: "::/0")]),
            ],
        };

        ExactFailing(_rule, inventory, "fail-aws-default-egress", "fail-ipv6-all-traffic", "fail-tcp-all-ports", "fail-udp-all-ports");
    }

    [Fact]
    public void The_group_and_every_rule_carry_a_description()
    {
        var inventory = BaseInventory with
        {
            SecurityGroups =
            [
                Group("pass-described", ingress: [Tcp(443, 443, v4: "0.0.0.0/0")], egress: ScopedEgress),
                Group("fail-group-description-empty", egress: ScopedEgress) with { Description = "" },
                Group("fail-ingress-description-blank", egress: ScopedEgress, ingress: [Tcp(443, 443, v4: "0.0.0.0/0", description: " ")]),
                Group("fail-egress-description-empty", egress: [Tcp(443, 443, prefixList: "pl-02cd2c6b", description: "")]),
            ],
        };

        ExactFailing(_rule, inventory, "fail-group-description-empty", "fail-ingress-description-blank", "fail-egress-description-empty");
    }

    [Fact]
    public void Default_groups_are_left_to_the_default_group_rule()
    {
        var inventory = BaseInventory with { SecurityGroups = [Group("sg-default", name: "default", egress: [AllTraffic(v4: "0.0.0.0/0", description: "")])] };

        Assert.Equal(ComplianceStatus.NotApplicable, StatusOf(Evaluate(_rule, inventory), "sg-default"));
    }

    [Fact]
    public void Unknown_values_are_an_error_unless_a_known_failure_exists()
    {
        var inventory = BaseInventory with
        {
            SecurityGroups =
            [
                Group("sg-unknown-egress") with { EgressRules = null },
                Group("sg-unknown-group-description", egress: ScopedEgress) with { Description = null },
                Group("sg-unknown-rule-description", egress: ScopedEgress, ingress: [Tcp(443, 443, v4: "0.0.0.0/0", description: null)]),
                Group("sg-unknown-description-but-open-egress", egress: [AllTraffic(v4: "0.0.0.0/0", description: null)]),
            ],
        };

        var findings = Evaluate(_rule, inventory);

        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "sg-unknown-egress"));
        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "sg-unknown-group-description"));
        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "sg-unknown-rule-description"));
        Assert.Equal(ComplianceStatus.Fail, StatusOf(findings, "sg-unknown-description-but-open-egress"));
        Assert.Equal("the description of 1 rule is unknown", Assert.Single(findings, f => f.Resource.Id == "sg-unknown-description-but-open-egress").Evidence["unknown"]);
    }

    [Fact]
    public void One_message_lists_every_failed_check()
    {
        var cidr = Tcp(8080, 8080, v4: "10.0.1.0/24", description: "");
        var egress = AllTraffic(v4: "0.0.0.0/0");
        var inventory = BaseInventory with
        {
            SecurityGroups = [Group("fail-app", tier: "app", ingress: [cidr, Tcp(8080, 8080, group: "sg-0123456789abcdef0")], egress: [egress]) with { Description = "" }],
        };

        var finding = Assert.Single(Evaluate(_rule, inventory));

        Assert.Equal(ComplianceStatus.Fail, finding.Status);
        Assert.Equal(
            "Security group fail-app breaks zero-trust hygiene: as private tier app it accepts ingress from CIDR 10.0.1.0/24 instead of a security group or prefix list; "
            + "it allows egress of all traffic to 0.0.0.0/0; the group and 1 rule have no description.",
            finding.Message);
        Assert.Equal("privateTierIngress,openEgress,descriptions", finding.Evidence["failedChecks"]);
        Assert.Equal($"{cidr.RuleId} tcp/8080 from 10.0.1.0/24", finding.Evidence["cidrIngressRules"]);
        Assert.Equal($"{egress.RuleId} all traffic to 0.0.0.0/0", finding.Evidence["openEgressRules"]);
        Assert.Equal($"{cidr.RuleId} tcp/8080 from 10.0.1.0/24", finding.Evidence["rulesWithoutDescription"]);
        Assert.Equal("app", finding.Evidence["tier"]);
    }
}
