using System.Diagnostics;
using System.Globalization;
using Compliance.Checker.Reporting;

namespace Compliance.Checker.Cli;

/// <summary>
/// `--stats`: where the time, the API calls and the memory went, in plain lines on standard error (docs/performance.md):
/// <code>
/// total 812 ms · load 301 ms · evaluation 402 ms · 43 rules · 28000 findings
/// memory peak working set 212 MiB · GC heap 150 MiB · allocated 640 MiB · collections gen0 40, gen1 20, gen2 3
/// collection 5120 ms · 312 API calls (2 failed)
///   ec2              eu-west-1            1830 ms
///   ec2:DescribeSecurityGroups                              3 calls
/// </code>
/// The collection lines appear for live scans only; load for snapshot scans only.
/// </summary>
internal static class StatsWriter
{
    public static async Task WriteAsync(ScanReport report, TimeSpan total, TextWriter output, TimeSpan? load = null)
    {
        var evaluation = report.FinishedAt - report.StartedAt;
        var loaded = load is { } l ? $" · load {Ms(l)} ms" : "";
        await output.WriteLineAsync($"total {Ms(total)} ms{loaded} · evaluation {Ms(evaluation)} ms · {report.Rules.Count} rules · {report.Findings.Count} findings");

        using var process = Process.GetCurrentProcess();
        await output.WriteLineAsync($"memory peak working set {Mib(process.PeakWorkingSet64)} MiB · GC heap {Mib(GC.GetTotalMemory(false))} MiB · " +
            $"allocated {Mib(GC.GetTotalAllocatedBytes())} MiB · collections gen0 {GC.CollectionCount(0)}, gen1 {GC.CollectionCount(1)}, gen2 {GC.CollectionCount(2)}");
        if (report.Collection is not { } collection)
        {
            return;
        }

        var failed = collection.ApiCalls.Sum(c => c.Errors);
        await output.WriteLineAsync($"collection {Ms(TimeSpan.FromMilliseconds(collection.DurationMs))} ms · {collection.TotalApiCalls} API calls{(failed > 0 ? $" ({failed} failed)" : "")}");
        foreach (var t in collection.Timings)
        {
            await output.WriteLineAsync($"  {t.Service,-16} {t.Region,-16} {Ms(TimeSpan.FromMilliseconds(t.DurationMs)),8} ms{(t.Completed ? "" : "  (incomplete)")}");
        }

        foreach (var c in collection.ApiCalls)
        {
            await output.WriteLineAsync($"  {$"{c.Service}:{c.Operation}",-50} {c.Calls,6} calls{(c.Errors > 0 ? $", {c.Errors} failed" : "")}");
        }
    }

    private static string Ms(TimeSpan time) => time.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);

    private static long Mib(long bytes) => bytes / (1024 * 1024);
}
