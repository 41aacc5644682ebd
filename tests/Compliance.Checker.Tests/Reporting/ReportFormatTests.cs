using System.Text.Json;
using System.Text.Json.Nodes;
using Compliance.Checker.Engine;
using Compliance.Checker.Json;
using Compliance.Checker.Reporting;
using Compliance.Checker.Reporting.Formats;
using Compliance.Rules;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Tests.Reporting;

public sealed class ReportFormatTests
{
    private static readonly ScanReport Report = new Scanner().Scan(
        new AwsInventory
        {
            AccountIds = [Fixtures.Account],
            Regions = ["eu-west-1"],
            SecurityGroups = [Fixtures.OpenSsh("sg-0open"), Fixtures.OpenSsh("sg-0closed") with { IngressRules = [] }],
        },
        RuleRegistry.BuiltIn().Rules.Where(r => r.Descriptor.Id == RuleIds.Ec2SecurityGroup2).ToList(),
        new ScanSource("snapshot", "test.json"),
        SourceKind.Snapshot);

    private static async Task<string> Render(IReportWriter writer)
    {
        var output = new StringWriter();
        await writer.WriteAsync(Report, output, CancellationToken.None);
        return output.ToString();
    }

    [Fact]
    public async Task Json_report_carries_schema_version_score_counts_and_framework_roll_up()
    {
        var report = JsonSerializer.Deserialize(await Render(new JsonReportWriter()), ComplianceJson.TypeInfo<ScanReport>())!;

        Assert.Equal(ScanReport.CurrentSchemaVersion, report.SchemaVersion);
        Assert.Equal(50.0, report.Score);
        Assert.Equal(1, report.Summary.ByStatus["FAIL"]);
        Assert.Equal(1, report.Summary.BySeverity["HIGH"]["PASS"]);
        var pci = Assert.Single(report.Frameworks, f => f.Framework == Frameworks.PciDss40);
        var requirement = Assert.Single(pci.Requirements, r => r.ControlId == "1.3.1");
        Assert.Equal(ComplianceStatus.Fail, requirement.Status);
        Assert.Equal(MappingConfidence.Published, Assert.Single(requirement.Rules).Confidence);
    }

    [Fact]
    public async Task Csv_has_a_header_row_and_quotes_fields_with_commas()
    {
        var lines = (await Render(new CsvReportWriter())).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(string.Join(',', CsvReportWriter.Header), lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("EC2.SecurityGroup.2,FAIL,HIGH,AWS::EC2::SecurityGroup,sg-0open,", lines[1]);
        Assert.Contains("\"Security group sg-0open allows tcp/22 from 0.0.0.0/0, which opens admin port 22.\"", lines[1]);
    }

    [Theory]
    [InlineData("=SUM(A1:A9)", "'=SUM(A1:A9)")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    public void Csv_fields_are_quoted_and_formula_safe(string field, string expected) => Assert.Equal(expected, CsvReportWriter.Quote(field));

    [Fact]
    public async Task Sarif_is_a_2_1_0_log_with_rules_and_results_that_reference_them()
    {
        var sarif = JsonNode.Parse(await Render(new SarifReportWriter()))!;

        Assert.Equal("2.1.0", (string?)sarif["version"]);
        Assert.Equal(SarifReportWriter.SchemaUri, (string?)sarif["$schema"]);
        var run = sarif["runs"]![0]!;
        Assert.Equal("compliance", (string?)run["tool"]!["driver"]!["name"]);
        var rule = run["tool"]!["driver"]!["rules"]![0]!;
        Assert.Equal("EC2.SecurityGroup.2", (string?)rule["id"]);
        Assert.Equal("8.0", (string?)rule["properties"]!["security-severity"]);
        var result = Assert.Single(run["results"]!.AsArray())!;
        Assert.Equal("EC2.SecurityGroup.2", (string?)result["ruleId"]);
        Assert.Equal(0, (int?)result["ruleIndex"]);
        Assert.Equal("error", (string?)result["level"]);
        Assert.Equal("sg-0open", (string?)result["locations"]![0]!["logicalLocations"]![0]!["name"]);
        Assert.False(string.IsNullOrEmpty((string?)result["message"]!["text"]));
    }

    [Fact]
    public async Task Ocsf_emits_detection_findings_with_the_required_attributes()
    {
        var events = JsonNode.Parse(await Render(new OcsfReportWriter()))!.AsArray();

        var e = Assert.Single(events)!;
        Assert.Equal(2004, (int?)e["class_uid"]);
        Assert.Equal(2, (int?)e["category_uid"]);
        Assert.Equal(200401, (int?)e["type_uid"]);
        Assert.Equal(1, (int?)e["activity_id"]);
        Assert.Equal(4, (int?)e["severity_id"]);
        Assert.NotNull((long?)e["time"]);
        Assert.Equal("EC2.SecurityGroup.2", (string?)e["finding_info"]!["analytic"]!["uid"]);
        Assert.False(string.IsNullOrEmpty((string?)e["finding_info"]!["uid"]));
        Assert.False(string.IsNullOrEmpty((string?)e["finding_info"]!["title"]));
        Assert.Equal(OcsfReportWriter.OcsfVersion, (string?)e["metadata"]!["version"]);
        Assert.Equal("Compliance", (string?)e["metadata"]!["product"]!["name"]);
        Assert.Equal("123456789012", (string?)e["cloud"]!["account"]!["uid"]);
    }

    [Fact]
    public async Task Table_lists_failures_and_ends_with_the_score()
    {
        var text = await Render(new TableReportWriter(colour: false));

        Assert.Contains("sg-0open", text);
        Assert.DoesNotContain("sg-0closed", text);
        Assert.Contains("Score 50.0 · 1 rules · 2 findings: 1 PASS, 1 FAIL, 0 ERROR", text);
        Assert.DoesNotContain("\u001b[", text);
    }
}
