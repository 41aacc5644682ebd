using System.Diagnostics;
using Compliance.Checker.Reporting;

namespace Compliance.Checker.Cli;

/// <summary>`--stats`: where the time and the API calls went, and the peak memory, in plain lines on standard error.</summary>
internal static class StatsWriter
{
    public static async Task WriteAsync(ScanReport report, TimeSpan total, TextWriter output)
    {
        await output.WriteLineAsync($"total {total.TotalMilliseconds:0} ms · evaluation {(report.FinishedAt - report.StartedAt).TotalMilliseconds:0} ms · peak memory {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB");
        if (report.Collection is not { } collection)
        {
            return;
        }

        await output.WriteLineAsync($"collection {collection.DurationMs:0} ms · {collection.TotalApiCalls} API calls");
        foreach (var t in collection.Timings)
        {
            await output.WriteLineAsync($"  {t.Service,-16} {t.Region,-16} {t.DurationMs,8:0} ms{(t.Completed ? "" : "  (incomplete)")}");
        }

        foreach (var c in collection.ApiCalls)
        {
            await output.WriteLineAsync($"  {$"{c.Service}:{c.Operation}",-50} {c.Calls,6} calls{(c.Errors > 0 ? $", {c.Errors} failed" : "")}");
        }
    }
}
