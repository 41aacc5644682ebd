using System.Text.Json;
using Compliance.Checker.Json;

namespace Compliance.Checker.Snapshots;

/// <summary>Reads and writes snapshot files. Every failure is an <see cref="InputException"/> naming the file, the JSON path and what was expected.</summary>
public static class SnapshotFile
{
    public static async Task<Snapshot> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        Stream stream;
        try
        {
            stream = File.OpenRead(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{path}: cannot read the snapshot file: {ex.Message}");
        }

        await using (stream)
        {
            return await ReadAsync(stream, path, cancellationToken);
        }
    }

    public static async Task<Snapshot> ReadAsync(Stream stream, string name, CancellationToken cancellationToken = default)
    {
        if (stream.CanSeek && await TryStreamAsync(stream, cancellationToken) is { } streamed)
        {
            return streamed;
        }

        return await ReadCheckedAsync(stream, name, cancellationToken);
    }

    /// <summary>
    /// The snapshot read straight from the stream, holding one buffer of it at a time rather than the whole document;
    /// null (and the stream rewound) when the file is not a valid snapshot of this version, for
    /// <see cref="ReadCheckedAsync"/> to say exactly why. A 100,000-resource file read through a JsonDocument held
    /// the file and its token index besides the inventory, several hundred MiB.
    /// </summary>
    private static async Task<Snapshot?> TryStreamAsync(Stream stream, CancellationToken cancellationToken)
    {
        var start = stream.Position;
        try
        {
            if (await SnapshotReading.DeserializeAsync(stream, cancellationToken) is { SchemaVersion: Snapshot.CurrentSchemaVersion } snapshot)
            {
                return snapshot;
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or NotSupportedException)
        {
        }

        stream.Position = start;
        return null;
    }

    /// <summary>The version is checked on the parsed document before the inventory is read, so every error names what is wrong.</summary>
    private static async Task<Snapshot> ReadCheckedAsync(Stream stream, string name, CancellationToken cancellationToken)
    {
        Snapshot? snapshot;
        try
        {
            using var document = await JsonDocument.ParseAsync(stream, default, cancellationToken);
            CheckSchemaVersion(document.RootElement, name);
            snapshot = document.Deserialize(ComplianceJson.TypeInfo<Snapshot>());
        }
        catch (JsonException ex)
        {
            throw new InputException($"{name}: invalid snapshot{JsonErrors.Where(ex)}: {JsonErrors.Reason(ex)}");
        }

        return snapshot is null
            ? throw new InputException($"{name}: invalid snapshot: the file holds JSON null, expected an object with schemaVersion and inventory.")
            : snapshot with { Inventory = snapshot.Inventory with { CollectedAt = snapshot.CollectedAt } }; // age-based rules measure from the collection
    }

    public static async Task WriteAsync(Snapshot snapshot, Stream stream, CancellationToken cancellationToken = default) =>
        await JsonSerializer.SerializeAsync(stream, snapshot, ComplianceJson.TypeInfo<Snapshot>(), cancellationToken);

    private static void CheckSchemaVersion(JsonElement root, string name)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InputException($"{name}: invalid snapshot at $: expected an object with schemaVersion and inventory, found {root.ValueKind.ToString().ToLowerInvariant()}.");
        }

        if (!root.TryGetProperty("schemaVersion", out var version) || version.ValueKind != JsonValueKind.Number)
        {
            throw new InputException($"{name}: invalid snapshot at $.schemaVersion: expected the format version number ({Snapshot.CurrentSchemaVersion}); is this a snapshot written by `compliance collect`?");
        }

        if (!version.TryGetInt32(out var number) || number != Snapshot.CurrentSchemaVersion)
        {
            throw new InputException($"{name}: unsupported snapshot at $.schemaVersion: version {version.GetRawText()}, this build reads version {Snapshot.CurrentSchemaVersion}.");
        }
    }
}

/// <summary>Bad input from the user (a file, an argument, an event): reported as one line, exit code 2, never a stack trace.</summary>
public sealed class InputException(string message) : Exception(message);
