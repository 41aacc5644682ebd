using Compliance.Rules.GuardDuty;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.RemediationAssert;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.GuardDuty;

public sealed class GuardDutyEnabledCentralizedRemediationTests
{
    private const string DetectorId = "12abc34d567e8fa901bc2d34eexample";
    private readonly GuardDutyEnabledCentralized _rule = new();
    private readonly GuardDutyEnabledCentralizedRemediation _remediation = new();

    private static GuardDutyDetector Detector(string? status, string? admin = "") => new()
    {
        Id = DetectorId,
        Region = Region,
        AccountId = Account,
        Arn = $"arn:aws:guardduty:{Region}:{Account}:detector/{DetectorId}",
        Status = status,
        AdministratorAccountId = admin,
    };

    private static AwsInventory Inventory(params GuardDutyDetector[] detectors) => BaseInventory with { Regions = [Region], GuardDutyDetectors = detectors };

    [Fact]
    public void A_region_without_a_detector_gets_CreateDetector_enabled()
    {
        var plan = PlanFor(_rule, _remediation, Inventory(), Account);

        IsSingleCall(plan, "guardduty:CreateDetector", new Dictionary<string, string> { ["Region"] = Region, ["Enable"] = "true" });
        Assert.Equal(ResourceTypes.Account, plan!.Resource.Type);
        DeclaresItsActions(_remediation, plan);
    }

    [Fact]
    public void A_disabled_detector_gets_UpdateDetector_enabled_and_nothing_else()
    {
        var plan = PlanFor(_rule, _remediation, Inventory(Detector("DISABLED")), DetectorId);

        IsSingleCall(plan, "guardduty:UpdateDetector", new Dictionary<string, string> { ["Region"] = Region, ["DetectorId"] = DetectorId, ["Enable"] = "true" });
        DeclaresItsActions(_remediation, plan!);
    }

    [Fact]
    public void An_enabled_detector_under_the_wrong_administrator_fails_but_its_relationship_is_never_touched()
    {
        var parameters = new Dictionary<string, string> { ["centralMonitoringAccount"] = "999999999999" };
        var inventory = Inventory(Detector("ENABLED", admin: "111122223333"));
        var finding = Assert.Single(Evaluate(_rule, inventory, parameters));

        Assert.Equal(ComplianceStatus.Fail, finding.Status);
        Assert.Null(_remediation.Plan(finding, inventory));
    }

    [Fact]
    public void An_enabled_detector_gets_no_plan() =>
        Assert.Null(PlanFor(_rule, _remediation, Inventory(Detector("ENABLED")), DetectorId));

    [Fact]
    public void Unknown_status_or_an_unlisted_region_gets_no_plan()
    {
        Assert.Null(PlanFor(_rule, _remediation, Inventory(Detector(null)), DetectorId));

        var unlisted = Inventory() with { CollectionErrors =
        [
            new CollectionError { Service = "guardduty", Operation = "ListDetectors", Region = Region, ResourceType = ResourceTypes.GuardDutyDetector, ErrorCode = "AccessDeniedException", Message = "denied" },
        ] };
        Assert.Null(PlanFor(_rule, _remediation, unlisted, Account));
    }
}
