using Compliance.Rules.GuardDuty;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.GuardDuty;

public sealed class FindingsHandledWithinSlaTests
{
    private readonly FindingsHandledWithinSla _rule = new();

    private static GuardDutyOverdueFindings Band(GuardDutySeverityBand band, int? count, int? olderThanDays = null, params string[] ids) => new()
    {
        Band = band.Name,
        OlderThanDays = olderThanDays ?? band.DefaultSlaDays,
        Count = count,
        SampleFindingIds = ids,
    };

    private static GuardDutyDetector Detector(string account, IReadOnlyList<GuardDutyOverdueFindings>? overdue, string region = Region) => new()
    {
        Id = $"det{account}",
        Region = region,
        AccountId = account,
        Status = "ENABLED",
        OverdueFindings = overdue,
    };

    private static IReadOnlyList<GuardDutyOverdueFindings> Counts(int? high, int? medium, int? low) =>
        [Band(GuardDutySeverityBands.High, high), Band(GuardDutySeverityBands.Medium, medium), Band(GuardDutySeverityBands.Low, low)];

    [Fact]
    public void Any_band_with_findings_past_its_response_time_fails_the_region()
    {
        var inventory = new AwsInventory
        {
            AccountIds = ["111111111111", "222222222222", "333333333333", "444444444444"],
            Regions = [Region],
            GuardDutyDetectors =
            [
                Detector("111111111111", Counts(0, 0, 0)),
                Detector("222222222222", Counts(2, 0, 0)),
                Detector("333333333333", Counts(0, 0, 1)),
                Detector("444444444444", Counts(0, 3, null)), // an overdue band is a FAIL even when another is unknown
            ],
        };

        var findings = ExactFailing(_rule, inventory, "222222222222", "333333333333", "444444444444");

        Assert.Equal(ComplianceStatus.Pass, StatusOf(findings, "111111111111"));
        Assert.All(findings, f => Assert.Equal(ResourceTypes.Account, f.Resource.Type));
    }

    [Fact]
    public void The_failure_names_each_overdue_band_with_examples()
    {
        var detector = Detector(Account,
            [
                Band(GuardDutySeverityBands.High, 2, ids: ["b4c1a2e7f0d9c8e6a5b4c3d2e1f0a9b8", "0ec1a2e7f0d9c8e6a5b4c3d2e1f0a9b8"]),
                Band(GuardDutySeverityBands.Medium, 0),
                new GuardDutyOverdueFindings { Band = "Low", OlderThanDays = 30, Count = 1000, CountIsLowerBound = true },
            ]);

        var fail = Assert.Single(Evaluate(_rule, BaseInventory with { Regions = [Region], GuardDutyDetectors = [detector] }));

        Assert.Equal(ComplianceStatus.Fail, fail.Status);
        Assert.Equal($"GuardDuty in account {Account}, {Region} has unarchived findings past their response time: "
            + "2 High not updated for over 1 day (allowed 1 day), e.g. b4c1a2e7f0d9c8e6a5b4c3d2e1f0a9b8, 0ec1a2e7f0d9c8e6a5b4c3d2e1f0a9b8 "
            + "and 1000+ Low not updated for over 30 days (allowed 30 days).", fail.Message);
        Assert.Equal("2 not updated for 1+ days", fail.Evidence["highOverdue"]);
        Assert.Equal("7", fail.Evidence["mediumSlaDays"]);
    }

    [Fact]
    public void A_cutoff_that_cannot_answer_the_configured_response_time_is_unknown()
    {
        var zeroFindings = BaseInventory with { Regions = [Region], GuardDutyDetectors = [Detector(Account, Counts(0, 0, 0))] };
        var someFindings = BaseInventory with { Regions = [Region], GuardDutyDetectors = [Detector(Account, Counts(0, 4, 0))] };

        // No finding older than 7 days says nothing about findings between 3 and 7 days old.
        var tighter = Assert.Single(Evaluate(_rule, zeroFindings, new Dictionary<string, string> { ["daysMediumSev"] = "3" }));
        // Findings older than 7 days are older than a 14-day allowance only if they are older still: unknown.
        var looser = Assert.Single(Evaluate(_rule, someFindings, new Dictionary<string, string> { ["daysMediumSev"] = "14" }));
        // Findings older than 7 days are certainly older than a 3-day allowance.
        var stricterWithFindings = Assert.Single(Evaluate(_rule, someFindings, new Dictionary<string, string> { ["daysMediumSev"] = "3" }));
        // None older than 7 days means none older than 14.
        var looserWithout = Assert.Single(Evaluate(_rule, zeroFindings, new Dictionary<string, string> { ["daysMediumSev"] = "14" }));

        Assert.Equal((ComplianceStatus.Error, ComplianceStatus.Error, ComplianceStatus.Fail, ComplianceStatus.Pass),
            (tighter.Status, looser.Status, stricterWithFindings.Status, looserWithout.Status));
        Assert.Contains("Medium (listed for findings not updated for 7 days, but the rule allows 3 days)", tighter.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unread_findings_are_errors_and_regions_without_a_detector_are_not_applicable_unless_listing_failed()
    {
        var inventory = BaseInventory with
        {
            GuardDutyDetectors = [Detector(Account, null)],
            CollectionErrors =
            [
                new CollectionError
                {
                    Service = "guardduty", Operation = "ListDetectors", Region = OtherRegion, AccountId = Account,
                    ResourceType = ResourceTypes.GuardDutyDetector, ErrorCode = "AccessDeniedException", Message = "denied",
                },
            ],
        };
        var noDetector = BaseInventory with { Regions = [Region] };

        var findings = Evaluate(_rule, inventory);

        Assert.All(findings, f => Assert.Equal(ComplianceStatus.Error, f.Status));
        Assert.Equal(2, findings.Count);
        Assert.Equal(ComplianceStatus.NotApplicable, Assert.Single(Evaluate(_rule, noDetector)).Status);
        Assert.Equal(ComplianceStatus.Error, Assert.Single(Evaluate(_rule, BaseInventory with { Regions = [Region], GuardDutyDetectors = [Detector(Account, Counts(0, null, 0))] })).Status);
    }
}
