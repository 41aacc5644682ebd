using Compliance.Rules.EC2;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.EC2;

public sealed class SubnetNoPublicAddressAutoAssignTests
{
    private readonly SubnetNoPublicAddressAutoAssign _rule = new();

    private static Subnet Subnet(string id, bool publicIpv4, bool ipv6) => new()
    {
        Id = id,
        Region = Region,
        AccountId = Account,
        Arn = $"arn:aws:ec2:{Region}:{Account}:subnet/{id}",
        VpcId = "vpc-0a1b2c3d4e5f60718",
        CidrBlock = "10.0.1.0/24",
        AvailabilityZone = "eu-west-1a",
        MapPublicIpOnLaunch = publicIpv4,
        AssignIpv6AddressOnCreation = ipv6,
    };

    [Fact]
    public void Subnets_that_auto_assign_any_public_address_fail()
    {
        var inventory = BaseInventory with
        {
            Subnets =
            [
                Subnet("pass-private", false, false),
                Subnet("fail-public-ipv4", true, false),
                Subnet("fail-ipv6", false, true),
                Subnet("fail-both", true, true),
            ],
        };

        ExactFailing(_rule, inventory, "fail-public-ipv4", "fail-ipv6", "fail-both");
    }

    [Fact]
    public void Failure_says_which_setting_is_on()
    {
        var inventory = BaseInventory with
        {
            Subnets =
            [
                Subnet("subnet-0123456789abcdef0", true, false) with { Tags = new Dictionary<string, string> { ["Name"] = "web-a" } },
                Subnet("subnet-0fedcba9876543210", true, true),
            ],
        };

        var findings = Evaluate(_rule, inventory);

        var ipv4 = Assert.Single(findings, f => f.Resource.Id == "subnet-0123456789abcdef0");
        Assert.Equal("Subnet subnet-0123456789abcdef0 (web-a) auto-assigns public IPv4 addresses (MapPublicIpOnLaunch).", ipv4.Message);
        Assert.Equal("true", ipv4.Evidence["mapPublicIpOnLaunch"]);
        Assert.Equal("false", ipv4.Evidence["assignIpv6AddressOnCreation"]);

        var both = Assert.Single(findings, f => f.Resource.Id == "subnet-0fedcba9876543210");
        Assert.Equal(
            "Subnet subnet-0fedcba9876543210 auto-assigns public IPv4 addresses (MapPublicIpOnLaunch) and IPv6 addresses (AssignIpv6AddressOnCreation).",
            both.Message);
    }
}
