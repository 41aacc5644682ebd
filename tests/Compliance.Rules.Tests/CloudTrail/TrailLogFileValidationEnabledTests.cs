using Compliance.Rules.CloudTrail;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.CloudTrail.TrailFixtures;
using static Compliance.Rules.Tests.RemediationAssert;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.CloudTrail;

public sealed class TrailLogFileValidationEnabledTests
{
    private readonly TrailLogFileValidationEnabled _rule = new();
    private readonly TrailLogFileValidationEnabledRemediation _fix = new();

    [Fact]
    public void Trails_without_validation_fail()
    {
        var inventory = BaseInventory with
        {
            Trails = [Trail("pass-validated"), Trail("fail-unvalidated") with { LogFileValidationEnabled = false }],
        };

        var findings = ExactFailing(_rule, inventory, "fail-unvalidated");
        Assert.Equal("Trail fail-unvalidated has log file integrity validation disabled, so changes to delivered log files cannot be detected.",
            Assert.Single(findings, f => f.Status == ComplianceStatus.Fail).Message);
        Assert.Equal("false", Assert.Single(findings, f => f.Status == ComplianceStatus.Fail).Evidence["logFileValidationEnabled"]);
    }

    [Fact]
    public void The_fix_is_one_update_trail_by_arn_in_the_home_region()
    {
        var trail = Trail("audit", region: OtherRegion) with { LogFileValidationEnabled = false };

        var plan = PlanFor(_rule, _fix, BaseInventory with { Trails = [trail] }, "audit");

        IsSingleCall(plan, "cloudtrail:UpdateTrail", new Dictionary<string, string>
        {
            ["Region"] = OtherRegion,
            ["Name"] = trail.Arn!,
            ["EnableLogFileValidation"] = "true",
        });
        DeclaresItsActions(_fix, plan!);
    }

    [Fact]
    public void An_organization_trail_of_an_account_outside_the_scan_is_skipped_with_the_reason()
    {
        var inventory = BaseInventory with { Trails = [Trail("org-audit", ManagementAccount) with { IsOrganizationTrail = true, LogFileValidationEnabled = false }] };
        var finding = Assert.Single(Evaluate(_rule, inventory));

        var decision = _fix.Decide(finding, inventory);

        Assert.Null(decision.Plan);
        Assert.Equal($"org-audit is an organization trail of account {ManagementAccount}; only the organization's management account can update it", decision.Reason);
    }

    [Fact]
    public void An_organization_trail_scanned_in_its_management_account_is_fixed()
    {
        var inventory = BaseInventory with { Trails = [Trail("org-audit") with { IsOrganizationTrail = true, LogFileValidationEnabled = false }] };

        Assert.NotNull(PlanFor(_rule, _fix, inventory, "org-audit"));
    }

    [Fact]
    public void A_passing_trail_has_no_plan()
    {
        var inventory = BaseInventory with { Trails = [Trail("audit")] };
        var finding = Assert.Single(Evaluate(_rule, inventory));

        Assert.Equal("the finding is not a FAIL of this rule", _fix.Decide(finding, inventory).Reason);
    }
}
