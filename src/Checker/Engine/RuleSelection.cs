using Compliance.Rules;
using Compliance.Rules.Policies;

namespace Compliance.Checker.Engine;

/// <summary>Which rules a scan runs: include and exclude patterns ("S3.*", "EC2.SecurityGroup.2") and a minimum severity.</summary>
public sealed record RuleSelection
{
    public IReadOnlyList<string> Include { get; init; } = [];
    public IReadOnlyList<string> Exclude { get; init; } = [];
    public Severity MinimumSeverity { get; init; } = Severity.Low;

    public static RuleSelection All { get; } = new();

    /// <summary>The selected rules.</summary>
    /// <exception cref="ArgumentException">An include pattern matches no rule (a typo would silently scan nothing).</exception>
    public IReadOnlyList<IComplianceRule> Apply(RuleRegistry registry)
    {
        foreach (var pattern in Include.Concat(Exclude))
        {
            if (!registry.Rules.Any(r => Matches(pattern, r.Descriptor.Id)))
            {
                throw new ArgumentException($"No rule matches '{pattern}'. See `compliance rules list`.");
            }
        }

        return registry.Rules
            .Where(r => Include.Count == 0 || Include.Any(p => Matches(p, r.Descriptor.Id)))
            .Where(r => !Exclude.Any(p => Matches(p, r.Descriptor.Id)))
            .Where(r => r.Descriptor.Severity >= MinimumSeverity)
            .ToList();
    }

    private static bool Matches(string pattern, string id) => PolicyAnalysis.WildcardMatch(pattern.Trim(), id);
}
