using Compliance.Rules.CloudTrail;
using Compliance.Rules.CloudWatch;
using Compliance.Rules.Config;
using Compliance.Rules.EC2;
using Compliance.Rules.GuardDuty;
using Compliance.Rules.Inventory;
using Compliance.Rules.Logs;
using Compliance.Rules.Tests.Logs;
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

    [Fact]
    public void Metric_filter_rules_are_not_applicable_without_a_declared_trail_and_judge_a_declared_one()
    {
        var monitored = MonitoringFixtures.Monitored() with { AccountIds = [Account], Regions = [Region] };
        IComplianceRule[] rules = [new RootUsageAlarmed(), new SignInAndAccessFailuresAlarmed(), new AuditAndKeyChangesAlarmed(), new NetworkChangesAlarmed()];

        foreach (var rule in rules)
        {
            var undeclared = Assert.Single(InTemplate(rule, monitored with { Trails = [] }));
            Assert.Equal(ComplianceStatus.NotApplicable, undeclared.Status);
            Assert.Contains("not declared in this template; judged on the live account", undeclared.Message);
            Assert.Equal(ComplianceStatus.Fail, Assert.Single(Evaluate(rule, monitored with { Trails = [] })).Status);
            Assert.Equal(ComplianceStatus.Pass, Assert.Single(InTemplate(rule, monitored)).Status);
            Assert.Equal(ComplianceStatus.Fail, Assert.Single(InTemplate(rule, monitored with { MetricFilters = [] })).Status);
        }
    }

    [Fact]
    public void Config_rules_are_not_applicable_when_none_is_declared_and_judged_on_presence_only_when_some_are()
    {
        var rule = new RequiredConfigRulesHealthy();
        var parameters = new Dictionary<string, string> { ["requiredRules"] = "S3_DEFAULT_ENCRYPTION_KMS,VPC_FLOW_LOGS_ENABLED" };
        static ConfigRule Declared(string name, string identifier) =>
            new() { Id = name, Region = Region, AccountId = Account, Owner = "AWS", SourceIdentifier = identifier, State = "ACTIVE", EvaluationStatus = null };

        var none = Assert.Single(InTemplate(rule, OneRegion, parameters));
        var some = Assert.Single(InTemplate(rule, OneRegion with { ConfigRules = [Declared("s3-kms", "S3_DEFAULT_ENCRYPTION_KMS")] }, parameters));
        var all = Assert.Single(InTemplate(rule, OneRegion with
        {
            ConfigRules = [Declared("s3-kms", "S3_DEFAULT_ENCRYPTION_KMS"), Declared("flow-logs", "VPC_FLOW_LOGS_ENABLED")],
        }, parameters));

        Assert.Equal(ComplianceStatus.NotApplicable, none.Status);
        Assert.Contains("not declared in this template; judged on the live account", none.Message);
        Assert.Equal(ComplianceStatus.Fail, some.Status);
        Assert.Contains("not the required VPC_FLOW_LOGS_ENABLED", some.Message);
        // Declared is all a template shows: the PASS says the evaluation health is left to the live scan, never that it is good.
        Assert.Equal(ComplianceStatus.Pass, all.Status);
        Assert.Contains("whether they are active and evaluating without errors is judged on the live account", all.Message);
        Assert.Equal(ComplianceStatus.Error, Assert.Single(Evaluate(rule, OneRegion with { ConfigRules = [Declared("s3-kms", "S3_DEFAULT_ENCRYPTION_KMS"), Declared("flow-logs", "VPC_FLOW_LOGS_ENABLED")] }, parameters)).Status);
    }

    [Fact]
    public void Data_events_of_an_audit_bucket_are_not_applicable_without_a_declared_trail_covering_its_region()
    {
        var rule = new S3ObjectDataEventsLogged();
        var bucket = new Bucket { Id = "audit", Region = Region, AccountId = Account, Tags = new Dictionary<string, string> { ["Purpose"] = "audit" } };
        var elsewhere = new Trail { Id = "elsewhere", Region = OtherRegion, AccountId = Account, IsLogging = true, EventSelectors = new TrailEventSelectors() };
        var here = elsewhere with { Id = "here", Region = Region };

        var undeclared = Assert.Single(InTemplate(rule, OneRegion with { Buckets = [bucket], Trails = [elsewhere] }));
        Assert.Equal(ComplianceStatus.NotApplicable, undeclared.Status);
        Assert.Contains("not declared in this template; judged on the live account", undeclared.Message);
        Assert.Equal(ComplianceStatus.Fail, Assert.Single(InTemplate(rule, OneRegion with { Buckets = [bucket], Trails = [here] })).Status);
    }

    [Fact]
    public void An_alarm_whose_actions_cannot_be_decided_is_an_error_not_a_failure()
    {
        var inventory = MonitoringFixtures.Monitored("RootAccountUsage") with { AccountIds = [Account], Regions = [Region] };
        var alarm = inventory.CloudWatchAlarms[0] with { AlarmActions = null };

        var finding = Assert.Single(InTemplate(new SecurityAlarmsNotify(), inventory with { CloudWatchAlarms = [alarm] }));

        Assert.Equal(ComplianceStatus.Error, finding.Status);
        Assert.Contains("ALARM actions of alarm CIS-RootAccountUsage are unknown", finding.Message);
    }
}
