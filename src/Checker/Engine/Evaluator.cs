using Compliance.Rules;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Engine;

/// <summary>Where the inventory came from; template scans cannot judge live-only rules.</summary>
public enum SourceKind
{
    Live,
    Snapshot,
    Template,
}

/// <summary>Runs rules over an inventory in parallel. A rule that throws is isolated: its findings become ERROR and the scan goes on.</summary>
public sealed class Evaluator
{
    /// <summary>Evaluates every rule; findings come back in rule order, then in the order each rule yielded them.</summary>
    public IReadOnlyList<Finding> Evaluate(
        AwsInventory inventory,
        IReadOnlyList<IComplianceRule> rules,
        SourceKind source,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? parameters = null,
        int maxDegreeOfParallelism = -1)
    {
        var index = new InventoryIndex(inventory);
        var perRule = new IReadOnlyList<Finding>[rules.Count];
        Parallel.For(0, rules.Count, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, i =>
        {
            var rule = rules[i];
            var overrides = parameters?.GetValueOrDefault(rule.Descriptor.Id);
            perRule[i] = EvaluateOne(rule, new RuleContext(inventory, rule.Descriptor, overrides, index, fromTemplate: source == SourceKind.Template), source);
        });

        return perRule.SelectMany(f => f).ToList();
    }

    private static List<Finding> EvaluateOne(IComplianceRule rule, RuleContext context, SourceKind source)
    {
        var descriptor = rule.Descriptor;
        var account = context.Inventory.AccountIds.FirstOrDefault() ?? "unknown";
        if (source == SourceKind.Template && descriptor.Modes == EvaluationModes.LiveOnly)
        {
            return [descriptor.NotApplicable(new ResourceRef(descriptor.ResourceType, "*", null, "global", account),
                $"{descriptor.Id} judges live state only; a template cannot show it.")];
        }

        var findings = new List<Finding>();
        try
        {
            foreach (var finding in rule.Evaluate(context))
            {
                findings.Add(finding);
            }
        }
        catch (Exception ex)
        {
            findings.Add(descriptor.Error(
                new ResourceRef(descriptor.ResourceType, "*", null, "global", account),
                $"Rule {descriptor.Id} failed while evaluating ({ex.GetType().Name}: {ex.Message}); its verdicts are unknown.",
                new Dictionary<string, string> { ["exception"] = ex.GetType().FullName ?? ex.GetType().Name }));
        }

        // A rule that already reported a region as unknown has said it better (per resource, with context);
        // only where it did not is the outage added, so one failed call is never scored twice.
        var reported = findings.Where(f => f.Status == ComplianceStatus.Error).Select(f => (f.Resource.AccountId, f.Resource.Region)).ToHashSet();
        findings.InsertRange(0, CollectionErrorFindings(descriptor, context.Inventory).Where(f => !reported.Contains((f.Resource.AccountId, f.Resource.Region))));
        return findings;
    }

    /// <summary>A type the rule reads that could not be listed in a region makes the rule's verdict there unknown.</summary>
    private static IEnumerable<Finding> CollectionErrorFindings(RuleDescriptor descriptor, AwsInventory inventory) =>
        inventory.CollectionErrors
            .Where(e => e.ResourceId is null && descriptor.ResourceTypes.Contains(e.ResourceType))
            .Select(e => descriptor.Error(
                new ResourceRef(e.ResourceType, "*", null, e.Region, e.AccountId ?? inventory.AccountIds.FirstOrDefault() ?? "unknown"),
                $"{e.ResourceType} in {e.Region} could not be collected ({e.Service}:{e.Operation} failed with {e.ErrorCode}: {e.Message}), so {descriptor.Id} cannot be judged there.",
                new Dictionary<string, string>
                {
                    ["service"] = e.Service,
                    ["operation"] = e.Operation,
                    ["errorCode"] = e.ErrorCode,
                    ["region"] = e.Region,
                }));
}
