namespace Compliance.Checker.Cli;

/// <summary>The documented exit codes of `compliance` (README, "Exit codes").</summary>
public static class ExitCodes
{
    /// <summary>No FAIL or ERROR finding at or above --fail-on (or no --fail-on given).</summary>
    public const int Ok = 0;

    /// <summary>At least one FAIL or ERROR finding at or above --fail-on.</summary>
    public const int FindingsAtOrAboveThreshold = 1;

    /// <summary>Usage or input error: bad arguments, unreadable or invalid snapshot, unknown rule, duplicate rule ids.</summary>
    public const int UsageOrInput = 2;

    /// <summary>
    /// The scan is incomplete: some data could not be collected (access denied, throttled, unreachable, deadline), so
    /// some verdicts are ERROR. A definite FAIL at or above --fail-on still exits 1.
    /// </summary>
    public const int Incomplete = 3;

    /// <summary>A defect in the checker itself (sysexits EX_SOFTWARE): reported in one line, never as a stack trace.</summary>
    public const int InternalError = 70;

    /// <summary>
    /// The exit code of a finished scan: a FAIL at or above the threshold is 1 (definite violations come first);
    /// otherwise an incomplete scan is 3; otherwise an ERROR at or above the threshold is 1; otherwise 0.
    /// </summary>
    public static int For(Reporting.ScanReport report, Rules.Severity? threshold)
    {
        bool AtOrAbove(Rules.ComplianceStatus status) =>
            threshold is { } t && report.Findings.Any(f => f.Status == status && f.Severity >= t);

        return AtOrAbove(Rules.ComplianceStatus.Fail) ? FindingsAtOrAboveThreshold
            : report.Incomplete ? Incomplete
            : AtOrAbove(Rules.ComplianceStatus.Error) ? FindingsAtOrAboveThreshold
            : Ok;
    }
}
