using System.CommandLine;
using Compliance.Checker.Live.Collection;
using Compliance.Checker.Reporting;
using Compliance.Checker.Snapshots;

namespace Compliance.Checker.Cli;

/// <summary>`compliance collect --out FILE`: read the live account into a snapshot file, judged later with `scan --snapshot`.</summary>
internal static class CollectCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "The snapshot file to write.", Required = true };
        var live = new LiveCommandOptions();
        var command = new Command("collect", "Read the live account into a snapshot file (docs/snapshot-format.md).") { output };
        live.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = live.Read(parse);
            var path = parse.GetValue(output)!;
            var collected = await LiveCollection.RunAsync(options, CollectionScope.Everything, cancellationToken);
            var snapshot = new Snapshot
            {
                SchemaVersion = Snapshot.CurrentSchemaVersion,
                CollectedAt = collected.Inventory.CollectedAt ?? DateTimeOffset.UtcNow,
                Source = $"{ReportBuilder.Tool.Name} collect {ReportBuilder.Tool.Version} against {options.EndpointUrl ?? "AWS"}",
                Inventory = collected.Inventory,
            };
            try
            {
                await using var file = File.Create(path);
                await SnapshotFile.WriteAsync(snapshot, file, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new InputException($"--out {path}: cannot write the snapshot: {ex.Message}");
            }

            var errors = collected.Inventory.CollectionErrors.Count;
            await Console.Error.WriteLineAsync($"wrote {path}: {collected.Inventory.AllResources().Count()} resources in {collected.Inventory.Regions.Count} region(s), {collected.Stats.TotalApiCalls} API calls, {errors} collection error(s)");
            return errors > 0 ? ExitCodes.Incomplete : ExitCodes.Ok;
        });
        return command;
    }
}
