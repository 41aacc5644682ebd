using System.Text.Json;
using Compliance.Checker.Json;

namespace Compliance.Checker.Reporting.Formats;

/// <summary>The full report as JSON (docs/report-format.md).</summary>
public sealed class JsonReportWriter : IReportWriter
{
    public string Format => "json";

    public async Task WriteAsync(ScanReport report, TextWriter output, CancellationToken cancellationToken)
    {
        await output.WriteAsync(JsonSerializer.Serialize(report, ComplianceJson.TypeInfo<ScanReport>()).AsMemory(), cancellationToken);
        await output.WriteLineAsync();
    }
}
