using Compliance.Rules.GuardDuty;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.GuardDuty;

public sealed class GuardDutyEnabledCentralizedTests
{
    private const string Central = "999999999999";
    private readonly GuardDutyEnabledCentralized _rule = new();

    private static GuardDutyDetector Detector(string id, string account = Account, string region = Region, string? status = "ENABLED", string? admin = "") => new()
    {
        Id = id,
        Region = region,
        AccountId = account,
        Arn = $"arn:aws:guardduty:{region}:{account}:detector/{id}",
        Status = status,
        AdministratorAccountId = admin,
        Features = new Dictionary<string, string> { ["CLOUD_TRAIL"] = "ENABLED", ["S3_DATA_EVENTS"] = "ENABLED" },
    };

    private static readonly Dictionary<string, string> CentralParameter = new() { ["centralMonitoringAccount"] = Central };

    [Fact]
    public void Enabled_detectors_pass_disabled_ones_and_regions_without_a_detector_fail()
    {
        var inventory = new AwsInventory
        {
            AccountIds = ["111111111111", "222222222222", "333333333333"],
            Regions = [Region],
            GuardDutyDetectors =
            [
                Detector("pass-enabled", "111111111111"),
                Detector("fail-disabled", "222222222222", status: "DISABLED"),
            ],
        };

        var findings = ExactFailing(_rule, inventory, "fail-disabled", "333333333333");

        var missing = Assert.Single(findings, f => f.Resource.Id == "333333333333");
        Assert.Equal(ResourceTypes.Account, missing.Resource.Type);
        Assert.Equal(Region, missing.Resource.Region);
    }

    [Fact]
    public void A_region_without_a_detector_fails_on_the_account_for_that_region()
    {
        var inventory = BaseInventory with { GuardDutyDetectors = [Detector("pass-eu", region: Region)] };

        var findings = Evaluate(_rule, inventory);

        Assert.Equal(2, findings.Count);
        Assert.Equal(ComplianceStatus.Pass, StatusOf(findings, "pass-eu"));
        var missing = Assert.Single(findings, f => f.Resource.Region == OtherRegion);
        Assert.Equal(ComplianceStatus.Fail, missing.Status);
        Assert.Equal(new ResourceRef(ResourceTypes.Account, Account, null, OtherRegion, Account), missing.Resource);
        Assert.Equal($"Account {Account} has no GuardDuty detector in {OtherRegion}, so GuardDuty is not enabled there.", missing.Message);
    }

    [Fact]
    public void A_detector_of_another_account_does_not_cover_the_region()
    {
        var inventory = new AwsInventory
        {
            AccountIds = [Account, "444444444444"],
            Regions = [Region],
            GuardDutyDetectors = [Detector("pass-other-account", "444444444444")],
        };

        ExactFailing(_rule, inventory, Account);
    }

    [Fact]
    public void With_a_central_account_only_detectors_it_administers_pass()
    {
        var inventory = new AwsInventory
        {
            AccountIds = ["111111111111", "222222222222", "333333333333", Central],
            Regions = [Region],
            GuardDutyDetectors =
            [
                Detector("pass-managed", "111111111111", admin: Central),
                Detector("fail-standalone", "222222222222", admin: ""),
                Detector("fail-other-admin", "333333333333", admin: "888888888888"),
                Detector("pass-central-itself", Central, admin: ""),
            ],
        };

        var findings = Evaluate(_rule, inventory, CentralParameter);

        Assert.Equal(ComplianceStatus.Pass, StatusOf(findings, "pass-managed"));
        Assert.Equal(ComplianceStatus.Pass, StatusOf(findings, "pass-central-itself"));
        Assert.Equal(ComplianceStatus.Fail, StatusOf(findings, "fail-standalone"));
        Assert.Equal(ComplianceStatus.Fail, StatusOf(findings, "fail-other-admin"));
        Assert.Equal(
            $"GuardDuty detector fail-other-admin of account 333333333333 in {Region} is ENABLED but managed by account 888888888888, not the central account {Central}.",
            Assert.Single(findings, f => f.Resource.Id == "fail-other-admin").Message);
    }

    [Fact]
    public void Without_a_central_account_a_standalone_detector_passes()
    {
        var inventory = new AwsInventory
        {
            AccountIds = ["222222222222"],
            Regions = [Region],
            GuardDutyDetectors = [Detector("pass-standalone", "222222222222", admin: "")],
        };

        ExactFailing(_rule, inventory);
    }

    [Fact]
    public void Unknown_status_or_unknown_administrator_is_an_error()
    {
        var inventory = new AwsInventory
        {
            AccountIds = ["111111111111", "222222222222"],
            Regions = [Region],
            GuardDutyDetectors =
            [
                Detector("unknown-status", "111111111111", status: null),
                Detector("unknown-admin", "222222222222", admin: null),
            ],
        };

        var findings = Evaluate(_rule, inventory, CentralParameter);

        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "unknown-status"));
        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "unknown-admin"));
        Assert.Equal(ComplianceStatus.Error, StatusOf(Evaluate(_rule, inventory), "unknown-status"));
    }

    [Fact]
    public void A_disabled_detector_fails_even_when_its_administrator_is_unknown()
    {
        var inventory = BaseInventory with { Regions = [Region], GuardDutyDetectors = [Detector("fail-disabled", status: "DISABLED", admin: null)] };

        Assert.Equal(ComplianceStatus.Fail, StatusOf(Evaluate(_rule, inventory, CentralParameter), "fail-disabled"));
    }

    [Fact]
    public void A_region_whose_detectors_could_not_be_listed_is_an_error_not_a_failure()
    {
        var inventory = BaseInventory with
        {
            Regions = [Region],
            CollectionErrors =
            [
                new CollectionError
                {
                    Service = "guardduty", Operation = "ListDetectors", Region = Region, ResourceType = ResourceTypes.GuardDutyDetector,
                    ErrorCode = "AccessDeniedException", Message = "User is not authorized to perform: guardduty:ListDetectors",
                },
            ],
        };

        var finding = Assert.Single(Evaluate(_rule, inventory));

        Assert.Equal(ComplianceStatus.Error, finding.Status);
        Assert.Equal("AccessDeniedException", finding.Evidence["errorCode"]);
    }

    [Fact]
    public void Failure_names_the_detector_and_its_status()
    {
        var detector = Detector("12abc34d567e8fa901bc2d34e56789f0", status: "DISABLED", admin: Central);
        var inventory = BaseInventory with { Regions = [Region], GuardDutyDetectors = [detector] };

        var finding = Assert.Single(Evaluate(_rule, inventory));

        Assert.Equal(ComplianceStatus.Fail, finding.Status);
        Assert.Equal(detector.Ref, finding.Resource);
        Assert.Equal($"GuardDuty detector 12abc34d567e8fa901bc2d34e56789f0 of account {Account} in {Region} is DISABLED (suspended), so GuardDuty is not monitoring the Region.", finding.Message);
        Assert.Equal("DISABLED", finding.Evidence["status"]);
        Assert.Equal(Central, finding.Evidence["administratorAccountId"]);
    }
}
