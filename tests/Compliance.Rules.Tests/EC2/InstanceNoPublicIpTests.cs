using Compliance.Rules.EC2;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.EC2;

public sealed class InstanceNoPublicIpTests
{
    private readonly InstanceNoPublicIp _rule = new();

    private static Instance Instance(string id, string? publicIp, string state = "running") => new()
    {
        Id = id,
        Region = Region,
        AccountId = Account,
        Arn = $"arn:aws:ec2:{Region}:{Account}:instance/{id}",
        State = state,
        VpcId = "vpc-0a1b2c3d4e5f60718",
        SubnetId = "subnet-0bb1c79de3EXAMPLE",
        PublicIpAddress = publicIp,
        MetadataOptions = new InstanceMetadataOptions("required", "enabled"),
    };

    [Fact]
    public void Instances_with_a_public_address_fail()
    {
        var inventory = BaseInventory with
        {
            Instances =
            [
                Instance("pass-private", ""),
                Instance("pass-stopped-private", "", state: "stopped"),
                Instance("fail-public", "203.0.113.25"),
                Instance("fail-pending-public", "198.51.100.7", state: "pending"),
                Instance("i-0terminated00000001", "203.0.113.99", state: "terminated"),
            ],
        };

        var findings = ExactFailing(_rule, inventory, "fail-public", "fail-pending-public");

        Assert.DoesNotContain(findings, f => f.Resource.Id == "i-0terminated00000001");
    }

    [Fact]
    public void An_unknown_address_is_an_error()
    {
        var inventory = BaseInventory with { Instances = [Instance("i-0unknown000000001", null)] };

        Assert.Equal(ComplianceStatus.Error, StatusOf(Evaluate(_rule, inventory), "i-0unknown000000001"));
    }

    [Fact]
    public void Failure_names_the_address()
    {
        var inventory = BaseInventory with { Instances = [Instance("fail-a", "203.0.113.25")] };

        var finding = Assert.Single(Evaluate(_rule, inventory));

        Assert.Equal("Instance fail-a has the public IPv4 address 203.0.113.25.", finding.Message);
        Assert.Equal("203.0.113.25", finding.Evidence["publicIpAddress"]);
    }
}
