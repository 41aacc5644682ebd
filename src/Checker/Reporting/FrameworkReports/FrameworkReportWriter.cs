using System.Globalization;
using System.Text.Json;
using Compliance.Checker.Json;
using Compliance.Checker.Reporting.Formats;
using Compliance.Rules;

namespace Compliance.Checker.Reporting.FrameworkReports;

/// <summary>Renders a <see cref="FrameworkReport"/> as text (table), Markdown, JSON or CSV.</summary>
public static class FrameworkReportWriter
{
    public static IReadOnlyList<string> Formats { get; } = ["table", "markdown", "json", "csv"];

    public static async Task WriteAsync(FrameworkReport report, string format, TextWriter output, CancellationToken cancellationToken)
    {
        var text = format switch
        {
            "table" => Table(report),
            "markdown" => Markdown(report),
            "json" => JsonSerializer.Serialize(report, ComplianceJson.Options) + "\n",
            "csv" => Csv(report),
            _ => throw new ArgumentException($"Unknown framework report format '{format}'.", nameof(format)),
        };
        await output.WriteAsync(text.AsMemory(), cancellationToken);
    }

    private static string Heading(FrameworkReport report)
    {
        var score = report.Score is { } s ? $", score {s.ToString("0.0", CultureInfo.InvariantCulture)}" : "";
        return $"{report.Name}: {report.Source.Kind} {report.Source.Location}, scanned {report.ScanFinishedAt.ToString("u", CultureInfo.InvariantCulture)}{score}";
    }

    private static string Totals(FrameworkReport report)
    {
        var byStatus = string.Join(", ", report.Summary.ByStatus.Where(s => s.Value > 0).Select(s => $"{s.Value} {s.Key}"));
        return $"{report.Summary.Requirements} requirements covered ({byStatus}); {report.Summary.NeedingAssessorConfirmation} rest only on inferred or proposed mappings and need an assessor's confirmation.";
    }

    private static string Table(FrameworkReport report)
    {
        string[] header = ["REQUIREMENT", "STATUS", "RULE", "MAPPING", "RULE STATUS", "TITLE"];
        var rows = report.Requirements.SelectMany(r => r.Rules.Select((rule, i) => new[]
        {
            i == 0 ? r.ControlId + (r.NeedsAssessorConfirmation ? " *" : "") : "",
            i == 0 ? r.Status.ToWireName() : "",
            rule.RuleId, rule.Confidence.ToString().ToLowerInvariant(), rule.Status.ToWireName(), rule.Title,
        })).ToList();
        var widths = Enumerable.Range(0, header.Length - 1).Select(c => rows.Select(r => r[c].Length).Append(header[c].Length).Max()).ToList();
        string Line(string[] cells) => string.Join("  ", cells.Select((cell, c) => c < widths.Count ? cell.PadRight(widths[c]) : cell)).TrimEnd();

        var lines = new List<string> { Heading(report), Totals(report), "", Line(header) };
        lines.AddRange(rows.Select(Line));
        lines.Add("");
        lines.Add("* no published mapping: the requirement's status rests on mappings an assessor should confirm.");
        return string.Join('\n', lines) + "\n";
    }

    private static string Markdown(FrameworkReport report)
    {
        var lines = new List<string>
        {
            $"# {report.Name} compliance report",
            "",
            Heading(report) + ".",
            "",
            Totals(report),
            "",
            "| Requirement | Status | Rule | Mapping | Rule status | Title |",
            "|---|---|---|---|---|---|",
        };
        foreach (var requirement in report.Requirements)
        {
            for (var i = 0; i < requirement.Rules.Count; i++)
            {
                var rule = requirement.Rules[i];
                var id = i == 0 ? requirement.ControlId + (requirement.NeedsAssessorConfirmation ? " \\*" : "") : "";
                var status = i == 0 ? $"**{requirement.Status.ToWireName()}**" : "";
                lines.Add($"| {id} | {status} | [{rule.RuleId}](docs/rules/{rule.RuleId}.md) | {rule.Confidence.ToString().ToLowerInvariant()} | {rule.Status.ToWireName()} | {rule.Title.Replace("|", "\\|", StringComparison.Ordinal)} |");
            }
        }

        lines.Add("");
        lines.Add("\\* No published mapping: the requirement's status rests on mappings an assessor should confirm.");
        return string.Join('\n', lines) + "\n";
    }

    private static string Csv(FrameworkReport report)
    {
        string[] header =
        [
            "framework", "requirement", "requirement_status", "needs_assessor_confirmation", "rule_id", "rule_title", "severity",
            "mapping_confidence", "rule_status", "pass", "fail", "error", "exempt", "not_applicable",
        ];
        var lines = new List<string> { string.Join(',', header) };
        foreach (var requirement in report.Requirements)
        {
            foreach (var rule in requirement.Rules)
            {
                string Count(ComplianceStatus status) => rule.Counts.GetValueOrDefault(status.ToWireName()).ToString(CultureInfo.InvariantCulture);
                string[] row =
                [
                    report.Framework, requirement.ControlId, requirement.Status.ToWireName(), requirement.NeedsAssessorConfirmation ? "true" : "false",
                    rule.RuleId, rule.Title, rule.Severity?.ToWireName() ?? "", rule.Confidence.ToString().ToLowerInvariant(), rule.Status.ToWireName(),
                    Count(ComplianceStatus.Pass), Count(ComplianceStatus.Fail), Count(ComplianceStatus.Error), Count(ComplianceStatus.Exempt), Count(ComplianceStatus.NotApplicable),
                ];
                lines.Add(string.Join(',', row.Select(CsvReportWriter.Quote)));
            }
        }

        return string.Join('\n', lines) + "\n";
    }
}
