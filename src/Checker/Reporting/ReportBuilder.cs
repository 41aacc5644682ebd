using System.Reflection;
using Compliance.Checker.Engine;
using Compliance.Rules;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Reporting;

/// <summary>Assembles a <see cref="ScanReport"/> from the findings of one evaluation.</summary>
public static class ReportBuilder
{
    public static ToolInfo Tool { get; } = new("compliance",
        typeof(ReportBuilder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0");

    public static ScanReport Build(
        string scanId,
        DateTimeOffset startedAt,
        DateTimeOffset finishedAt,
        ScanSource source,
        AwsInventory inventory,
        IReadOnlyList<IComplianceRule> rules,
        IReadOnlyList<Finding> findings,
        Live.CollectionStats? collection = null)
    {
        var byRule = findings.ToLookup(f => f.RuleId);
        return new ScanReport
        {
            ScanId = scanId,
            StartedAt = startedAt,
            FinishedAt = finishedAt,
            Tool = Tool,
            Source = source,
            Scope = new ScanScope(inventory.AccountIds, inventory.Regions, rules.Select(r => r.Descriptor.Id).ToList()),
            Score = Scoring.Score(findings),
            Summary = Summary(findings),
            Rules = rules.Select(r => RuleSummary(r.Descriptor, byRule[r.Descriptor.Id])).ToList(),
            Frameworks = FrameworkSummaries(rules, byRule),
            Findings = findings,
            CollectionErrors = inventory.CollectionErrors,
            Coverage = Coverage(inventory),
            Collection = collection,
        };
    }

    private static ReportSummary Summary(IReadOnlyList<Finding> findings) => new(
        findings.Count,
        Scoring.CountByStatus(findings),
        Enum.GetValues<Severity>().OrderDescending().ToDictionary(
            s => s.ToWireName(),
            s => Scoring.CountByStatus(findings.Where(f => f.Severity == s))));

    private static RuleSummary RuleSummary(RuleDescriptor d, IEnumerable<Finding> findings)
    {
        var list = findings.ToList();
        return new RuleSummary
        {
            RuleId = d.Id,
            Title = d.Title,
            Rationale = d.Rationale,
            Severity = d.Severity,
            Counts = Scoring.CountByStatus(list),
            Status = Scoring.Worst(list.Select(f => f.Status)),
            HelpLink = d.HelpLink,
        };
    }

    private static List<FrameworkSummary> FrameworkSummaries(IReadOnlyList<IComplianceRule> rules, ILookup<string, Finding> byRule)
    {
        var ruleStatus = rules.ToDictionary(r => r.Descriptor.Id, r => Scoring.Worst(byRule[r.Descriptor.Id].Select(f => f.Status)));
        return Frameworks.All
            .Select(framework => new FrameworkSummary(
                framework,
                Frameworks.DisplayName(framework),
                rules.SelectMany(r => r.Descriptor.Frameworks.Where(m => m.Framework == framework).Select(m => (Rule: r.Descriptor.Id, Mapping: m)))
                    .GroupBy(x => x.Mapping.ControlId)
                    .OrderBy(g => g.Key, RuleIdComparer.Instance)
                    .Select(g =>
                    {
                        var members = g.Select(x => new RequirementRule(x.Rule, x.Mapping.Confidence, ruleStatus[x.Rule])).DistinctBy(m => m.RuleId).ToList();
                        return new RequirementSummary(g.Key, Scoring.Worst(members.Select(m => m.Status)), members);
                    })
                    .ToList()))
            .Where(f => f.Requirements.Count > 0)
            .ToList();
    }

    private static List<CoverageEntry> Coverage(AwsInventory inventory)
    {
        var counts = inventory.AllResources().GroupBy(r => (r.ResourceType, r.Region)).ToDictionary(g => g.Key, g => g.Count());
        var errors = inventory.CollectionErrors.Where(e => e.ResourceId is null).ToLookup(e => (e.ResourceType, e.Region));
        return counts.Keys.Concat(errors.Select(g => g.Key)).Distinct()
            .OrderBy(k => k.ResourceType, StringComparer.Ordinal).ThenBy(k => k.Region, StringComparer.Ordinal)
            .Select(k =>
            {
                var error = errors[k].FirstOrDefault();
                return new CoverageEntry(k.ResourceType, k.Region, counts.GetValueOrDefault(k), error is null,
                    error is null ? null : $"{error.Service}:{error.Operation} {error.ErrorCode}: {error.Message}");
            })
            .ToList();
    }
}
