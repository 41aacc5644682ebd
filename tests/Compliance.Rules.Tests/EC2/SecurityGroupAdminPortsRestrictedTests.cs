using Compliance.Rules.EC2;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.EC2;

public sealed class SecurityGroupAdminPortsRestrictedTests
{
    private readonly SecurityGroupAdminPortsRestricted _rule = new();

    private static SecurityGroup Group(string id, params SecurityGroupRule[] ingress) => new()
    {
        Id = id,
        GroupName = id,
        Description = "test group",
        VpcId = "vpc-0a1b2c3d4e5f60718",
        Region = Region,
        AccountId = Account,
        Arn = $"arn:aws:ec2:{Region}:{Account}:security-group/{id}",
        IngressRules = ingress,
        EgressRules = [],
    };

    private static SecurityGroupRule Tcp(int from, int to, string? v4 = null, string? v6 = null, string? prefixList = null, string? group = null) => new()
    {
        RuleId = "sgr-0" + Guid.NewGuid().ToString("N")[..16],
        IpProtocol = "tcp",
        FromPort = from,
        ToPort = to,
        CidrIpv4 = v4,
        CidrIpv6 = v6,
        PrefixListId = prefixList,
        ReferencedGroupId = group,
        Description = "test rule",
    };

    [Fact]
    public void Internet_ingress_to_admin_ports_fails_and_restricted_sources_pass()
    {
        var inventory = BaseInventory with
        {
            SecurityGroups =
            [
                Group("pass-ssh-from-vpc", Tcp(22, 22, v4: "10.0.0.0/16")),
                Group("pass-https-from-internet", Tcp(443, 443, v4: "0.0.0.0/0"), Tcp(443, 443, v6: "::/0")),
                Group("pass-ssh-from-prefix-list", Tcp(22, 22, prefixList: "pl-0a1b2c3d4e5f60718")),
                Group("pass-rdp-from-referenced-group", Tcp(3389, 3389, group: "sg-0123456789abcdef0")),
                Group("fail-ssh-from-internet", Tcp(22, 22, v4: "0.0.0.0/0")),
                Group("fail-rdp-from-ipv6-internet", Tcp(3389, 3389, v6: "::/0")),
                Group("fail-range-contains-ssh", Tcp(0, 1024, v4: "0.0.0.0/0")),
                Group("fail-all-traffic", new SecurityGroupRule { RuleId = "sgr-0fedcba9876543210", IpProtocol = "-1", FromPort = -1, ToPort = -1, CidrIpv4 = "0.0.0.0/0" }),
            ],
        };

        ExactFailing(_rule, inventory, "fail-ssh-from-internet", "fail-rdp-from-ipv6-internet", "fail-range-contains-ssh", "fail-all-traffic");
    }

    [Fact]
    public void Unreadable_rules_are_an_error_not_a_pass()
    {
        var inventory = BaseInventory with { SecurityGroups = [Group("sg-unknown") with { IngressRules = null }] };

        Assert.Equal(ComplianceStatus.Error, StatusOf(Evaluate(_rule, inventory), "sg-unknown"));
    }

    [Fact]
    public void Failure_names_the_group_the_port_and_the_offending_rule()
    {
        var rule = Tcp(22, 22, v4: "0.0.0.0/0");
        var inventory = BaseInventory with { SecurityGroups = [Group("fail-ssh", rule) with { Tags = new Dictionary<string, string> { ["Name"] = "web" } }] };

        var finding = Assert.Single(Evaluate(_rule, inventory));

        Assert.Equal("Security group fail-ssh (web) allows tcp/22 from 0.0.0.0/0, which opens admin port 22.", finding.Message);
        Assert.Equal(rule.RuleId, finding.Evidence["securityGroupRuleId"]);
    }
}
