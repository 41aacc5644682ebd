using Compliance.Rules;
using Compliance.Rules.Inventory;
using Compliance.Rules.Policies;

namespace Compliance.Checker.Remediation.Suppressions;

/// <summary>
/// Applies accepted risks to a scan's findings, after evaluation and before the report is built (the score ignores
/// EXEMPT). A FAIL or ERROR finding becomes EXEMPT when an unexpired suppression matches it (evidence:
/// suppressionReason, suppressionExpires) or when its resource's compliance:exempt tag lists its rule (evidence:
/// exemptTag). A matching suppression that has expired exempts nothing: the finding keeps its status and says so
/// (evidence: suppressionExpired), so a lapsed exception is visible rather than silently gone.
/// </summary>
public static class SuppressionFilter
{
    /// <summary>The findings in the same order, each exempted, annotated or unchanged.</summary>
    public static IReadOnlyList<Finding> Apply(IReadOnlyList<Finding> findings, AwsInventory inventory, IReadOnlyList<Suppression> suppressions, DateTimeOffset now)
    {
        var tags = ExemptionTags(inventory);
        return findings.Select(f => f.Status is ComplianceStatus.Fail or ComplianceStatus.Error ? Judge(f, tags, suppressions, now) : f).ToList();
    }

    private static Finding Judge(Finding finding, TagIndex tags, IReadOnlyList<Suppression> suppressions, DateTimeOffset now)
    {
        var matching = suppressions.Where(s => s.Matches(finding)).ToList();
        if (matching.FirstOrDefault(s => s.IsActive(now)) is { } active)
        {
            return Exempt(finding, new()
            {
                [ExemptionEvidence.SuppressionReason] = active.Reason,
                [ExemptionEvidence.SuppressionExpires] = Date(active.Expires),
            });
        }

        if (tags.Find(finding.Resource) is { } tag && ListsRule(tag, finding.RuleId))
        {
            return Exempt(finding, new() { [ExemptionEvidence.ExemptTag] = tag });
        }

        if (matching.Count > 0)
        {
            var lapsed = matching.Max(s => s.Expires);
            return finding with { Evidence = With(finding.Evidence, new() { [ExemptionEvidence.SuppressionExpired] = Date(lapsed) }) };
        }

        return finding;
    }

    /// <summary>True when the tag value (rule ids or patterns, comma- or space-separated) names the rule.</summary>
    public static bool ListsRule(string tagValue, string ruleId) =>
        tagValue.Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Any(pattern => PolicyAnalysis.WildcardMatch(pattern, ruleId));

    private static Finding Exempt(Finding finding, Dictionary<string, string> added)
    {
        added[ExemptionEvidence.ExemptedStatus] = finding.Status.ToWireName();
        return finding with { Status = ComplianceStatus.Exempt, Evidence = With(finding.Evidence, added) };
    }

    private static Dictionary<string, string> With(IReadOnlyDictionary<string, string> evidence, Dictionary<string, string> added)
    {
        var merged = new Dictionary<string, string>(evidence);
        foreach (var (key, value) in added)
        {
            merged[key] = value;
        }

        return merged;
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static TagIndex ExemptionTags(AwsInventory inventory)
    {
        var byResource = new Dictionary<(string, string, string, string), string>();
        var byArn = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var resource in inventory.AllResources())
        {
            if (resource.Tag(ExemptionEvidence.TagKey) is not { } value)
            {
                continue;
            }

            byResource.TryAdd((resource.ResourceType, resource.Id, resource.Region, resource.AccountId), value);
            if (resource.Arn is not null)
            {
                byArn.TryAdd(resource.Arn, value);
            }
        }

        return new TagIndex(byResource, byArn);
    }

    /// <summary>compliance:exempt values by resource (type, id, region, account) and by ARN.</summary>
    private sealed record TagIndex(Dictionary<(string, string, string, string), string> ByResource, Dictionary<string, string> ByArn)
    {
        public string? Find(ResourceRef resource) =>
            ByResource.TryGetValue((resource.Type, resource.Id, resource.Region, resource.AccountId), out var value) ? value
            : resource.Arn is not null && ByArn.TryGetValue(resource.Arn, out var byArn) ? byArn
            : null;
    }
}
