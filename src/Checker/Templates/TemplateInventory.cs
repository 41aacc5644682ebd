using Compliance.Rules;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Templates;

/// <summary>What a template scan yields: the inventory, where each record is declared, and what was not mapped.</summary>
public sealed record TemplateInventory
{
    public required AwsInventory Inventory { get; init; }

    /// <summary>Where each record is declared, by (resource type, id).</summary>
    public required IReadOnlyDictionary<(string Type, string Id), SourceLocation> Locations { get; init; }

    /// <summary>Declared resources of types no mapper maps, counted by type.</summary>
    public required IReadOnlyDictionary<string, int> NotMapped { get; init; }

    /// <summary>What could not be judged, and why; one line each.</summary>
    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>The template files read, as they are named in findings.</summary>
    public required IReadOnlyList<string> Files { get; init; }
}
