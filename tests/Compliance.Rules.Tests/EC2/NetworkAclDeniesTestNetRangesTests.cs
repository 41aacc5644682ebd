using Compliance.Rules.EC2;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.EC2;

public sealed class NetworkAclDeniesTestNetRangesTests
{
    private static readonly string[] TestNets = ["192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24"];

    private readonly NetworkAclDeniesTestNetRanges _rule = new();

    private static NetworkAcl Acl(string id, IEnumerable<NetworkAclEntry> entries, params string[] subnets) => new()
    {
        Id = id,
        Region = Region,
        AccountId = Account,
        Arn = $"arn:aws:ec2:{Region}:{Account}:network-acl/{id}",
        VpcId = "vpc-0a1b2c3d4e5f60718",
        SubnetIds = subnets.Length == 0 ? ["subnet-0123456789abcdef0"] : subnets,
        Entries = [.. entries, Entry(32767, false, "deny", "0.0.0.0/0"), Entry(32767, true, "deny", "0.0.0.0/0")],
    };

    private static NetworkAclEntry Entry(int number, bool egress, string action, string cidr, string protocol = "-1") => new()
    {
        RuleNumber = number,
        Egress = egress,
        RuleAction = action,
        Protocol = protocol,
        CidrBlock = cidr,
    };

    /// <summary>Denies of the three ranges at rules first, first+1, first+2 in one direction.</summary>
    private static IEnumerable<NetworkAclEntry> Denies(bool egress, int first = 1, string protocol = "-1") =>
        TestNets.Select((range, i) => Entry(first + i, egress, "deny", range, protocol));

    private static IEnumerable<NetworkAclEntry> AllowAll() => [Entry(100, false, "allow", "0.0.0.0/0"), Entry(100, true, "allow", "0.0.0.0/0")];

    [Fact]
    public void Denies_must_precede_every_allow_that_covers_the_range_in_both_directions()
    {
        var inventory = BaseInventory with
        {
            NetworkAcls =
            [
                Acl("pass-denies-first", [.. Denies(false), .. Denies(true), .. AllowAll()]),
                Acl("pass-wider-deny", [Entry(1, false, "deny", "192.0.0.0/8"), Entry(2, false, "deny", "198.51.0.0/16"), Entry(3, false, "deny", "203.0.113.0/24"),
                    .. Denies(true), .. AllowAll()]),
                Acl("pass-allow-elsewhere-first", [Entry(10, false, "allow", "10.0.0.0/8"), Entry(10, true, "allow", "10.0.0.0/8"),
                    .. Denies(false, 20), .. Denies(true, 20), .. AllowAll()]),
                Acl("pass-explicit-denies-no-allows", [.. Denies(false), .. Denies(true)]),
                Acl("fail-denies-after-allow", [.. AllowAll(), .. Denies(false, 200), .. Denies(true, 200)]),
                Acl("fail-missing-egress-denies", [.. Denies(false), .. AllowAll()]),
                Acl("fail-tcp-only-deny", [.. Denies(false, 1, "6"), .. Denies(true), .. AllowAll()]),
                Acl("fail-narrower-allow-first", [Entry(5, false, "allow", "192.0.2.128/25"), .. Denies(false, 10), .. Denies(true), .. AllowAll()]),
                Acl("fail-only-implicit-deny", []),
                Acl("fail-aws-default-nacl", AllowAll()),
            ],
        };

        ExactFailing(_rule, inventory,
            "fail-denies-after-allow", "fail-missing-egress-denies", "fail-tcp-only-deny", "fail-narrower-allow-first", "fail-only-implicit-deny", "fail-aws-default-nacl");
    }

    [Fact]
    public void Unassociated_acl_is_not_applicable()
    {
        var inventory = BaseInventory with { NetworkAcls = [Acl("acl-0123456789abcdef0", AllowAll()) with { SubnetIds = [] }] };

        var finding = Assert.Single(Evaluate(_rule, inventory));

        Assert.Equal(ComplianceStatus.NotApplicable, finding.Status);
        Assert.Equal("Network ACL acl-0123456789abcdef0 is not associated with any subnet.", finding.Message);
    }

    [Fact]
    public void Failure_lists_each_missing_direction_and_range()
    {
        var entries = new[]
        {
            Entry(1, false, "deny", "192.0.2.0/24"), Entry(2, false, "deny", "198.51.100.0/24"),
            Entry(300, false, "deny", "203.0.113.0/24"),
            Entry(1, true, "deny", "192.0.2.0/24"), Entry(2, true, "deny", "198.51.100.0/24"), Entry(3, true, "deny", "203.0.113.0/24"),
            Entry(100, false, "allow", "0.0.0.0/0"),
        };
        var inventory = BaseInventory with { NetworkAcls = [Acl("acl-0123456789abcdef0", entries)] };

        var finding = Assert.Single(Evaluate(_rule, inventory));

        Assert.Equal(ComplianceStatus.Fail, finding.Status);
        Assert.Equal("ingress:203.0.113.0/24", finding.Evidence["missingDenies"]);
        Assert.Equal(
            "Network ACL acl-0123456789abcdef0 lacks an all-traffic deny ahead of any allow for ingress 203.0.113.0/24 (deny rule 300 comes after allow rule 100).",
            finding.Message);

        var noEgress = inventory with { NetworkAcls = [Acl("acl-0123456789abcdef0", [.. Denies(false), .. AllowAll()])] };
        Assert.Equal(
            "egress:192.0.2.0/24,egress:198.51.100.0/24,egress:203.0.113.0/24",
            Assert.Single(Evaluate(_rule, noEgress)).Evidence["missingDenies"]);
    }

    [Fact]
    public void Ranges_are_a_parameter_and_may_be_ipv6()
    {
        var entries = new[]
        {
            new NetworkAclEntry { RuleNumber = 1, Egress = false, RuleAction = "deny", Protocol = "-1", Ipv6CidrBlock = "2001:db8::/32" },
            new NetworkAclEntry { RuleNumber = 1, Egress = true, RuleAction = "deny", Protocol = "-1", Ipv6CidrBlock = "2001:db8::/32" },
            new NetworkAclEntry { RuleNumber = 101, Egress = false, RuleAction = "allow", Protocol = "-1", Ipv6CidrBlock = "::/0" },
        };
        var inventory = BaseInventory with { NetworkAcls = [Acl("acl-0123456789abcdef0", entries)] };

        Assert.Equal(ComplianceStatus.Pass, Assert.Single(Evaluate(_rule, inventory, new Dictionary<string, string> { ["testNetRanges"] = "2001:db8::/32" })).Status);
        Assert.Equal(ComplianceStatus.Fail, Assert.Single(Evaluate(_rule, inventory)).Status);
    }
}
