using Compliance.Rules.Inventory;

namespace Compliance.Rules.CloudTrail;

/// <summary>What the trail rules share: each trail once, and how a message names it.</summary>
internal static class TrailFacts
{
    /// <summary>Every trail once (a trail can reach the inventory from more than one Region), by ARN or account/Region/name.</summary>
    public static IReadOnlyList<Trail> Distinct(AwsInventory inventory) =>
        inventory.Trails.GroupBy(Key).Select(g => g.First()).ToList();

    /// <summary>"Trail audit" or "Organization trail org-audit of account 210987654321".</summary>
    public static string Subject(Trail trail) => trail.IsOrganizationTrail
        ? $"Organization trail {trail.DisplayName} of account {trail.AccountId}"
        : $"Trail {trail.DisplayName}";

    /// <summary>The settings every trail finding shows.</summary>
    public static Dictionary<string, string> Evidence(Trail trail) => new()
    {
        ["trailArn"] = trail.Arn ?? "",
        ["homeRegion"] = trail.Region,
        ["isOrganizationTrail"] = trail.IsOrganizationTrail ? "true" : "false",
    };

    private static string Key(Trail trail) => trail.Arn ?? $"{trail.AccountId}/{trail.Region}/{trail.Id}";
}
