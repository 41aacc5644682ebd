using Compliance.Checker.Engine;
using Compliance.Checker.Reporting;
using Compliance.Checker.Snapshots;
using Compliance.Rules;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Tests.Function;

/// <summary>Reports for the sink tests, made the way the function makes them: the scanner over the bundled noncompliant sample.</summary>
internal static class SinkReports
{
    /// <summary>When the scans "run": 2026-11-22 02:03:12 UTC.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 2, 3, 12, TimeSpan.Zero);

    public static async Task<AwsInventory> NoncompliantInventory() =>
        (await SnapshotFile.ReadAsync(Fixtures.Sample("noncompliant.json"))).Inventory;

    public static async Task<ScanReport> Noncompliant() => Scan(await NoncompliantInventory());

    /// <summary>The sample with its security group open to the world on SSH (launch-wizard-1) copied <paramref name="copies"/> times: thousands of FAIL findings.</summary>
    public static async Task<ScanReport> Huge(int copies)
    {
        var inventory = await NoncompliantInventory();
        var template = inventory.SecurityGroups.Single(g => g.GroupName == "launch-wizard-1");
        var copiesOfGroup = Enumerable.Range(0, copies).Select(i => template with { Id = $"sg-{i:x17}", GroupName = $"copy-{i}" });
        return Scan(inventory with { SecurityGroups = [.. inventory.SecurityGroups, .. copiesOfGroup] });
    }

    /// <summary>Only what passes, and no collection errors: nothing a summary needs to say.</summary>
    public static async Task<ScanReport> Quiet()
    {
        var inventory = (await SnapshotFile.ReadAsync(Fixtures.Sample("compliant.json"))).Inventory;
        return Scan(inventory);
    }

    public static ScanReport Scan(AwsInventory inventory) =>
        new Scanner(new FixedClock(Now)).Scan(inventory, RuleRegistry.BuiltIn().Rules, new ScanSource("snapshot", "noncompliant.json"), SourceKind.Snapshot);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
