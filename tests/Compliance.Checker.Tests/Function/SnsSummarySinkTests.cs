using System.Globalization;
using System.Net;
using System.Text;
using Compliance.Checker.Engine;
using Compliance.Checker.Function;
using Compliance.Checker.Function.Sinks;
using Compliance.Checker.Remediation;
using Outcome = Compliance.Checker.Remediation.RemediationStatus;
using Compliance.Checker.Reporting;
using Compliance.Checker.Tests.Live;
using Compliance.Rules;
using static Compliance.Checker.Tests.Live.SnsResponses;

namespace Compliance.Checker.Tests.Function;

public sealed class SnsSummarySinkTests
{
    private const string TopicArn = "arn:aws:sns:us-east-1:123456789012:compliance-alerts";
    private const string MessageId = "567910cd-659e-55d4-8ccb-5aaf14679dc0";
    private const string ReportAt = "s3://compliance-reports-123456789012/reports/123456789012/2026/11/22/20261122T020312Z-scan.json";

    private static FakeAws PublishAnswers(params Func<FakeRequest, HttpResponseMessage>[] replies) =>
        new FakeAws().On("sns", "Publish", replies.Length == 0 ? [Published(MessageId)] : replies);

    private static async Task<(SinkResult Result, FakeAws Aws)> Deliver(ScanReport report, RemediationRun? remediation = null,
        Severity min = Severity.Medium, FakeAws? aws = null, string topic = TopicArn)
    {
        aws ??= PublishAnswers();
        using var session = aws.Session(); // default region eu-west-1: the topic's region must come from its ARN
        var result = await new SnsSummarySink(session, topic, min).DeliverAsync(report, remediation, ReportAt, default);
        return (result, aws);
    }

    [Fact]
    public async Task Publishes_to_the_topics_region_with_subject_message_and_attributes_as_query_form_fields()
    {
        var report = await SinkReports.Noncompliant();

        var (result, aws) = await Deliver(report);

        Assert.Equal(new SinkResult("sns", true, MessageId, result.Detail), result);
        var publish = Assert.Single(aws.Requests);
        Assert.Equal(("sns", "us-east-1", "POST", "/"), (publish.Service, publish.Region, publish.Method.Method, publish.Path));
        Assert.Equal(("Publish", "2010-03-31", TopicArn), (publish.Param("Action"), publish.Param("Version"), publish.Param("TopicArn")));

        var fails = report.Findings.Where(f => f.Status == ComplianceStatus.Fail).ToList();
        var expectedSubject = $"Compliance 123456789012 {report.Score!.Value.ToString("0.0", CultureInfo.InvariantCulture)} - {fails.Count} FAIL " +
            $"({fails.Count(f => f.Severity == Severity.Critical)} critical, {fails.Count(f => f.Severity == Severity.High)} high) - incomplete";
        Assert.Equal(expectedSubject, publish.Param("Subject"));

        var attributes = Enumerable.Range(1, 3).Select(i => (
            Name: publish.Param($"MessageAttributes.entry.{i}.Name"),
            Type: publish.Param($"MessageAttributes.entry.{i}.Value.DataType"),
            Value: publish.Param($"MessageAttributes.entry.{i}.Value.StringValue"))).ToList();
        Assert.Equal(
            [("severity", "String", "CRITICAL"), ("score", "Number", report.Score.Value.ToString("0.0", CultureInfo.InvariantCulture)), ("failCount", "Number", fails.Count.ToString(CultureInfo.InvariantCulture))],
            attributes);
        Assert.Null(publish.Param("MessageAttributes.entry.4.Name"));
        Assert.Equal((null, null), (publish.Param("MessageGroupId"), publish.Param("MessageDeduplicationId"))); // not allowed on standard topics

        var message = publish.Param("Message")!;
        Assert.Equal(new SummaryComposer(Severity.Medium).Compose(report, null, ReportAt).Message, message); // survives the form encoding
        Assert.Contains($"Full report: {ReportAt}", message, StringComparison.Ordinal);
        Assert.Contains("INCOMPLETE: 1 collection error(s)", message, StringComparison.Ordinal);
        Assert.Contains($"Findings: {report.Findings.Count} - FAIL {fails.Count}, ERROR {report.Findings.Count(f => f.Status == ComplianceStatus.Error)}", message, StringComparison.Ordinal);
        Assert.DoesNotContain("[truncated", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_subject_is_short_printable_ascii_on_one_line()
    {
        var report = await SinkReports.Noncompliant();
        var odd = report with { Scope = report.Scope with { AccountIds = ["1234\u00e9\r\n5678" + new string('9', 150)] } };

        var (_, aws) = await Deliver(odd);

        var subject = Assert.Single(aws.Requests).Param("Subject")!;
        Assert.InRange(subject.Length, 1, 99); // SNS: "less than 100 characters"
        Assert.All(subject, c => Assert.InRange(c, ' ', '~'));
        Assert.StartsWith("Compliance 1234? 5678999", subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_huge_report_is_cut_to_the_budget_and_ends_with_the_truncation_marker()
    {
        var report = await SinkReports.Huge(copies: 2000);
        Assert.True(report.Findings.Count(f => f.Status == ComplianceStatus.Fail && f.Severity >= Severity.Medium) > 5000, $"{report.Findings.Count} findings");

        var (result, aws) = await Deliver(report);

        Assert.True(result.Delivered);
        var publish = Assert.Single(aws.Requests);
        var message = publish.Param("Message")!;
        var attributeBytes = Enumerable.Range(1, 3).Sum(i => new[] { "Name", "Value.DataType", "Value.StringValue" }
            .Sum(part => Encoding.UTF8.GetByteCount(publish.Param($"MessageAttributes.entry.{i}.{part}")!)));
        Assert.InRange(Encoding.UTF8.GetByteCount(message), 200 * 1024, SummaryComposer.DefaultMaxMessageBytes);
        Assert.True(Encoding.UTF8.GetByteCount(message) + attributeBytes + publish.Param("Subject")!.Length < 262_144);

        var full = new SummaryComposer(Severity.Medium, int.MaxValue).Compose(report, null, ReportAt).Message.Split('\n');
        var sent = message.Split('\n');
        var omitted = full.Length - (sent.Length - 1);
        Assert.Equal($"[truncated: {omitted} more lines; full report at {ReportAt}]", sent[^1]);
        Assert.Equal(full[..(sent.Length - 1)], sent[..^1]); // whole lines, in order, from the top
        Assert.Contains($"truncated by {omitted} lines", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_at_or_above_the_minimum_on_a_complete_scan_is_skipped_without_a_call()
    {
        var lowOnly = await LowSeverityRulesOnly();
        Assert.Contains(lowOnly.Findings, f => f.Status == ComplianceStatus.Fail); // LOW failures exist, below MEDIUM

        var (result, aws) = await Deliver(lowOnly, min: Severity.Medium);

        Assert.Equal((false, true, (string?)null), (result.Delivered, result.Skipped, result.Location));
        Assert.Contains("no FAIL or ERROR at MEDIUM or above", result.Detail, StringComparison.Ordinal);
        Assert.Empty(aws.Requests);

        var (compliant, quiet) = await Deliver(await SinkReports.Quiet(), min: Severity.Low);
        Assert.True(compliant.Skipped);
        Assert.Empty(quiet.Requests);
    }

    [Fact]
    public async Task Low_failures_are_sent_when_the_minimum_is_low_and_remediation_alone_is_reason_to_send()
    {
        var lowOnly = await LowSeverityRulesOnly();

        Assert.True((await Deliver(lowOnly, min: Severity.Low)).Result.Delivered);

        var fail = lowOnly.Findings.First(f => f.Status == ComplianceStatus.Fail);
        var planned = new RemediationRun(RemediationMode.DryRun,
            [new RemediationRecord { RuleId = fail.RuleId, Resource = fail.Resource, Outcome = Outcome.Planned, Detail = "Would remove it." }]);
        var (result, aws) = await Deliver(lowOnly, planned, min: Severity.Critical);
        Assert.True(result.Delivered);
        Assert.Contains($"PLANNED {fail.RuleId} {fail.Resource.Id} ({fail.Resource.Region}): Would remove it.", Assert.Single(aws.Requests).Param("Message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_incomplete_scan_is_sent_even_when_nothing_fails_at_the_minimum()
    {
        var inventory = await SinkReports.NoncompliantInventory();
        var rules = RuleRegistry.BuiltIn().Rules.Where(r => r.Descriptor.Severity == Severity.Low).ToList();
        var report = new Scanner().Scan(inventory, rules, new ScanSource("snapshot", "noncompliant.json"), SourceKind.Snapshot);
        Assert.True(report.Incomplete);

        var (result, _) = await Deliver(report, min: Severity.Critical);

        Assert.True(result.Delivered);
    }

    [Fact]
    public async Task A_fifo_topic_gets_a_message_group_and_the_scan_id_as_deduplication_id()
    {
        var report = await SinkReports.Noncompliant();

        var (result, aws) = await Deliver(report, topic: "arn:aws:sns:eu-west-1:123456789012:compliance.fifo");

        Assert.True(result.Delivered);
        var publish = Assert.Single(aws.Requests);
        Assert.Equal(("eu-west-1", "compliance-summary", report.ScanId), (publish.Region, publish.Param("MessageGroupId"), publish.Param("MessageDeduplicationId")));
    }

    [Fact]
    public async Task A_denied_publish_is_reported_not_thrown()
    {
        var denied = PublishAnswers(Error("AuthorizationError",
            $"User: arn:aws:sts::123456789012:assumed-role/compliance-function/fn is not authorized to perform: SNS:Publish on resource: {TopicArn}", HttpStatusCode.Forbidden));

        var (result, aws) = await Deliver(await SinkReports.Noncompliant(), aws: denied);

        Assert.Equal((false, false, (string?)null), (result.Delivered, result.Skipped, result.Location));
        Assert.Contains("AuthorizationError: User: arn:aws:sts::123456789012:assumed-role/compliance-function/fn is not authorized", result.Detail, StringComparison.Ordinal);
        Assert.Single(aws.Requests);
    }

    [Fact]
    public async Task A_topic_arn_that_names_no_region_is_reported_without_a_call()
    {
        var (result, aws) = await Deliver(await SinkReports.Noncompliant(), topic: "arn:aws:sqs:us-east-1:123456789012:not-a-topic");

        Assert.False(result.Delivered);
        Assert.Contains("is not an SNS topic ARN", result.Detail, StringComparison.Ordinal);
        Assert.Empty(aws.Requests);
    }

    /// <summary>The sample judged by its LOW rules only, without its collection error: failures, all below MEDIUM, on a complete scan.</summary>
    private static async Task<ScanReport> LowSeverityRulesOnly()
    {
        var inventory = await SinkReports.NoncompliantInventory() with { CollectionErrors = [] };
        var rules = RuleRegistry.BuiltIn().Rules.Where(r => r.Descriptor.Severity == Severity.Low).ToList();
        var report = new Scanner().Scan(inventory, rules, new ScanSource("snapshot", "noncompliant.json"), SourceKind.Snapshot);
        Assert.False(report.Incomplete);
        Assert.All(report.Findings, f => Assert.Equal(Severity.Low, f.Severity));
        return report;
    }
}
