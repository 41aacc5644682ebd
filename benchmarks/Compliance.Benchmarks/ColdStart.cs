using System.Diagnostics;
using System.Globalization;

namespace Compliance.Benchmarks;

/// <summary>
/// `--cold-start RUNS COMMAND ARGS...`: starts COMMAND RUNS times, each a fresh process, and prints the wall clock from
/// process start to its first line on standard output (the first result) and to its exit: median, minimum and maximum.
/// docs/performance.md runs it on the published function (`compliance scan --snapshot ... --format json`).
/// </summary>
internal static class ColdStart
{
    public const string Option = "--cold-start";

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = int.Parse(args[0], CultureInfo.InvariantCulture);
        var firstLine = new List<double>();
        var exit = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var start = new ProcessStartInfo(args[1]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in args[2..])
            {
                start.ArgumentList.Add(arg);
            }

            var watch = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.ReadLineAsync();
            firstLine.Add(watch.Elapsed.TotalMilliseconds);
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            exit.Add(watch.Elapsed.TotalMilliseconds);
            if (process.ExitCode is not (0 or 1))
            {
                await Console.Error.WriteLineAsync($"run {run + 1}: exit code {process.ExitCode}: {await stderr}");
                return 1;
            }
        }

        Console.WriteLine($"{runs} runs · first line: median {Median(firstLine):0} ms (min {firstLine.Min():0}, max {firstLine.Max():0}) · exit: median {Median(exit):0} ms (min {exit.Min():0}, max {exit.Max():0})");
        return 0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
