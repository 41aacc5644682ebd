using BenchmarkDotNet.Attributes;
using Compliance.Checker.Engine;
using Compliance.Checker.Reporting;
using Compliance.Checker.Templates;

namespace Compliance.Benchmarks;

/// <summary>
/// A template scan of the synthesized CDK app (both stacks in cdk.out, as `dotnet run --project src/Infra` writes them):
/// read and resolve the templates, map them into the inventory, and judge them with the whole catalog. Synthesize
/// first; the setup stops with that instruction when cdk.out is missing.
/// </summary>
[MemoryDiagnoser]
public class TemplateScanBenchmarks
{
    private string _cdkOut = "";
    private RuleRegistry _registry = null!;

    [GlobalSetup]
    public void Setup()
    {
        _cdkOut = Path.Combine(RepositoryRoot.Find(), "cdk.out");
        if (!File.Exists(Path.Combine(_cdkOut, "manifest.json")))
        {
            throw new InvalidOperationException($"{_cdkOut} has no manifest.json: synthesize the CDK app first (dotnet run --project src/Infra).");
        }

        _registry = RuleRegistry.BuiltIn();
    }

    [Benchmark(Description = "Template scan: synthesized baseline and checker stacks")]
    public int Scan()
    {
        var template = TemplateSource.Load(_cdkOut, new TemplateOptions());
        var report = new Scanner().Scan(template.Inventory, _registry.Rules, new ScanSource("template", _cdkOut), SourceKind.Template, locations: template.Locations);
        return report.Findings.Count;
    }
}
