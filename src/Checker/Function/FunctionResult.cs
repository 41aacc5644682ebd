using Compliance.Checker.Function.Sinks;

namespace Compliance.Checker.Function;

/// <summary>
/// What every invocation returns (as JSON): "ok" with the scan's outcome, "ignored" with the reason, or "error" with
/// a clear message. Never an unhandled exception.
/// </summary>
public sealed record FunctionResult
{
    /// <summary>ok, ignored or error.</summary>
    public required string Status { get; init; }

    /// <summary>Why an event was ignored or rejected.</summary>
    public string? Reason { get; init; }

    /// <summary>scheduled, security-group-change or on-demand.</summary>
    public string? Trigger { get; init; }

    public string? ScanId { get; init; }
    public double? Score { get; init; }
    public IReadOnlyDictionary<string, int>? Counts { get; init; }

    /// <summary>True when some data could not be collected, so some verdicts are ERROR.</summary>
    public bool? Incomplete { get; init; }

    public string? ReportLocation { get; init; }
    public IReadOnlyList<SinkResult> Sinks { get; init; } = [];

    /// <summary>off, dry-run or enforce, and how many remediations were planned, applied, failed and skipped.</summary>
    public RemediationSummary? Remediation { get; init; }

    public static FunctionResult Rejected(string reason) => new() { Status = "error", Reason = reason };

    public static FunctionResult Ignoring(string reason) => new() { Status = "ignored", Reason = reason };
}

public sealed record RemediationSummary(string Mode, int Planned, int Applied, int Failed, int Skipped);
