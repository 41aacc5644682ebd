using Compliance.Rules.KMS;
using static Compliance.Rules.Tests.KMS.KmsFixtures;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.KMS;

public sealed class KeyNotPendingDeletionTests
{
    private static readonly DateTimeOffset DeletionDate = new(2025, 7, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly KeyNotPendingDeletion _rule = new();

    [Fact]
    public void Customer_keys_scheduled_for_deletion_fail()
    {
        var inventory = BaseInventory with
        {
            KmsKeys =
            [
                CustomerKey("pass-enabled"),
                CustomerKey("pass-disabled") with { KeyState = "Disabled" },
                CustomerKey("pass-pending-import") with { KeyState = "PendingImport", Origin = "EXTERNAL" },
                CustomerKey("fail-pending-deletion") with { KeyState = "PendingDeletion", DeletionDate = DeletionDate },
                CustomerKey("fail-pending-replica-deletion") with { KeyState = "PendingReplicaDeletion" },
            ],
        };

        ExactFailing(_rule, inventory, "fail-pending-deletion", "fail-pending-replica-deletion");
    }

    [Fact]
    public void Aws_managed_keys_are_not_applicable()
    {
        var finding = Assert.Single(Evaluate(_rule, BaseInventory with { KmsKeys = [AwsManagedKey(AwsManagedKeyId)] }));

        Assert.Equal(ComplianceStatus.NotApplicable, finding.Status);
    }

    [Fact]
    public void Unknown_manager_or_state_is_an_error()
    {
        var inventory = BaseInventory with
        {
            KmsKeys =
            [
                CustomerKey("unknown-manager") with { KeyManager = null, KeyState = "PendingDeletion" },
                CustomerKey("unknown-state") with { KeyState = null },
            ],
        };

        var findings = Evaluate(_rule, inventory);

        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "unknown-manager"));
        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "unknown-state"));
    }

    [Fact]
    public void Failure_gives_the_deletion_date()
    {
        var key = CustomerKey(CustomerKeyId) with { KeyState = "PendingDeletion", DeletionDate = new DateTimeOffset(2025, 7, 1, 2, 0, 0, TimeSpan.FromHours(2)) };

        var finding = Assert.Single(Evaluate(_rule, BaseInventory with { KmsKeys = [key] }));

        Assert.Equal(ComplianceStatus.Fail, finding.Status);
        Assert.Equal($"KMS key {CustomerKeyId} is scheduled for deletion on 2025-07-01T00:00:00Z (state PendingDeletion), after which data encrypted under it cannot be decrypted.", finding.Message);
        Assert.Equal("2025-07-01T00:00:00Z", finding.Evidence["deletionDate"]);
        Assert.Equal("PendingDeletion", finding.Evidence["keyState"]);
    }
}
