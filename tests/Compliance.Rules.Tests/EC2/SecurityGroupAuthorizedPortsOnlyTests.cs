using Compliance.Rules.EC2;
using static Compliance.Rules.Tests.EC2.SecurityGroupFixtures;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.EC2;

public sealed class SecurityGroupAuthorizedPortsOnlyTests
{
    private readonly SecurityGroupAuthorizedPortsOnly _rule = new();

    [Fact]
    public void Only_https_from_the_internet_on_a_public_tier_passes()
    {
        var inventory = BaseInventory with
        {
            SecurityGroups =
            [
                Group("pass-web-https", tier: "web", ingress: [Tcp(443, 443, v4: "0.0.0.0/0"), Tcp(443, 443, v6: "::/0")]),
                Group("pass-untagged-https", ingress: [Tcp(443, 443, v4: "0.0.0.0/0")]),
                Group("pass-app-from-referenced-group", tier: "app", ingress: [Tcp(8080, 8080, group: "sg-0123456789abcdef0")]),
                Group("pass-data-from-prefix-list", tier: "data", ingress: [Tcp(5432, 5432, prefixList: "pl-0a1b2c3d4e5f60718")]),
                Group("pass-web-ssh-from-vpn", tier: "web", ingress: [Tcp(22, 22, v4: "192.0.2.0/24")]),
                Group("pass-no-ingress", tier: "database"),
                Group("fail-app-https", tier: "app", ingress: [Tcp(443, 443, v4: "0.0.0.0/0")]),
                Group("fail-app-tier-any-case", tier: "App", ingress: [Tcp(443, 443, v6: "::/0")]),
                Group("fail-management-https", tier: "management", ingress: [Tcp(443, 443, v4: "0.0.0.0/0")]),
                Group("fail-web-http", tier: "web", ingress: [Tcp(80, 80, v4: "0.0.0.0/0")]),
                Group("fail-web-udp-443", tier: "web", ingress: [Udp(443, 443, v4: "0.0.0.0/0")]),
                Group("fail-web-range", tier: "web", ingress: [Tcp(443, 444, v4: "0.0.0.0/0")]),
                Group("fail-web-all-traffic", tier: "web", ingress: [AllTraffic(v6: "::/0")]),
                Group("fail-web-icmp", tier: "web", ingress: [Icmp(v4: "0.0.0.0/0")]),
                Group("fail-web-https-and-ssh", tier: "web", ingress: [Tcp(443, 443, v4: "0.0.0.0/0"), Tcp(22, 22, v4: "0.0.0.0/0")]),
            ],
        };

        ExactFailing(_rule, inventory,
            "fail-app-https", "fail-app-tier-any-case", "fail-management-https", "fail-web-http", "fail-web-udp-443",
            "fail-web-range", "fail-web-all-traffic", "fail-web-icmp", "fail-web-https-and-ssh");
    }

    [Fact]
    public void Authorized_ports_accept_lists_and_ranges()
    {
        var inventory = BaseInventory with
        {
            SecurityGroups =
            [
                Group("pass-http", tier: "web", ingress: [Tcp(80, 80, v4: "0.0.0.0/0")]),
                Group("pass-range-inside", tier: "web", ingress: [Tcp(8443, 8444, v4: "0.0.0.0/0")]),
                Group("pass-range-spanning-adjacent-entries", tier: "web", ingress: [Tcp(443, 443, v4: "0.0.0.0/0"), Tcp(8443, 8445, v6: "::/0")]),
                Group("fail-range-overhangs", tier: "web", ingress: [Tcp(8440, 8445, v4: "0.0.0.0/0")]),
                Group("fail-range-skips-a-port", tier: "web", ingress: [Tcp(8445, 8447, v4: "0.0.0.0/0")]),
                Group("fail-app-http", tier: "app", ingress: [Tcp(80, 80, v4: "0.0.0.0/0")]),
            ],
        };

        var findings = Evaluate(_rule, inventory, new Dictionary<string, string> { ["authorizedTcpPorts"] = "80, 443, 8443-8444, 8445, 8447" });

        Assert.Equal(["fail-app-http", "fail-range-overhangs", "fail-range-skips-a-port"], findings.Where(f => f.Status == ComplianceStatus.Fail).Select(f => f.Resource.Id).Order());
        Assert.All(findings.Where(f => f.Resource.Id.StartsWith("pass-", StringComparison.Ordinal)), f => Assert.Equal(ComplianceStatus.Pass, f.Status));
    }

    [Fact]
    public void Unreadable_rules_are_an_error_not_a_pass()
    {
        var inventory = BaseInventory with { SecurityGroups = [Group("sg-unknown", tier: "web") with { IngressRules = null }] };

        Assert.Equal(ComplianceStatus.Error, StatusOf(Evaluate(_rule, inventory), "sg-unknown"));
    }

    [Fact]
    public void Failures_name_the_rule_and_the_reason()
    {
        var udp = Udp(53, 53, v4: "0.0.0.0/0");
        var https = Tcp(443, 443, v4: "0.0.0.0/0");
        var inventory = BaseInventory with
        {
            SecurityGroups =
            [
                Group("fail-web", tier: "web", ingress: [https, udp]),
                Group("fail-app", tier: "app", ingress: [https]),
            ],
        };

        var findings = Evaluate(_rule, inventory);

        var web = Assert.Single(findings, f => f.Resource.Id == "fail-web");
        Assert.Equal("Security group fail-web allows udp/53 from 0.0.0.0/0, but only TCP ports 443 may be open to the internet.", web.Message);
        Assert.Equal($"{udp.RuleId} udp/53 from 0.0.0.0/0", web.Evidence["offendingRules"]);
        Assert.Equal("web", web.Evidence["tier"]);

        var app = Assert.Single(findings, f => f.Resource.Id == "fail-app");
        Assert.Equal("Security group fail-app is in the private tier Tier=app yet allows tcp/443 from 0.0.0.0/0, and private tiers may have no internet ingress.", app.Message);
        Assert.Equal($"{https.RuleId} tcp/443 from 0.0.0.0/0", app.Evidence["offendingRules"]);
    }
}
