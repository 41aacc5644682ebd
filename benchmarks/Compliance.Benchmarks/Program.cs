using BenchmarkDotNet.Running;
using Compliance.Benchmarks;

// `--peak-memory [N]`: one 100,000-resource (or N) scan in a fresh process, with its peak working set (docs/performance.md).
// `--rule-times [N]`: each rule alone over N synthetic resources, slowest first.
// `--cold-start RUNS COMMAND ARGS...`: process start to first output line of COMMAND, median of RUNS fresh processes.
// Anything else goes to BenchmarkDotNet: `-- --filter '*'` runs every benchmark.
if (args.Length > 0 && args[0] == PeakMemory.Option)
{
    return await PeakMemory.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == PeakMemory.WriteOption)
{
    return await PeakMemory.WriteSnapshotAsync(args[1..]);
}

if (args.Length > 0 && args[0] == RuleTimes.Option)
{
    return RuleTimes.Run(args[1..]);
}

if (args.Length > 0 && args[0] == ColdStart.Option)
{
    return await ColdStart.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(EvaluationBenchmarks).Assembly).Run(args);
return 0;
