using Compliance.Rules.CloudWatch;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.Logs.MonitoringFixtures;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.CloudWatch;

public sealed class SecurityAlarmsNotifyTests
{
    private readonly SecurityAlarmsNotify _rule = new();

    private static string Arn(string name) => $"arn:aws:sns:{Region}:{Account}:{name}";

    private static SnsTopic NamedTopic(string name, int? confirmed = 1, string? key = KeyArn) =>
        Topic(confirmed, key) with { Id = Arn(name), Arn = Arn(name) };

    private static CloudWatchAlarm Named(string name, string metric, string topic) =>
        Alarm(metric, topic) with { Id = name, Arn = $"arn:aws:cloudwatch:{Region}:{Account}:alarm:{name}" };

    [Fact]
    public void Security_alarms_fail_unless_enabled_and_sent_to_a_subscribed_customer_key_topic()
    {
        var inventory = BaseInventory with
        {
            Trails = [Trail()],
            KmsKeys = [Key],
            MetricFilters = [Filter("RootAccountUsage"), Filter("VPCChanges"), Filter("CloudTrailChanges"), Filter("NACLChanges")],
            SnsTopics =
            [
                NamedTopic("security-alerts"), NamedTopic("plain", key: null), NamedTopic("aws-key", key: "alias/aws/sns"),
                NamedTopic("unsubscribed", confirmed: 0),
            ],
            CloudWatchAlarms =
            [
                Named("pass-root", "RootAccountUsage", Arn("security-alerts")),
                Named("fail-disabled", "VPCChanges", Arn("security-alerts")) with { ActionsEnabled = false },
                Named("fail-plain-topic", "CloudTrailChanges", Arn("plain")),
                Named("fail-aws-key", "NACLChanges", Arn("aws-key")),
                Named("fail-security-unsubscribed", "HighErrorRate", Arn("unsubscribed")) with { Namespace = "Orders" },
                Named("fail-security-autoscaling-only", "Guard", "arn:aws:autoscaling:eu-west-1:123456789012:scalingPolicy:1a2b:autoScalingGroupName/web:policyName/out") with { Namespace = "Custom" },
                Named("orders-latency", "Latency", Arn("plain")) with { Namespace = "Orders" },
            ],
        };

        var findings = ExactFailing(_rule, inventory, "fail-disabled", "fail-plain-topic", "fail-aws-key", "fail-security-unsubscribed", "fail-security-autoscaling-only");

        Assert.DoesNotContain(findings, f => f.Resource.Id == "orders-latency"); // not a security alarm: no finding
        Assert.Equal($"metric CISBenchmark/RootAccountUsage of metric filter cis-RootAccountUsage on CloudTrail log group {TrailLogGroup}", findings.Single(f => f.Resource.Id == "pass-root").Evidence["securityAlarmBecause"]);
        Assert.Equal("name matches *security*", findings.Single(f => f.Resource.Id == "fail-security-unsubscribed").Evidence["securityAlarmBecause"]);
    }

    [Fact]
    public void The_failure_names_the_topic_and_what_is_wrong_with_it()
    {
        var inventory = BaseInventory with
        {
            SnsTopics = [NamedTopic("plain", confirmed: 0, key: null)],
            CloudWatchAlarms = [Named("CIS-4.3-RootAccountUsage", "RootAccountUsage", Arn("plain"))],
        };

        var finding = Assert.Single(Evaluate(_rule, inventory));

        Assert.Equal(ComplianceStatus.Fail, finding.Status);
        Assert.Equal($"Security alarm CIS-4.3-RootAccountUsage (name matches cis-*) notifies no subscribed, customer-key-encrypted SNS topic: topic {Arn("plain")} has no confirmed subscription and is not encrypted.", finding.Message);
        Assert.Equal(("true", Arn("plain")), (finding.Evidence["actionsEnabled"], finding.Evidence["alarmActions"]));
    }

    [Fact]
    public void One_good_topic_among_several_is_enough_and_unknowns_are_errors()
    {
        var inventory = BaseInventory with
        {
            KmsKeys = [Key],
            SnsTopics = [NamedTopic("plain", key: null), NamedTopic("security-alerts"), NamedTopic("count-unknown", confirmed: null)],
            CloudWatchAlarms =
            [
                Named("pass-security-two-topics", "A", Arn("plain")) with { AlarmActions = [Arn("plain"), Arn("security-alerts")] },
                Named("security-cross-account", "B", "arn:aws:sns:eu-west-1:210987654321:org-security"),
                Named("security-count-unknown", "C", Arn("count-unknown")),
                Named("security-actions-unknown", "D", Arn("security-alerts")) with { ActionsEnabled = null },
            ],
        };

        var findings = ExactFailing(_rule, inventory);

        Assert.All(findings.Where(f => !f.Resource.Id.StartsWith("pass-", StringComparison.Ordinal)), f => Assert.Equal(ComplianceStatus.Error, f.Status));
        Assert.Contains("topic arn:aws:sns:eu-west-1:210987654321:org-security is not in the inventory", findings.Single(f => f.Resource.Id == "security-cross-account").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parameters_choose_which_alarms_are_security_alarms()
    {
        var inventory = BaseInventory with
        {
            Trails = [Trail()],
            MetricFilters = [Filter("RootAccountUsage")],
            SnsTopics = [NamedTopic("plain", key: null)],
            CloudWatchAlarms = [Named("root", "RootAccountUsage", Arn("plain")), Named("soc-guardduty", "Findings", Arn("plain")) with { Namespace = "Custom" }],
        };

        Assert.Equal(["root"], Evaluate(_rule, inventory).Select(f => f.Resource.Id));
        var overridden = Evaluate(_rule, inventory, new Dictionary<string, string> { ["securityAlarmNamePatterns"] = "soc-*", ["includeTrailMetricFilterAlarms"] = "false" });
        Assert.Equal(["soc-guardduty"], overridden.Select(f => f.Resource.Id));
    }
}
