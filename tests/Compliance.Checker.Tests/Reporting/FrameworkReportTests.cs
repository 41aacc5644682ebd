using System.Text.Json;
using Compliance.Checker.Cli;
using Compliance.Checker.Engine;
using Compliance.Checker.Json;
using Compliance.Checker.Reporting;
using Compliance.Checker.Reporting.FrameworkReports;
using Compliance.Checker.Snapshots;
using Compliance.Checker.Tests.Cli;
using Compliance.Rules;

namespace Compliance.Checker.Tests.Reporting;

[Collection(nameof(ConsoleCollection))]
public sealed class FrameworkReportTests
{
    private static async Task<ScanReport> Scan(string sample)
    {
        var snapshot = await SnapshotFile.ReadAsync(Fixtures.Sample(sample));
        return new Scanner().Scan(snapshot.Inventory, RuleRegistry.BuiltIn().Rules, new ScanSource("snapshot", sample), SourceKind.Snapshot);
    }

    [Fact]
    public async Task Pci_report_on_the_noncompliant_sample_lists_requirements_with_their_rules_confidence_and_status()
    {
        var report = FrameworkReport.From(Frameworks.PciDss40, await Scan("noncompliant.json"));

        var ids = report.Requirements.Select(r => r.ControlId).ToList();
        Assert.Equal(ids.Order(RuleIdComparer.Instance), ids);
        var rule = Assert.Single(report.Requirements.Single(r => r.ControlId == "1.3.1").Rules, r => r.RuleId == RuleIds.Ec2SecurityGroup2);
        Assert.Equal(MappingConfidence.Published, rule.Confidence);
        Assert.Equal(ComplianceStatus.Fail, rule.Status);
        Assert.Equal(Severity.High, rule.Severity);
        Assert.True(rule.Counts["FAIL"] > 0);
        Assert.Equal(ComplianceStatus.Fail, report.Requirements.Single(r => r.ControlId == "1.3.1").Status);
        Assert.Equal(report.Requirements.Count, report.Summary.Requirements);
        Assert.Equal(report.Requirements.Count, report.Summary.ByStatus.Values.Sum());
    }

    [Fact]
    public async Task A_requirement_backed_only_by_proposed_mappings_needs_an_assessor_and_one_with_a_published_mapping_does_not()
    {
        var report = FrameworkReport.From(Frameworks.PciDss40, await Scan("compliant.json"));

        var mappedByProposalsOnly = report.Requirements.Where(r => r.Rules.All(m => m.Confidence == MappingConfidence.Proposed)).ToList();
        Assert.NotEmpty(mappedByProposalsOnly);
        Assert.All(mappedByProposalsOnly, r => Assert.True(r.NeedsAssessorConfirmation));
        Assert.All(report.Requirements.Where(r => r.Rules.Any(m => m.Confidence == MappingConfidence.Published)), r => Assert.False(r.NeedsAssessorConfirmation));
        Assert.Equal(report.Requirements.Count(r => r.NeedsAssessorConfirmation), report.Summary.NeedingAssessorConfirmation);
        Assert.DoesNotContain(report.Requirements, r => r.Status is ComplianceStatus.Fail or ComplianceStatus.Error);
    }

    [Fact]
    public async Task A_saved_json_report_gives_the_same_framework_report_as_the_scan()
    {
        var scan = await Scan("noncompliant.json");
        var path = Path.Combine(Path.GetTempPath(), $"framework-report-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(scan, ComplianceJson.Options));
        try
        {
            var fromFile = (await SavedScanReport.ReadAsync(path, CancellationToken.None)).For(Frameworks.CisAws30);
            var direct = FrameworkReport.From(Frameworks.CisAws30, scan);

            Assert.Equal(JsonSerializer.Serialize(direct, ComplianceJson.Options), JsonSerializer.Serialize(fromFile, ComplianceJson.Options));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task The_cli_renders_csv_one_row_per_requirement_and_rule()
    {
        var (exit, output, _) = await CliTests.Run("report", "--framework", "pci-dss-4.0", "--snapshot", Fixtures.Sample("noncompliant.json"), "--format", "csv");

        Assert.Equal(ExitCodes.Ok, exit);
        var lines = output.TrimEnd().Split('\n');
        Assert.StartsWith("framework,requirement,requirement_status,needs_assessor_confirmation,rule_id", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("pci-dss-4.0,1.3.1,FAIL,false,EC2.SecurityGroup.2,", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--framework", "pci-dss-4.0")]
    [InlineData("--framework", "pci-dss-4.0", "--report", "missing.json", "--snapshot", "missing.json")]
    [InlineData("--framework", "nist-800-53", "--report", "missing.json")]
    [InlineData("--framework", "pci-dss-4.0", "--report", "missing.json")]
    public async Task Bad_input_exits_2_with_a_message(params string[] args)
    {
        var (exit, _, error) = await CliTests.Run(["report", .. args]);

        Assert.Equal(ExitCodes.UsageOrInput, exit);
        Assert.NotEmpty(error);
    }

    [Fact]
    public async Task A_file_that_is_not_a_scan_report_is_refused()
    {
        var (exit, _, error) = await CliTests.Run("report", "--framework", "aws-fsbp", "--report", Fixtures.Sample("compliant.json"));

        Assert.Equal(ExitCodes.UsageOrInput, exit);
        Assert.Contains("not a scan report", error, StringComparison.Ordinal);
    }
}
