using Compliance.Rules.Inventory;
using Compliance.Rules.Logs;
using static Compliance.Rules.Tests.Logs.MonitoringFixtures;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.Logs;

public sealed class RootUsageAlarmedTests
{
    private readonly RootUsageAlarmed _rule = new();

    [Fact]
    public void The_cis_filter_with_a_notifying_alarm_passes_per_account()
    {
        var finding = Judge(_rule, Monitored("RootAccountUsage"));

        Assert.Equal(ComplianceStatus.Pass, finding.Status);
        Assert.Equal(new ResourceRef(ResourceTypes.Account, Account, null, "global", Account), finding.Resource);
        Assert.Equal($"covered: filter cis-RootAccountUsage → alarm CIS-RootAccountUsage → {TopicArn}", finding.Evidence["events.rootUsage"]);
        Assert.Equal($"arn:aws:logs:{Region}:{Account}:log-group:{TrailLogGroup}", finding.Evidence["logGroups"]);
    }

    [Fact]
    public void A_filter_that_misses_root_console_sign_in_fails_naming_the_missed_event()
    {
        var inventory = Monitored("RootAccountUsage") with
        {
            MetricFilters = [Filter("RootAccountUsage", """{ $.userIdentity.type = "Root" && $.eventType = "AwsApiCall" }""")],
        };

        var finding = Judge(_rule, inventory);

        Assert.Equal(ComplianceStatus.Fail, finding.Status);
        Assert.Equal($"Account {Account}: no metric filter on {TrailLogGroup} matches root user usage for root console sign-in (CloudWatch.1).", finding.Message);
    }

    [Theory]
    [InlineData(0, true, "has no confirmed subscription")]
    [InlineData(1, false, "has its actions disabled")]
    public void An_alarm_that_reaches_nobody_does_not_count(int confirmed, bool actionsEnabled, string reason)
    {
        var inventory = Monitored("RootAccountUsage") with
        {
            SnsTopics = [Topic(confirmed)],
            CloudWatchAlarms = [Alarm("RootAccountUsage") with { ActionsEnabled = actionsEnabled }],
        };

        var finding = Judge(_rule, inventory);

        Assert.Equal(ComplianceStatus.Fail, finding.Status);
        Assert.Contains("metric filter cis-RootAccountUsage matches, but its alarm CIS-RootAccountUsage notifies no confirmed subscriber", finding.Message, StringComparison.Ordinal);
        Assert.Contains(reason, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_filter_without_an_alarm_on_its_metric_fails()
    {
        var inventory = Monitored("RootAccountUsage") with { CloudWatchAlarms = [Alarm("RootAccountUsage") with { MetricName = "RootUsage" }] };

        Assert.Contains("no alarm watches its metric CISBenchmark/RootAccountUsage", Judge(_rule, inventory).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Filters_on_another_log_group_or_in_unknown_syntax_do_not_count()
    {
        var elsewhere = Monitored("RootAccountUsage") with { MetricFilters = [Filter("RootAccountUsage", logGroup: "/aws/lambda/app")] };
        var textual = Monitored("RootAccountUsage") with { MetricFilters = [Filter("RootAccountUsage", "\"Root\"")] };

        Assert.Equal(ComplianceStatus.Fail, Judge(_rule, elsewhere).Status);
        Assert.Equal(ComplianceStatus.Fail, Judge(_rule, textual).Status);
    }

    [Fact]
    public void A_trail_that_is_not_multi_region_or_not_delivering_to_logs_fails()
    {
        var regional = Monitored("RootAccountUsage") with { Trails = [Trail() with { IsMultiRegionTrail = false }] };
        var s3Only = Monitored("RootAccountUsage") with { Trails = [Trail() with { CloudWatchLogsLogGroupArn = null }] };
        var none = Monitored("RootAccountUsage") with { Trails = [] };

        Assert.Equal($"Account {Account} has no logging multi-Region trail that records all management events and delivers them to CloudWatch Logs: trail audit is single-Region.",
            Judge(_rule, regional).Message);
        Assert.Equal(ComplianceStatus.Fail, Judge(_rule, s3Only).Status);
        Assert.Equal($"Account {Account} has no CloudTrail trail, so no management events reach CloudWatch Logs to be alarmed on.", Judge(_rule, none).Message);
    }

    [Fact]
    public void Unknowns_give_an_error_never_a_pass()
    {
        var unknownCount = Monitored("RootAccountUsage") with { SnsTopics = [Topic(null)] };
        var topicMissing = Monitored("RootAccountUsage") with { SnsTopics = [] };
        var filtersDenied = Monitored("RootAccountUsage") with
        {
            MetricFilters = [],
            CollectionErrors = [new CollectionError { Service = "logs", Operation = "DescribeMetricFilters", Region = Region, ResourceType = ResourceTypes.LogsMetricFilter, ErrorCode = "AccessDeniedException", Message = "denied" }],
        };
        var loggingUnknown = Monitored("RootAccountUsage") with { Trails = [Trail() with { IsLogging = null }] };
        var orgTrail = Monitored("RootAccountUsage") with { Trails = [Trail("org", "210987654321") with { IsOrganizationTrail = true }] };

        Assert.All([unknownCount, topicMissing, filtersDenied, loggingUnknown, orgTrail], i => Assert.Equal(ComplianceStatus.Error, Judge(_rule, i).Status));
        Assert.Contains("metric filters in eu-west-1 could not be listed (DescribeMetricFilters: AccessDeniedException)", Judge(_rule, filtersDenied).Message, StringComparison.Ordinal);
    }
}
