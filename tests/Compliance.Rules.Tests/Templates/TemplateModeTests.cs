using Compliance.Rules.CloudTrail;
using Compliance.Rules.Config;
using Compliance.Rules.EC2;
using Compliance.Rules.GuardDuty;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.Templates;

/// <summary>
/// Rules about a whole account or Region judge a template's declarations only: what the template does not declare
/// is NOT_APPLICABLE there (the live scan decides), what it declares is judged as on the live account.
/// </summary>
public sealed class TemplateModeTests
{
    private static IReadOnlyList<Finding> InTemplate(IComplianceRule rule, AwsInventory inventory, IReadOnlyDictionary<string, string>? parameters = null) =>
        rule.Evaluate(new RuleContext(inventory, rule.Descriptor, parameters, fromTemplate: true)).ToList();

    private static readonly AwsInventory OneRegion = new() { AccountIds = [Account], Regions = [Region] };

    [Fact]
    public void A_template_without_a_detector_is_not_applicable_for_guardduty_but_the_account_fails()
    {
        var rule = new GuardDutyEnabledCentralized();

        var template = Assert.Single(InTemplate(rule, OneRegion));
        var live = Assert.Single(Evaluate(rule, OneRegion));

        Assert.Equal(ComplianceStatus.NotApplicable, template.Status);
        Assert.Contains("not declared in this template; judged on the live account", template.Message);
        Assert.Equal(ComplianceStatus.Fail, live.Status);
    }

    [Fact]
    public void A_declared_disabled_detector_still_fails_in_a_template()
    {
        var inventory = OneRegion with
        {
            GuardDutyDetectors = [new GuardDutyDetector { Id = "fail-off", Region = Region, AccountId = Account, Status = "DISABLED" }],
        };

        Assert.Equal(ComplianceStatus.Fail, StatusOf(InTemplate(new GuardDutyEnabledCentralized(), inventory), "fail-off"));
    }

    [Fact]
    public void A_template_without_a_recorder_is_not_applicable_for_config_and_an_unscanned_home_region_is_not_an_error()
    {
        var rule = new ConfigRecorderRecordsAllResources();
        var parameters = new Dictionary<string, string> { ["homeRegion"] = OtherRegion };

        var findings = InTemplate(rule, OneRegion, parameters);

        var only = Assert.Single(findings);
        Assert.Equal(ComplianceStatus.NotApplicable, only.Status);
        Assert.Contains("not declared in this template; judged on the live account", only.Message);
        Assert.Contains(Evaluate(rule, OneRegion, parameters), f => f.Status == ComplianceStatus.Error);
    }

    [Fact]
    public void A_declared_recorder_that_records_only_some_types_fails_in_a_template()
    {
        var inventory = OneRegion with
        {
            ConfigurationRecorders =
            [
                new ConfigurationRecorder
                {
                    Id = "fail-some", Region = Region, AccountId = Account, AllSupported = false, IncludeGlobalResourceTypes = true, Recording = true,
                    RoleArn = $"arn:aws:iam::{Account}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig",
                },
            ],
        };

        Assert.Equal(ComplianceStatus.Fail, StatusOf(InTemplate(new ConfigRecorderRecordsAllResources(), inventory), "fail-some"));
    }

    [Fact]
    public void A_template_without_a_trail_is_not_applicable_but_a_declared_single_region_trail_fails()
    {
        var rule = new MultiRegionTrailLogsManagementEvents();
        var trail = new Trail { Id = "single", Region = Region, AccountId = Account, IsMultiRegionTrail = false, IsLogging = true, EventSelectors = new TrailEventSelectors() };

        var undeclared = Assert.Single(InTemplate(rule, OneRegion));
        Assert.Equal(ComplianceStatus.NotApplicable, undeclared.Status);
        Assert.Contains("not declared in this template; judged on the live account", undeclared.Message);
        Assert.Equal(ComplianceStatus.Fail, Assert.Single(Evaluate(rule, OneRegion)).Status);
        Assert.Equal(ComplianceStatus.Fail, Assert.Single(InTemplate(rule, OneRegion with { Trails = [trail] })).Status);
    }

    [Fact]
    public void The_default_group_rule_judges_templates_that_declare_a_vpc()
    {
        Assert.Equal(EvaluationModes.TemplatePresenceAndLive, new SecurityGroupDefaultClosed().Descriptor.Modes);
    }
}
