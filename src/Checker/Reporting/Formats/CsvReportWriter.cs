using System.Text;
using Compliance.Rules;

namespace Compliance.Checker.Reporting.Formats;

/// <summary>One row per finding, RFC 4180 quoting, with a header row.</summary>
public sealed class CsvReportWriter : IReportWriter
{
    public static IReadOnlyList<string> Header { get; } =
        ["rule_id", "status", "severity", "resource_type", "resource_id", "resource_arn", "region", "account_id", "message", "evidence", "help_link"];

    public string Format => "csv";

    public async Task WriteAsync(ScanReport report, TextWriter output, CancellationToken cancellationToken)
    {
        var links = report.Rules.ToDictionary(r => r.RuleId, r => r.HelpLink);
        await output.WriteLineAsync(string.Join(',', Header));
        foreach (var f in FindingOrder.Sort(report.Findings))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var evidence = string.Join("; ", f.Evidence.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}={e.Value}"));
            string[] row =
            [
                f.RuleId, f.Status.ToWireName(), f.Severity.ToWireName(), f.Resource.Type, f.Resource.Id, f.Resource.Arn ?? "",
                f.Resource.Region, f.Resource.AccountId, f.Message, evidence, links.GetValueOrDefault(f.RuleId, ""),
            ];
            await output.WriteLineAsync(string.Join(',', row.Select(Quote)));
        }
    }

    /// <summary>Quotes a field when it holds a comma, quote or line break; a leading formula character is neutralised for spreadsheets.</summary>
    public static string Quote(string field)
    {
        if (field.Length > 0 && "=+-@".Contains(field[0], StringComparison.Ordinal))
        {
            field = "'" + field;
        }

        if (field.IndexOfAny([',', '"', '\n', '\r']) < 0)
        {
            return field;
        }

        return new StringBuilder("\"").Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"').ToString();
    }
}
