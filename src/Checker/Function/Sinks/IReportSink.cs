using Compliance.Checker.Remediation;
using Compliance.Checker.Reporting;

namespace Compliance.Checker.Function.Sinks;

/// <summary>Where a finished scan goes (the S3 report, the SNS summary). A sink never throws: it reports how delivery went.</summary>
public interface IReportSink
{
    /// <summary>"s3" or "sns".</summary>
    string Name { get; }

    /// <param name="report">The scan.</param>
    /// <param name="remediation">What remediation planned and did, when it ran.</param>
    /// <param name="reportLocation">Where the full report was stored, when an earlier sink stored it (the SNS summary links it).</param>
    /// <param name="cancellationToken">Stops delivery.</param>
    Task<SinkResult> DeliverAsync(ScanReport report, RemediationRun? remediation, string? reportLocation, CancellationToken cancellationToken);
}

/// <summary>How one delivery went. Location: the S3 URI or the SNS message id. Skipped: delivered nothing on purpose, with the reason in Detail.</summary>
public sealed record SinkResult(string Sink, bool Delivered, string? Location, string? Detail, bool Skipped = false);
