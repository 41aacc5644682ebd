using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Compliance.Benchmarks.Synthetic;
using Compliance.Checker.Engine;
using Compliance.Checker.Function;
using Compliance.Checker.Json;
using Compliance.Checker.Live.Collection;
using Compliance.Checker.Reporting;
using Compliance.Rules.Inventory;

namespace Compliance.Benchmarks;

/// <summary>
/// The security-group change path of the function without AWS time: parse the CloudTrail event (samples/events),
/// plan the targeted scan, take the named group from an in-memory account of 100,000 resources (where the live path
/// makes its two EC2 calls), judge it with the security-group rules, and serialize the report as the S3 sink does.
/// </summary>
[MemoryDiagnoser]
public class EventPathBenchmarks
{
    private byte[] _event = null!;
    private Dictionary<string, SecurityGroup> _account = null!;
    private RuleRegistry _registry = null!;
    private FunctionConfiguration _configuration = null!;

    [Params("sg-authorize-ingress-ssh-world.json", "sg-modify-rules.json")]
    public string Event { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _event = File.ReadAllBytes(Path.Combine(RepositoryRoot.Find(), "samples", "events", Event));
        var change = (FunctionRequest.SecurityGroupChange)EventParser.Parse(_event);
        var inventory = SyntheticInventory.Generate(100_000);
        _account = inventory.SecurityGroups.ToDictionary(g => g.Id, StringComparer.Ordinal);
        var template = inventory.SecurityGroups.First(g => g.Tag("Tier") == "web");
        foreach (var id in change.GroupIds)
        {
            _account[id] = template with { Id = id, Region = change.Region, AccountId = change.Account };
        }

        _registry = RuleRegistry.BuiltIn(); // built once per function instance, not per event
        _configuration = new FunctionConfiguration();
    }

    [Benchmark(Description = "Event path: parse, plan, judge, report")]
    public int Handle()
    {
        var change = (FunctionRequest.SecurityGroupChange)EventParser.Parse(_event);
        var plan = ScanPlan.For(change, _configuration, _registry);
        var scope = CollectionScope.ForResources(plan.Rules, ResourceTypes.SecurityGroup, change.GroupIds);
        var groups = scope.IdsFor(ResourceTypes.SecurityGroup)!.Select(id => _account.GetValueOrDefault(id)).OfType<SecurityGroup>().ToList();
        var collected = new AwsInventory { AccountIds = [change.Account], Regions = [change.Region], SecurityGroups = groups };
        var report = new Scanner().Scan(collected, plan.Rules, new ScanSource("live", plan.Trigger), SourceKind.Live);
        return JsonSerializer.SerializeToUtf8Bytes(report, ComplianceJson.TypeInfo<ScanReport>()).Length;
    }
}
