using System.Globalization;
using Compliance.Checker.Remediation;
using Compliance.Checker.Reporting;
using Compliance.Checker.Reporting.Formats;
using Compliance.Rules;
using Outcome = Compliance.Checker.Remediation.RemediationStatus;

namespace Compliance.Checker.Function.Sinks;

/// <summary>
/// Writes the plain-text SNS summary: score, counts per severity and status, the top failing rules, remediation,
/// whether the scan was incomplete and where the full report is; then, as far as the size budget allows, every
/// FAIL and ERROR at or above the minimum severity, every remediation record that did something, and every collection error.
/// </summary>
public sealed class SummaryComposer(Severity minSeverity, int maxMessageBytes = SummaryComposer.DefaultMaxMessageBytes)
{
    /// <summary>SNS allows 256 KiB (262,144 bytes) for the message and its attributes together; 240 KiB leaves a margin.</summary>
    public const int DefaultMaxMessageBytes = 240 * 1024;

    /// <summary>At most this many rules in the "top failing rules" list.</summary>
    public const int TopRules = 10;

    private static readonly string[] Statuses = ["FAIL", "ERROR", "PASS", "EXEMPT", "NOT_APPLICABLE"];

    /// <summary>Why nothing should be sent, or null: sent when a FAIL or ERROR is at or above the minimum, remediation did something, or the scan is incomplete.</summary>
    public string? ReasonToSkip(ScanReport report, RemediationRun? remediation) =>
        Notable(report).Any() || Acted(remediation).Any() || report.Incomplete
            ? null
            : $"Nothing to notify: no FAIL or ERROR at {minSeverity.ToWireName()} or above, no remediation planned or applied, and the scan is complete.";

    public ScanSummary Compose(ScanReport report, RemediationRun? remediation, string? reportLocation)
    {
        var lines = Overview(report, remediation, reportLocation).Concat(Details(report, remediation)).Select(OneLine).ToList();
        var (message, omitted) = MessageBudget.Fit(lines, maxMessageBytes, reportLocation);
        return new ScanSummary(SummaryHeadline.Subject(report), message, SummaryHeadline.Attributes(report), omitted);
    }

    private IEnumerable<string> Overview(ScanReport report, RemediationRun? remediation, string? reportLocation)
    {
        yield return $"Compliance scan of account {SummaryHeadline.Account(report)}: score {SummaryHeadline.Score(report) ?? "n/a (nothing scored)"}";
        yield return string.Create(CultureInfo.InvariantCulture,
            $"Scan {report.ScanId} finished {report.FinishedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC; {report.Source.Kind} {report.Source.Location}; regions {string.Join(", ", report.Scope.Regions)}; {report.Rules.Count} rules.");
        yield return reportLocation is null ? "Full report: not stored." : $"Full report: {reportLocation}";
        if (report.Incomplete)
        {
            yield return $"INCOMPLETE: {report.CollectionErrors.Count} collection error(s); verdicts that needed the missing data are ERROR, not PASS.";
        }

        yield return "";
        yield return $"Findings: {report.Summary.Total} - {Counts(report.Summary.ByStatus)}";
        foreach (var (severity, counts) in report.Summary.BySeverity)
        {
            yield return $"  {severity,-8} {Counts(counts)}";
        }

        yield return "";
        var rules = TopFailingRules(report);
        yield return rules.Count == 0
            ? $"No FAIL or ERROR at {minSeverity.ToWireName()} or above."
            : $"Top failing rules (FAIL or ERROR at {minSeverity.ToWireName()} or above, most severe first):";
        foreach (var rule in rules.Take(TopRules))
        {
            yield return $"  {rule.Severity.ToWireName(),-8} {rule.RuleId}: {rule.Fail} FAIL, {rule.Error} ERROR - {rule.Title}";
        }

        if (rules.Count > TopRules)
        {
            yield return $"  ... and {rules.Count - TopRules} more rules";
        }

        yield return "";
        yield return remediation is null
            ? "Remediation: not run."
            : $"Remediation ({remediation.Mode}): {remediation.Count(Outcome.Applied)} applied, {remediation.Count(Outcome.Planned)} planned, " +
              $"{remediation.Count(Outcome.Failed)} failed, {remediation.Count(Outcome.Skipped)} skipped.";
    }

    private IEnumerable<string> Details(ScanReport report, RemediationRun? remediation)
    {
        var acted = Acted(remediation).OrderBy(r => r.Outcome == Outcome.Failed ? 0 : 1).ToList();
        if (acted.Count > 0)
        {
            yield return "";
            yield return "Remediation records:";
            foreach (var record in acted)
            {
                yield return $"  {record.Outcome.ToString().ToUpperInvariant()} {record.RuleId} {Describe(record.Resource)}: {record.Detail}";
            }
        }

        if (report.Incomplete)
        {
            yield return "";
            yield return "Collection errors:";
            foreach (var error in report.CollectionErrors)
            {
                yield return $"  {error.Service}:{error.Operation} {error.Region} {error.ErrorCode}{(error.ResourceId is null ? "" : $" ({error.ResourceId})")}: {error.Message}";
            }
        }

        var notable = FindingOrder.Sort(Notable(report)).ToList();
        if (notable.Count > 0)
        {
            yield return "";
            yield return $"Findings at {minSeverity.ToWireName()} or above ({notable.Count}):";
            foreach (var finding in notable)
            {
                yield return $"  {finding.Severity.ToWireName()} {finding.Status.ToWireName()} {finding.RuleId} {Describe(finding.Resource)}: {finding.Message}";
            }
        }
    }

    private List<(string RuleId, Severity Severity, int Fail, int Error, string Title)> TopFailingRules(ScanReport report)
    {
        var titles = report.Rules.ToDictionary(r => r.RuleId, r => r.Title, StringComparer.Ordinal);
        return Notable(report)
            .GroupBy(f => f.RuleId, StringComparer.Ordinal)
            .Select(g => (RuleId: g.Key, Severity: g.Max(f => f.Severity), Fail: g.Count(f => f.Status == ComplianceStatus.Fail),
                Error: g.Count(f => f.Status == ComplianceStatus.Error), Title: titles.GetValueOrDefault(g.Key, "")))
            .OrderByDescending(r => r.Severity).ThenByDescending(r => r.Fail).ThenByDescending(r => r.Error)
            .ThenBy(r => r.RuleId, Engine.RuleIdComparer.Instance)
            .ToList();
    }

    private IEnumerable<Finding> Notable(ScanReport report) =>
        report.Findings.Where(f => f.Status is ComplianceStatus.Fail or ComplianceStatus.Error && f.Severity >= minSeverity);

    private static IEnumerable<RemediationRecord> Acted(RemediationRun? remediation) =>
        remediation?.Records.Where(r => r.Outcome is Outcome.Applied or Outcome.Planned or Outcome.Failed) ?? [];

    private static string Counts(IReadOnlyDictionary<string, int> byStatus) =>
        string.Join(", ", Statuses.Select(s => $"{s} {byStatus.GetValueOrDefault(s)}"));

    private static string Describe(ResourceRef resource) => $"{resource.Id} ({resource.Region})";

    /// <summary>A line never breaks: line breaks and other control characters inside values become spaces.</summary>
    private static string OneLine(string line) => string.Concat(line.Select(c => char.IsControl(c) ? ' ' : c));
}
