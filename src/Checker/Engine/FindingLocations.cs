using Compliance.Rules;

namespace Compliance.Checker.Engine;

/// <summary>
/// Puts each finding of a template scan where its resource is declared. A finding on the account as a whole (a trail
/// rule's verdict) is put at the first declared resource of a type the rule reads in that account, so code review
/// still shows it beside the template; a finding on nothing declared (a live-only rule) keeps no location.
/// </summary>
internal static class FindingLocations
{
    public static IReadOnlyList<Finding> Attach(
        IReadOnlyList<Finding> findings, IReadOnlyList<IComplianceRule> rules, IReadOnlyDictionary<(string Type, string Id), SourceLocation> locations)
    {
        var readTypes = rules.ToDictionary(r => r.Descriptor.Id, r => r.Descriptor.ResourceTypes);
        return findings.Select(f =>
        {
            if (locations.TryGetValue((f.Resource.Type, f.Resource.Id), out var location))
            {
                return f with { Location = location };
            }

            if (f.Resource.Type != Rules.Inventory.ResourceTypes.Account || !readTypes.TryGetValue(f.RuleId, out var types))
            {
                return f;
            }

            var first = locations
                .Where(l => types.Contains(l.Key.Type))
                .Select(l => l.Value)
                .OrderBy(l => l.File, StringComparer.Ordinal).ThenBy(l => l.Line).ThenBy(l => l.Column)
                .FirstOrDefault();
            return first is null ? f : f with { Location = first };
        }).ToList();
    }
}
