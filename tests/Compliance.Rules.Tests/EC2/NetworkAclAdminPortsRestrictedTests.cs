using Compliance.Rules.EC2;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.EC2;

public sealed class NetworkAclAdminPortsRestrictedTests
{
    private readonly NetworkAclAdminPortsRestricted _rule = new();

    private static NetworkAcl Acl(string id, params NetworkAclEntry[] entries) => new()
    {
        Id = id,
        Region = Region,
        AccountId = Account,
        Arn = $"arn:aws:ec2:{Region}:{Account}:network-acl/{id}",
        VpcId = "vpc-0a1b2c3d4e5f60718",
        SubnetIds = ["subnet-0123456789abcdef0"],
        // Every NACL ends with the implicit deny-all rule, as DescribeNetworkAcls returns it.
        Entries = [.. entries, In(32767, "deny", "-1", "0.0.0.0/0"), Out(32767, "deny", "-1", "0.0.0.0/0")],
    };

    private static NetworkAclEntry In(int number, string action, string protocol, string? cidr = null, int? from = null, int? to = null, string? ipv6 = null) => new()
    {
        RuleNumber = number,
        Egress = false,
        RuleAction = action,
        Protocol = protocol,
        CidrBlock = cidr,
        Ipv6CidrBlock = ipv6,
        PortRange = from is null ? null : new PortRange(from.Value, to ?? from.Value),
    };

    private static NetworkAclEntry Out(int number, string action, string protocol, string cidr) => In(number, action, protocol, cidr) with { Egress = true };

    [Fact]
    public void First_matching_internet_entry_decides_each_admin_port()
    {
        var inventory = BaseInventory with
        {
            NetworkAcls =
            [
                Acl("pass-deny-before-allow",
                    In(50, "deny", "6", "0.0.0.0/0", 22), In(60, "deny", "6", "0.0.0.0/0", 3389), In(100, "allow", "-1", "0.0.0.0/0")),
                Acl("pass-deny-range-before-allow", In(10, "deny", "6", "0.0.0.0/0", 0, 65535), In(100, "allow", "-1", "0.0.0.0/0")),
                Acl("pass-https-only", In(100, "allow", "6", "0.0.0.0/0", 443)),
                Acl("pass-ssh-from-vpn-range", In(100, "allow", "6", "203.0.113.0/24", 22), In(110, "allow", "6", "0.0.0.0/0", 443)),
                Acl("pass-udp-all-ports", In(100, "allow", "17", "0.0.0.0/0", 0, 65535)),
                Acl("pass-egress-allow-all", Out(100, "allow", "-1", "0.0.0.0/0")),
                Acl("pass-no-entries"),
                Acl("fail-aws-default-nacl", In(100, "allow", "-1", "0.0.0.0/0"), Out(100, "allow", "-1", "0.0.0.0/0")),
                Acl("fail-range-contains-ssh", In(100, "allow", "6", "0.0.0.0/0", 0, 1024)),
                Acl("fail-tcp-without-port-range", In(100, "allow", "6", "0.0.0.0/0")),
                Acl("fail-deny-after-allow", In(100, "allow", "-1", "0.0.0.0/0"), In(200, "deny", "6", "0.0.0.0/0", 22)),
                Acl("fail-rdp-left-open", In(50, "deny", "6", "0.0.0.0/0", 22), In(100, "allow", "-1", "0.0.0.0/0")),
                Acl("fail-ipv6-internet",
                    In(50, "deny", "-1", "0.0.0.0/0"), In(101, "allow", "-1", ipv6: "::/0")),
                Acl("fail-deny-only-part-of-internet", In(50, "deny", "6", "0.0.0.0/1", 22, 22), In(100, "allow", "6", "0.0.0.0/0", 22)),
            ],
        };

        ExactFailing(_rule, inventory,
            "fail-aws-default-nacl", "fail-range-contains-ssh", "fail-tcp-without-port-range", "fail-deny-after-allow",
            "fail-rdp-left-open", "fail-ipv6-internet", "fail-deny-only-part-of-internet");
    }

    [Fact]
    public void Failure_names_the_entry_and_the_ports()
    {
        var inventory = BaseInventory with
        {
            NetworkAcls = [Acl("acl-0123456789abcdef0", In(50, "deny", "6", "0.0.0.0/0", 22), In(100, "allow", "6", "0.0.0.0/0", 0, 1024), In(200, "allow", "-1", "0.0.0.0/0"))],
        };

        var finding = Assert.Single(Evaluate(_rule, inventory));

        Assert.Equal(ComplianceStatus.Fail, finding.Status);
        Assert.Equal("Network ACL acl-0123456789abcdef0 allows all traffic from 0.0.0.0/0 at rule 200, which opens admin port 3389.", finding.Message);
        Assert.Equal("200", finding.Evidence["ruleNumber"]);
        Assert.Equal("3389", finding.Evidence["adminPorts"]);
    }

    [Fact]
    public void Several_offending_entries_are_all_named()
    {
        var inventory = BaseInventory with
        {
            NetworkAcls = [Acl("acl-0123456789abcdef0", In(100, "allow", "6", "0.0.0.0/0", 0, 1024), In(110, "allow", "6", "0.0.0.0/0", 3389))],
        };

        var finding = Assert.Single(Evaluate(_rule, inventory));

        Assert.Equal(
            "Network ACL acl-0123456789abcdef0 allows tcp/0-1024 from 0.0.0.0/0 at rule 100, which opens admin port 22; and allows tcp/3389 from 0.0.0.0/0 at rule 110, which opens admin port 3389.",
            finding.Message);
        Assert.Equal("100,110", finding.Evidence["offendingRuleNumbers"]);
    }

    [Fact]
    public void Admin_ports_are_a_parameter()
    {
        var inventory = BaseInventory with { NetworkAcls = [Acl("acl-0123456789abcdef0", In(100, "allow", "6", "0.0.0.0/0", 5985, 5986))] };

        Assert.Equal(ComplianceStatus.Pass, Assert.Single(Evaluate(_rule, inventory)).Status);
        Assert.Equal(ComplianceStatus.Fail, Assert.Single(Evaluate(_rule, inventory, new Dictionary<string, string> { ["adminPorts"] = "22,3389,5985" })).Status);
    }
}
