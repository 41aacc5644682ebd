using Compliance.Rules.EC2;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.EC2;

public sealed class SnapshotNotPublicTests
{
    private readonly SnapshotNotPublic _rule = new();

    private static EbsSnapshot Snapshot(string id, IReadOnlyList<string>? permissions) => new()
    {
        Id = id,
        Region = Region,
        AccountId = Account,
        Arn = $"arn:aws:ec2:{Region}::snapshot/{id}",
        VolumeId = "vol-049df61146c4d7901",
        Encrypted = false,
        CreateVolumePermissions = permissions,
    };

    [Fact]
    public void Only_the_group_all_makes_a_snapshot_public()
    {
        var inventory = BaseInventory with
        {
            Snapshots =
            [
                Snapshot("pass-private", []),
                Snapshot("pass-shared-with-accounts", ["210987654321", "111122223333"]),
                Snapshot("fail-public", ["all"]),
                Snapshot("fail-public-and-shared", ["210987654321", "all"]),
            ],
        };

        ExactFailing(_rule, inventory, "fail-public", "fail-public-and-shared");
    }

    [Fact]
    public void An_unreadable_attribute_is_an_error()
    {
        var inventory = BaseInventory with { Snapshots = [Snapshot("snap-unknown", null)] };

        Assert.Equal(ComplianceStatus.Error, StatusOf(Evaluate(_rule, inventory), "snap-unknown"));
    }

    [Fact]
    public void Findings_list_the_grants()
    {
        var inventory = BaseInventory with
        {
            Snapshots = [Snapshot("fail-public", ["all", "210987654321"]), Snapshot("pass-shared", ["210987654321"])],
        };

        var findings = Evaluate(_rule, inventory);

        var failed = Assert.Single(findings, f => f.Resource.Id == "fail-public");
        Assert.Equal("EBS snapshot fail-public grants createVolumePermission to group all, so any AWS account can restore it.", failed.Message);
        Assert.Equal("all,210987654321", failed.Evidence["createVolumePermissions"]);
        var shared = Assert.Single(findings, f => f.Resource.Id == "pass-shared");
        Assert.Equal("210987654321", shared.Evidence["sharedWithAccounts"]);
        Assert.Contains("shared only with account 210987654321", shared.Message);
    }
}
