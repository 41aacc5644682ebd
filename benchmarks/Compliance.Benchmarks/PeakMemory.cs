using System.Diagnostics;
using System.Globalization;
using Compliance.Benchmarks.Synthetic;
using Compliance.Checker.Engine;
using Compliance.Checker.Reporting;
using Compliance.Checker.Snapshots;

namespace Compliance.Benchmarks;

/// <summary>
/// Peak memory of one scan, as the CLI does it: a fresh process reads a snapshot file of N synthetic resources and
/// evaluates the whole catalog; it prints the time of each step, the process's peak working set (VmHWM) and GC
/// figures. The snapshot is written first by a separate process, so generating it never counts towards the peak.
/// </summary>
internal static class PeakMemory
{
    public const string Option = "--peak-memory";
    public const string WriteOption = "--write-snapshot";

    public static async Task<int> RunAsync(string[] args)
    {
        var resources = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var path = Path.Combine(Path.GetTempPath(), $"compliance-synthetic-{resources}.json");
        if (!File.Exists(path) && await WriteInChildAsync(resources, path) != 0)
        {
            return 1;
        }

        Console.WriteLine($"snapshot {path} ({new FileInfo(path).Length / (1024 * 1024)} MiB), {Environment.ProcessorCount} logical processors, server GC {System.Runtime.GCSettings.IsServerGC}");
        var registry = RuleRegistry.BuiltIn();
        Report("start (rules loaded)", null);

        var watch = Stopwatch.StartNew();
        var snapshot = await SnapshotFile.ReadAsync(path);
        Report("snapshot loaded", watch.Elapsed);

        watch.Restart();
        var report = new Scanner().Scan(snapshot.Inventory, registry.Rules, new ScanSource("snapshot", path), SourceKind.Snapshot);
        Report($"catalog evaluated ({registry.Rules.Count} rules, {report.Findings.Count} findings)", watch.Elapsed);

        GC.KeepAlive(snapshot);
        var gc = GC.GetGCMemoryInfo(GCKind.Any);
        Console.WriteLine($"peak working set {Mib(Process.GetCurrentProcess().PeakWorkingSet64)} MiB; GC heap now {Mib(GC.GetTotalMemory(false))} MiB, "
            + $"largest heap seen {Mib(gc.HeapSizeBytes)} MiB; allocated in total {Mib(GC.GetTotalAllocatedBytes())} MiB; "
            + $"collections gen0 {GC.CollectionCount(0)}, gen1 {GC.CollectionCount(1)}, gen2 {GC.CollectionCount(2)}; pause {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms");
        return 0;
    }

    public static async Task<int> WriteSnapshotAsync(string[] args)
    {
        var resources = int.Parse(args[0], CultureInfo.InvariantCulture);
        var snapshot = new Snapshot { SchemaVersion = Snapshot.CurrentSchemaVersion, Source = $"synthetic: {resources} resources, seed {SyntheticInventory.DefaultSeed}", Inventory = SyntheticInventory.Generate(resources) };
        await using var file = File.Create(args[1]);
        await SnapshotFile.WriteAsync(snapshot, file);
        return 0;
    }

    private static async Task<int> WriteInChildAsync(int resources, string path)
    {
        var host = Environment.ProcessPath!;
        var start = new ProcessStartInfo(host) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(typeof(PeakMemory).Assembly.Location);
        }

        foreach (var arg in new[] { WriteOption, resources.ToString(CultureInfo.InvariantCulture), path })
        {
            start.ArgumentList.Add(arg);
        }

        using var child = Process.Start(start)!;
        await child.WaitForExitAsync();
        return child.ExitCode;
    }

    private static TimeSpan _cpu;

    /// <summary>
    /// One step: its wall time and the CPU time the process spent on it (all threads, GC included). On a shared machine
    /// the wall time stretches with the other load; the CPU time much less, so both are printed.
    /// </summary>
    private static void Report(string step, TimeSpan? took)
    {
        using var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        var time = took is { } t ? $"{t.TotalMilliseconds,7:0} ms wall {(cpu - _cpu).TotalMilliseconds,7:0} ms CPU" : new string(' ', 29);
        _cpu = cpu;
        Console.WriteLine($"{time}  {step,-56} working set {Mib(self.WorkingSet64),5} MiB, peak {Mib(self.PeakWorkingSet64),5} MiB");
    }

    private static long Mib(long bytes) => bytes / (1024 * 1024);
}
