using BenchmarkDotNet.Attributes;
using Compliance.Benchmarks.Synthetic;
using Compliance.Checker.Engine;
using Compliance.Checker.Reporting;
using Compliance.Rules;
using Compliance.Rules.Inventory;

namespace Compliance.Benchmarks;

/// <summary>The whole built-in catalog over synthetic inventories: the evaluator alone, and the full scan (evaluation, suppressions, report).</summary>
[MemoryDiagnoser]
public class EvaluationBenchmarks
{
    private AwsInventory _inventory = null!;
    private IReadOnlyList<IComplianceRule> _rules = null!;

    [Params(1_000, 10_000, 100_000)]
    public int Resources { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _inventory = SyntheticInventory.Generate(Resources);
        _rules = RuleRegistry.BuiltIn().Rules;
    }

    [Benchmark(Description = "Evaluator: every rule")]
    public int Evaluate() => new Evaluator().Evaluate(_inventory, _rules, SourceKind.Snapshot).Count;

    [Benchmark(Description = "Scanner: evaluation + report")]
    public int Scan() => new Scanner().Scan(_inventory, _rules, new ScanSource("snapshot", "synthetic"), SourceKind.Snapshot).Findings.Count;
}
