namespace Compliance.Checker.Reporting.Formats;

/// <summary>Renders a report in one output format.</summary>
public interface IReportWriter
{
    /// <summary>The --format name.</summary>
    string Format { get; }

    Task WriteAsync(ScanReport report, TextWriter output, CancellationToken cancellationToken);
}

/// <summary>The writers by --format name.</summary>
public static class ReportWriters
{
    public static IReadOnlyList<string> Names { get; } = ["table", "json", "csv", "sarif", "ocsf"];

    /// <summary>The writer for a format; <paramref name="colour"/> applies to the table only.</summary>
    public static IReportWriter For(string format, bool colour) => format switch
    {
        "table" => new TableReportWriter(colour),
        "json" => new JsonReportWriter(),
        "csv" => new CsvReportWriter(),
        "sarif" => new SarifReportWriter(),
        "ocsf" => new OcsfReportWriter(),
        _ => throw new ArgumentException($"Unknown format '{format}'; expected one of {string.Join(", ", Names)}."),
    };
}
