using Compliance.Checker.Engine;
using Compliance.Checker.Reporting;
using Compliance.Checker.Snapshots;
using Compliance.Rules;

namespace Compliance.Checker.Tests.Samples;

/// <summary>The bundled samples are what a newcomer runs first; they must keep showing every rule at work.</summary>
public sealed class SampleSnapshotTests
{
    private static async Task<ScanReport> Scan(string name)
    {
        var snapshot = await SnapshotFile.ReadAsync(Fixtures.Sample(name));
        return new Scanner().Scan(snapshot.Inventory, RuleRegistry.BuiltIn().Rules, new ScanSource("snapshot", name), SourceKind.Snapshot);
    }

    [Fact]
    public async Task Compliant_sample_scores_100_and_every_rule_passes_somewhere()
    {
        var report = await Scan("compliant.json");

        Assert.Equal(100.0, report.Score);
        Assert.Empty(report.Findings.Where(f => f.Status is ComplianceStatus.Fail or ComplianceStatus.Error).Select(f => $"{f.RuleId} {f.Resource.Id}: {f.Message}"));
        Assert.Empty(report.Rules.Where(r => r.Counts["PASS"] == 0).Select(r => r.RuleId));
    }

    [Fact]
    public async Task Noncompliant_sample_fails_every_rule_at_least_once()
    {
        var report = await Scan("noncompliant.json");

        Assert.Empty(report.Rules.Where(r => r.Counts["FAIL"] == 0).Select(r => r.RuleId));
        Assert.Equal(RuleRegistry.BuiltIn().Rules.Count, report.Rules.Count);
    }

    [Fact]
    public async Task Noncompliant_sample_shows_an_unreadable_policy_as_error_not_pass()
    {
        var report = await Scan("noncompliant.json");

        var verdicts = report.Findings.Where(f => f.Resource.Id == "example-partner-exchange" && f.RuleId is RuleIds.S3Bucket4 or RuleIds.S3Bucket8);
        Assert.All(verdicts, f => Assert.Equal(ComplianceStatus.Error, f.Status));
        Assert.Single(report.CollectionErrors);
    }

    [Fact]
    public async Task Both_samples_cover_one_account_in_two_regions()
    {
        foreach (var name in new[] { "compliant.json", "noncompliant.json" })
        {
            var snapshot = await SnapshotFile.ReadAsync(Fixtures.Sample(name));
            Assert.Single(snapshot.Inventory.AccountIds);
            Assert.Equal(2, snapshot.Inventory.Regions.Count);
            Assert.Equal(2, snapshot.Inventory.AllResources().Select(r => r.Region).Where(r => r != "global").Distinct().Count());
        }
    }
}
