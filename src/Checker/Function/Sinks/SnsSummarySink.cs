using Compliance.Checker.Live;
using Compliance.Checker.Live.Clients.SimpleNotificationService;
using Compliance.Checker.Remediation;
using Compliance.Checker.Reporting;
using Compliance.Rules;

namespace Compliance.Checker.Function.Sinks;

/// <summary>
/// Publishes a plain-text summary of the scan to an SNS topic (in the topic ARN's region), with the message attributes
/// severity, score and failCount for subscription filter policies. Publishes only when there is something at or above
/// the minimum severity, remediation did something, or the scan is incomplete; otherwise the delivery is Skipped.
/// </summary>
public sealed class SnsSummarySink(AwsSession session, string topicArn, Severity minSeverity) : IReportSink
{
    /// <summary>
    /// What the function's role needs: sns:Publish on the topic; for a topic encrypted with a customer managed key, the
    /// SNS guide ("Key management") requires the publisher to hold kms:GenerateDataKey (the guide grants kms:GenerateDataKey*)
    /// and kms:Decrypt on that key.
    /// </summary>
    public static IReadOnlyList<string> RequiredActions { get; } = ["sns:Publish", "kms:GenerateDataKey", "kms:Decrypt"];

    public string Name => "sns";

    /// <summary>The region of an SNS topic ARN (arn:partition:sns:region:account:name), or null when it is not one.</summary>
    public static string? TopicRegion(string arn) =>
        arn.Split(':') is [ "arn", { Length: > 0 }, "sns", { Length: > 0 } region, { Length: > 0 }, { Length: > 0 } ] ? region : null;

    public async Task<SinkResult> DeliverAsync(ScanReport report, RemediationRun? remediation, string? reportLocation, CancellationToken cancellationToken)
    {
        try
        {
            var composer = new SummaryComposer(minSeverity);
            if (composer.ReasonToSkip(report, remediation) is { } reason)
            {
                return new SinkResult(Name, false, null, reason, Skipped: true);
            }

            if (TopicRegion(topicArn) is not { } region)
            {
                return new SinkResult(Name, false, null, $"'{topicArn}' is not an SNS topic ARN (arn:partition:sns:region:account:name).");
            }

            var summary = composer.Compose(report, remediation, reportLocation);
            var fifo = topicArn.EndsWith(".fifo", StringComparison.Ordinal); // FIFO topics require a group; the scan id makes a retry a duplicate
            var response = await SimpleNotificationServiceClient.For(session, region).PublishAsync(new PublishRequest
            {
                TopicArn = topicArn,
                Subject = summary.Subject,
                Message = summary.Message,
                MessageAttributes = summary.Attributes,
                MessageGroupId = fifo ? "compliance-summary" : null,
                MessageDeduplicationId = fifo ? report.ScanId : null,
            }, cancellationToken);
            return new SinkResult(Name, true, response.MessageId,
                $"Published to {topicArn}{(summary.OmittedLines > 0 ? $", truncated by {summary.OmittedLines} lines" : "")}.");
        }
        catch (Exception ex) // a sink never throws: denied, throttled past retries, unreachable, cancelled
        {
            return new SinkResult(Name, false, null, $"Publish to {topicArn} failed: {SinkFailure.Describe(ex)}");
        }
    }
}
