using Compliance.Rules;
using Spectre.Console;

namespace Compliance.Checker.Reporting.Formats;

/// <summary>
/// A console table of the findings that need attention (FAIL, ERROR, EXEMPT), most severe first,
/// followed by the summary line and the score.
/// </summary>
public sealed class TableReportWriter(bool colour) : IReportWriter
{
    public string Format => "table";

    /// <summary>Also list PASS and NOT_APPLICABLE findings.</summary>
    public bool IncludePassing { get; init; }

    public Task WriteAsync(ScanReport report, TextWriter output, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = colour ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = colour ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = colour ? TerminalWidth() : 200;

        var shown = FindingOrder.Sort(report.Findings)
            .Where(f => IncludePassing || f.Status is ComplianceStatus.Fail or ComplianceStatus.Error or ComplianceStatus.Exempt)
            .ToList();
        if (shown.Count > 0)
        {
            var table = new Table().Border(TableBorder.Rounded)
                .AddColumn("Severity").AddColumn("Status").AddColumn("Rule").AddColumn("Resource").AddColumn("Region").AddColumn("Message");
            foreach (var f in shown)
            {
                table.AddRow(
                    new Markup(Markup.Escape(f.Severity.ToWireName()), SeverityStyle(f.Severity)),
                    new Markup(Markup.Escape(f.Status.ToWireName()), StatusStyle(f.Status)),
                    new Text(f.RuleId),
                    new Text(f.Resource.Id),
                    new Text(f.Resource.Region),
                    new Text(f.Message));
            }

            console.Write(table);
        }

        foreach (var line in SummaryLines(report))
        {
            console.MarkupLine(line);
        }

        return Task.CompletedTask;
    }

    /// <summary>The terminal's width when there is one; redirected output gets a fixed, wide layout.</summary>
    private static int TerminalWidth()
    {
        try
        {
            return Math.Max(Console.WindowWidth, 80);
        }
        catch (IOException)
        {
            return 200;
        }
    }

    private static IEnumerable<string> SummaryLines(ScanReport report)
    {
        var s = report.Summary.ByStatus;
        var score = report.Score is { } value ? $"{value:0.0}" : "n/a (nothing scored)";
        yield return $"[bold]Score {Markup.Escape(score)}[/] · {report.Rules.Count} rules · {report.Summary.Total} findings: " +
                     $"[green]{s["PASS"]} PASS[/], [red]{s["FAIL"]} FAIL[/], [yellow]{s["ERROR"]} ERROR[/], {s["EXEMPT"]} EXEMPT, {s["NOT_APPLICABLE"]} NOT_APPLICABLE";
        var failing = report.Summary.BySeverity.Where(kv => kv.Value["FAIL"] > 0).Select(kv => $"{kv.Key} {kv.Value["FAIL"]}").ToList();
        if (failing.Count > 0)
        {
            yield return $"FAIL by severity: {string.Join(", ", failing)}";
        }

        if (report.CollectionErrors.Count > 0)
        {
            yield return $"[yellow]{report.CollectionErrors.Count} collection error(s): the scan is incomplete; see the report's coverage section.[/]";
        }
    }

    private static Style SeverityStyle(Severity severity) => severity switch
    {
        Severity.Critical => new Style(Color.White, Color.Red, Decoration.Bold),
        Severity.High => new Style(Color.Red, decoration: Decoration.Bold),
        Severity.Medium => new Style(Color.Yellow),
        _ => new Style(Color.Grey),
    };

    private static Style StatusStyle(ComplianceStatus status) => status switch
    {
        ComplianceStatus.Fail => new Style(Color.Red),
        ComplianceStatus.Error => new Style(Color.Yellow),
        ComplianceStatus.Pass => new Style(Color.Green),
        _ => Style.Plain,
    };
}
