using Compliance.Rules.EC2;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.EC2;

public sealed class NetworkAclUnusedRemovedTests
{
    private readonly NetworkAclUnusedRemoved _rule = new();

    private static NetworkAcl Acl(string id, bool isDefault, params string[] subnets) => new()
    {
        Id = id,
        Region = Region,
        AccountId = Account,
        Arn = $"arn:aws:ec2:{Region}:{Account}:network-acl/{id}",
        VpcId = "vpc-0a1b2c3d4e5f60718",
        IsDefault = isDefault,
        SubnetIds = subnets,
    };

    [Fact]
    public void Unassociated_custom_acls_fail()
    {
        var inventory = BaseInventory with
        {
            NetworkAcls =
            [
                Acl("pass-custom-associated", false, "subnet-0123456789abcdef0", "subnet-0fedcba9876543210"),
                Acl("pass-default-associated", true, "subnet-0a1b2c3d4e5f60718"),
                Acl("acl-0default0unassociated", true),
                Acl("fail-custom-unassociated", false),
            ],
        };

        var findings = ExactFailing(_rule, inventory, "fail-custom-unassociated");

        Assert.Equal(ComplianceStatus.NotApplicable, StatusOf(findings, "acl-0default0unassociated"));
    }

    [Fact]
    public void Failure_names_the_acl()
    {
        var inventory = BaseInventory with { NetworkAcls = [Acl("acl-0123456789abcdef0", false) with { Tags = new Dictionary<string, string> { ["Name"] = "old-app" } }] };

        var finding = Assert.Single(Evaluate(_rule, inventory));

        Assert.Equal("Network ACL acl-0123456789abcdef0 (old-app) is not the default ACL and is associated with no subnet.", finding.Message);
        Assert.Equal("none", finding.Evidence["subnetIds"]);
        Assert.Equal("false", finding.Evidence["isDefault"]);
    }
}
