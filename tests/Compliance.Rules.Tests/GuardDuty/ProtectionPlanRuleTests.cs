using Compliance.Rules.GuardDuty;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.GuardDuty;

public sealed class LambdaProtectionEnabledTests() : ProtectionPlanRuleTests(new LambdaProtectionEnabled(), "LAMBDA_NETWORK_LOGS");

public sealed class S3ProtectionEnabledTests() : ProtectionPlanRuleTests(new S3ProtectionEnabled(), "S3_DATA_EVENTS");

/// <summary>What GuardDuty.Detector.2 (Lambda Protection) and GuardDuty.Detector.3 (S3 Protection) share, run for each.</summary>
public abstract class ProtectionPlanRuleTests(IComplianceRule rule, string feature)
{
    private static GuardDutyDetector Detector(string id, string account = Account, string region = Region, string? status = "ENABLED", params (string Name, string Status)[] features) => new()
    {
        Id = id,
        Region = region,
        AccountId = account,
        Arn = $"arn:aws:guardduty:{region}:{account}:detector/{id}",
        Status = status,
        AdministratorAccountId = "",
        Features = features.ToDictionary(f => f.Name, f => f.Status),
    };

    [Fact]
    public void The_plan_must_be_enabled_on_an_enabled_detector_in_every_region()
    {
        var inventory = new AwsInventory
        {
            AccountIds = ["111111111111", "222222222222", "333333333333", "444444444444"],
            Regions = [Region],
            GuardDutyDetectors =
            [
                Detector("pass-enabled", "111111111111", features: [("CLOUD_TRAIL", "ENABLED"), (feature, "ENABLED")]),
                Detector("fail-plan-disabled", "222222222222", features: [("CLOUD_TRAIL", "ENABLED"), (feature, "DISABLED")]),
                Detector("fail-suspended", "333333333333", status: "DISABLED", features: [(feature, "ENABLED")]),
            ],
        };

        var findings = ExactFailing(rule, inventory, "fail-plan-disabled", "fail-suspended", "444444444444");

        Assert.Equal(ResourceTypes.Account, Assert.Single(findings, f => f.Resource.Id == "444444444444").Resource.Type);
        Assert.Equal(feature, Assert.Single(findings, f => f.Resource.Id == "fail-plan-disabled").Evidence["feature"]);
    }

    [Fact]
    public void Unknown_status_or_plans_are_errors_and_a_plan_the_region_does_not_offer_is_not_applicable()
    {
        var inventory = BaseInventory with
        {
            GuardDutyDetectors =
            [
                Detector("unread", status: null),
                Detector("no-features", region: OtherRegion),
            ],
        };
        var offered = BaseInventory with { GuardDutyDetectors = [Detector("other-plans-only", features: [("CLOUD_TRAIL", "ENABLED")])] };

        var findings = Evaluate(rule, inventory);
        var notOffered = Evaluate(rule, offered);

        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "unread"));
        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "no-features"));
        Assert.Equal(ComplianceStatus.NotApplicable, StatusOf(notOffered, "other-plans-only"));
        Assert.Contains(feature, Assert.Single(notOffered, f => f.Resource.Id == "other-plans-only").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_region_whose_detectors_could_not_be_listed_is_an_error_and_the_failure_message_is_exact()
    {
        var inventory = BaseInventory with
        {
            GuardDutyDetectors = [Detector("12abc34d567e8fa901bc2d34eexample", features: [(feature, "DISABLED")])],
            CollectionErrors =
            [
                new CollectionError
                {
                    Service = "guardduty", Operation = "ListDetectors", Region = OtherRegion, AccountId = Account,
                    ResourceType = ResourceTypes.GuardDutyDetector, ErrorCode = "AccessDeniedException", Message = "denied",
                },
            ],
        };

        var findings = Evaluate(rule, inventory);

        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, Account));
        var fail = Assert.Single(findings, f => f.Status == ComplianceStatus.Fail);
        var plan = feature == "S3_DATA_EVENTS" ? "S3 Protection" : "Lambda Protection";
        Assert.Equal($"GuardDuty detector 12abc34d567e8fa901bc2d34eexample of account {Account} in {Region} has {plan} ({feature}) DISABLED.", fail.Message);
        Assert.Equal("DISABLED", fail.Evidence["featureStatus"]);
    }
}
