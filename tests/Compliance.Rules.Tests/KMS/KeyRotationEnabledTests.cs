using Compliance.Rules.Inventory;
using Compliance.Rules.KMS;
using static Compliance.Rules.Tests.KMS.KmsFixtures;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.KMS;

public sealed class KeyRotationEnabledTests
{
    private readonly KeyRotationEnabled _rule = new();

    [Fact]
    public void Customer_symmetric_keys_without_rotation_fail()
    {
        var inventory = BaseInventory with
        {
            KmsKeys =
            [
                CustomerKey("pass-rotating"),
                CustomerKey("pass-rotating-other-region", OtherRegion),
                CustomerKey("fail-not-rotating") with { RotationEnabled = false },
                CustomerKey("fail-disabled-not-rotating") with { KeyState = "Disabled", RotationEnabled = false },
            ],
        };

        ExactFailing(_rule, inventory, "fail-not-rotating", "fail-disabled-not-rotating");
    }

    [Theory]
    [InlineData("AWS", "Enabled", "SYMMETRIC_DEFAULT", "AWS_KMS", "AWS managed key")]
    [InlineData("CUSTOMER", "Enabled", "RSA_2048", "AWS_KMS", "RSA_2048 key")]
    [InlineData("CUSTOMER", "Enabled", "HMAC_256", "AWS_KMS", "HMAC_256 key")]
    [InlineData("CUSTOMER", "Enabled", "ECC_NIST_P256", "AWS_KMS", "ECC_NIST_P256 key")]
    [InlineData("CUSTOMER", "Enabled", "SYMMETRIC_DEFAULT", "EXTERNAL", "imported key material")]
    [InlineData("CUSTOMER", "Enabled", "SYMMETRIC_DEFAULT", "AWS_CLOUDHSM", "custom key store (origin AWS_CLOUDHSM)")]
    [InlineData("CUSTOMER", "Enabled", "SYMMETRIC_DEFAULT", "EXTERNAL_KEY_STORE", "custom key store (origin EXTERNAL_KEY_STORE)")]
    [InlineData("CUSTOMER", "PendingDeletion", "SYMMETRIC_DEFAULT", "AWS_KMS", "scheduled for deletion")]
    public void Keys_that_cannot_or_need_not_rotate_are_not_applicable_with_the_reason(string manager, string state, string spec, string origin, string reason)
    {
        var key = CustomerKey(CustomerKeyId) with { KeyManager = manager, KeyState = state, KeySpec = spec, Origin = origin, RotationEnabled = false };

        var finding = Assert.Single(Evaluate(_rule, BaseInventory with { KmsKeys = [key] }));

        Assert.Equal(ComplianceStatus.NotApplicable, finding.Status);
        Assert.Contains(reason, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_manager_or_rotation_status_is_an_error()
    {
        var inventory = BaseInventory with
        {
            KmsKeys =
            [
                CustomerKey("unknown-manager") with { KeyManager = null },
                CustomerKey("unknown-rotation") with { RotationEnabled = null },
                CustomerKey("unknown-spec") with { KeySpec = null, RotationEnabled = false },
            ],
        };

        var findings = Evaluate(_rule, inventory);

        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "unknown-manager"));
        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "unknown-rotation"));
        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "unknown-spec"));
    }

    [Fact]
    public void Failure_names_the_key_and_records_the_settings_read()
    {
        var key = CustomerKey(CustomerKeyId) with { RotationEnabled = false, Tags = new Dictionary<string, string> { ["Name"] = "orders-data" } };

        var finding = Assert.Single(Evaluate(_rule, BaseInventory with { KmsKeys = [key] }));

        Assert.Equal(ComplianceStatus.Fail, finding.Status);
        Assert.Equal($"KMS key {CustomerKeyId} (orders-data) is a customer managed symmetric key with automatic rotation disabled.", finding.Message);
        Assert.Equal("false", finding.Evidence["rotationEnabled"]);
        Assert.Equal("CUSTOMER", finding.Evidence["keyManager"]);
        Assert.Equal("SYMMETRIC_DEFAULT", finding.Evidence["keySpec"]);
        Assert.Equal("AWS_KMS", finding.Evidence["origin"]);
        Assert.Equal(CustomerKeyArn, finding.Resource.Arn);
    }
}
