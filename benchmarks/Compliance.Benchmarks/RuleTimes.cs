using System.Diagnostics;
using System.Globalization;
using Compliance.Benchmarks.Synthetic;
using Compliance.Checker.Engine;
using Compliance.Rules;
using Compliance.Rules.Inventory;

namespace Compliance.Benchmarks;

/// <summary>
/// `--rule-times [N]`: each rule of the catalog alone, one after another on one thread, over a synthetic inventory of
/// N resources (default 100,000): time and bytes allocated per rule, slowest first. Where to look when a scan is slow.
/// The second of two passes is printed, so JIT time is left out.
/// </summary>
internal static class RuleTimes
{
    public const string Option = "--rule-times";

    public static int Run(string[] args)
    {
        var resources = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var inventory = SyntheticInventory.Generate(resources);
        var index = new InventoryIndex(inventory);
        var rules = RuleRegistry.BuiltIn().Rules;
        var times = new List<(string Rule, double Ms, int Findings, long Bytes)>();
        for (var pass = 0; pass < 2; pass++)
        {
            times.Clear();
            foreach (var rule in rules)
            {
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                var watch = Stopwatch.StartNew();
                var findings = rule.Evaluate(new RuleContext(inventory, rule.Descriptor, null, index)).Count();
                times.Add((rule.Descriptor.Id, watch.Elapsed.TotalMilliseconds, findings, GC.GetAllocatedBytesForCurrentThread() - allocated));
            }
        }

        Console.WriteLine($"{resources} synthetic resources, {rules.Count} rules, {times.Sum(t => t.Ms):0} ms in all");
        foreach (var (rule, ms, findings, bytes) in times.OrderByDescending(t => t.Ms))
        {
            Console.WriteLine($"{rule,-34} {ms,8:0.0} ms {findings,8} findings {bytes / 1024.0 / 1024.0,8:0.0} MiB allocated");
        }

        return 0;
    }
}
