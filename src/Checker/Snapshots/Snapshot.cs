using Compliance.Rules.Inventory;

namespace Compliance.Checker.Snapshots;

/// <summary>
/// The snapshot file: an inventory serialized as versioned JSON (docs/snapshot-format.md).
/// `compliance collect` writes it; `compliance scan --snapshot` reads it.
/// </summary>
public sealed record Snapshot
{
    /// <summary>The format version this build reads and writes.</summary>
    public const int CurrentSchemaVersion = 1;

    public required int SchemaVersion { get; init; }

    /// <summary>When the inventory was collected.</summary>
    public DateTimeOffset? CollectedAt { get; init; }

    /// <summary>Free text: what produced the file ("compliance collect 1.0 against https://ec2.eu-west-1.amazonaws.com").</summary>
    public string? Source { get; init; }

    public required AwsInventory Inventory { get; init; }
}
