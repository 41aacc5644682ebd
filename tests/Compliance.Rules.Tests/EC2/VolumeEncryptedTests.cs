using Compliance.Rules.EC2;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.EC2;

public sealed class VolumeEncryptedTests
{
    private readonly VolumeEncrypted _rule = new();

    private static Volume Volume(string id, bool encrypted, params string[] attachedTo) => new()
    {
        Id = id,
        Region = Region,
        AccountId = Account,
        Arn = $"arn:aws:ec2:{Region}:{Account}:volume/{id}",
        Encrypted = encrypted,
        KmsKeyId = encrypted ? $"arn:aws:kms:{Region}:{Account}:key/1234abcd-12ab-34cd-56ef-1234567890ab" : null,
        State = attachedTo.Length == 0 ? "available" : "in-use",
        AttachedInstanceIds = attachedTo,
    };

    [Fact]
    public void Unencrypted_volumes_fail_whether_attached_or_not()
    {
        var inventory = BaseInventory with
        {
            Volumes =
            [
                Volume("pass-attached", true, "i-0abcdef1234567890"),
                Volume("pass-unattached", true),
                Volume("fail-attached", false, "i-0abcdef1234567890"),
                Volume("fail-unattached", false),
            ],
        };

        ExactFailing(_rule, inventory, "fail-attached", "fail-unattached");
    }

    [Fact]
    public void Failure_names_the_volume_and_its_attachment()
    {
        var inventory = BaseInventory with { Volumes = [Volume("fail-a", false, "i-0abcdef1234567890") with { Tags = new Dictionary<string, string> { ["Name"] = "data" } }] };

        var finding = Assert.Single(Evaluate(_rule, inventory));

        Assert.Equal("EBS volume fail-a (data) (attached to i-0abcdef1234567890) is not encrypted.", finding.Message);
        Assert.Equal("false", finding.Evidence["encrypted"]);
        Assert.Equal("in-use", finding.Evidence["state"]);
        Assert.Equal("i-0abcdef1234567890", finding.Evidence["attachedInstanceIds"]);
    }
}
