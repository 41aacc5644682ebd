using Compliance.Rules.Inventory;

namespace Compliance.Rules.EC2;

/// <summary>
/// The tier a subnet or route table belongs to, read from its tier tag, and whether that tier is a public one. One
/// notion for every rule that cares: a tier is public when it is one of the rule's publicTiers, private otherwise.
/// </summary>
internal static class SubnetTiers
{
    /// <summary>The trimmed tier tag value, or null when the tag is absent or blank.</summary>
    public static string? Tier(AwsResource resource, string tierTagKey) =>
        resource.Tag(tierTagKey) is { } tier && !string.IsNullOrWhiteSpace(tier) ? tier.Trim() : null;

    /// <summary>True when <paramref name="tier"/> is one of <paramref name="publicTiers"/> (case-insensitive).</summary>
    public static bool IsPublic(string tier, IReadOnlyList<string> publicTiers) =>
        publicTiers.Contains(tier.Trim(), StringComparer.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="tier"/> is one of <paramref name="tiers"/> (case-insensitive).</summary>
    public static bool IsOneOf(string tier, IReadOnlyList<string> tiers) =>
        tiers.Contains(tier.Trim(), StringComparer.OrdinalIgnoreCase);
}
