using System.Text.Json;
using Compliance.Checker.Json;
using Compliance.Checker.Snapshots;

namespace Compliance.Checker.Reporting.FrameworkReports;

/// <summary>The parts of a saved JSON scan report (docs/report-format.md) a framework report needs; the rest is skipped.</summary>
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip)]
public sealed record SavedScanReport
{
    public required string SchemaVersion { get; init; }
    public required ScanSource Source { get; init; }
    public required DateTimeOffset FinishedAt { get; init; }
    public double? Score { get; init; }
    public required IReadOnlyList<RuleSummary> Rules { get; init; }
    public required IReadOnlyList<FrameworkSummary> Frameworks { get; init; }

    /// <summary>Reads a report written by `compliance scan --format json` or by the function to S3.</summary>
    /// <exception cref="InputException">The file is missing, unreadable, not JSON, or not a scan report of a known schema.</exception>
    public static async Task<SavedScanReport> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = File.OpenRead(path);
            var report = await JsonSerializer.DeserializeAsync<SavedScanReport>(stream, ComplianceJson.Options, cancellationToken)
                ?? throw new InputException($"{path}: the file holds JSON null, not a scan report.");
            if (report.SchemaVersion.Split('.')[0] != ScanReport.CurrentSchemaVersion.Split('.')[0])
            {
                throw new InputException($"{path}: scan report schema {report.SchemaVersion} is not supported (this version reads {ScanReport.CurrentSchemaVersion}).");
            }

            return report;
        }
        catch (JsonException ex)
        {
            throw new InputException($"{path}: not a scan report: {ex.Message}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{path}: cannot read the scan report: {ex.Message}");
        }
    }

    public FrameworkReport For(string framework) => FrameworkReport.From(framework, Source, FinishedAt, Score, Rules, Frameworks);
}
