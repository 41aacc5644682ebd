using Compliance.Rules.Inventory;
using Compliance.Rules.KMS;
using static Compliance.Rules.Tests.KMS.KmsFixtures;
using static Compliance.Rules.Tests.RemediationAssert;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.KMS;

public sealed class KeyRotationEnabledRemediationTests
{
    private readonly KeyRotationEnabled _rule = new();
    private readonly KeyRotationEnabledRemediation _remediation = new();

    private static AwsInventory Inventory(KmsKey key) => BaseInventory with { KmsKeys = [key] };

    [Fact]
    public void An_enabled_customer_symmetric_key_without_rotation_gets_EnableKeyRotation()
    {
        var plan = PlanFor(_rule, _remediation, Inventory(CustomerKey("fail-not-rotating", OtherRegion) with { RotationEnabled = false }), "fail-not-rotating");

        IsSingleCall(plan, "kms:EnableKeyRotation", new Dictionary<string, string> { ["Region"] = OtherRegion, ["KeyId"] = "fail-not-rotating" });
        DeclaresItsActions(_remediation, plan!);
    }

    [Fact]
    public void A_disabled_key_fails_the_rule_but_is_not_planned() =>
        Assert.Null(PlanFor(_rule, _remediation, Inventory(CustomerKey("fail-disabled") with { KeyState = "Disabled", RotationEnabled = false }), "fail-disabled"));

    [Fact]
    public void A_rotating_key_gets_no_plan() =>
        Assert.Null(PlanFor(_rule, _remediation, Inventory(CustomerKey("pass-rotating")), "pass-rotating"));

    [Fact]
    public void Unknown_rotation_gets_no_plan() =>
        Assert.Null(PlanFor(_rule, _remediation, Inventory(CustomerKey("error-rotation") with { RotationEnabled = null }), "error-rotation"));
}
