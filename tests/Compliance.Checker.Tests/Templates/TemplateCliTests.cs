using System.Text.Json.Nodes;
using Compliance.Checker.Cli;
using Compliance.Checker.Tests.Cli;
using static Compliance.Checker.Tests.Templates.TemplateFixtures;

namespace Compliance.Checker.Tests.Templates;

/// <summary>`compliance scan --template` through the real entry point: exit codes, formats, bad input, SARIF locations.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class TemplateCliTests
{
    private static string Sample(string name) => Path.Combine(Fixtures.RepositoryRoot, "samples", "templates", name);

    private static Task<(int Exit, string Out, string Err)> Run(params string[] args) => CliTests.Run(args);

    [Fact]
    public async Task The_noncompliant_sample_fails_the_gate_and_the_compliant_one_passes_it()
    {
        var (failing, output, _) = await Run("scan", "--template", Sample("noncompliant.yaml"), "--fail-on", "HIGH", "--no-color");
        var (passing, _, _) = await Run("scan", "--template", Sample("compliant.yaml"), "--fail-on", "LOW");

        Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, failing);
        Assert.Contains("EC2.SecurityGroup.2", output);
        Assert.Equal(ExitCodes.Ok, passing);
    }

    [Theory]
    [InlineData("table")]
    [InlineData("json")]
    [InlineData("csv")]
    [InlineData("sarif")]
    [InlineData("ocsf")]
    public async Task Every_format_renders_a_template_scan(string format)
    {
        var (exit, output, _) = await Run("scan", "--template", Sample("noncompliant.yaml"), "--format", format, "--no-color");

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("AppSecurityGroup", output);
    }

    [Fact]
    public async Task Live_only_rules_are_listed_as_not_applicable_in_the_report()
    {
        var (_, output, _) = await Run("scan", "--template", Sample("compliant.yaml"), "--format", "json");

        var findings = JsonNode.Parse(output)!["findings"]!.AsArray();
        Assert.Contains(findings, f => (string?)f!["ruleId"] == "S3.Account.1" && (string?)f["status"] == "NOT_APPLICABLE");
        Assert.Contains(findings, f => (string?)f!["ruleId"] == "KMS.Key.2" && (string?)f["status"] == "NOT_APPLICABLE");
    }

    [Fact]
    public async Task Sarif_results_carry_the_template_file_line_and_column_as_a_physical_location()
    {
        var folder = Path.Combine(Directory.GetCurrentDirectory(), $"sarif-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var template = Write("""
            Resources:
              Vpc:
                Type: AWS::EC2::VPC
                Properties: { CidrBlock: 10.0.0.0/16 }
              Open:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: open
                  VpcId: !Ref Vpc
                  SecurityGroupIngress: [{ IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0, Description: ssh }]
            """, "app template.yaml", folder);
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), template);

        string output;
        int exit;
        try
        {
            (exit, output, _) = await Run("scan", "--template", relative, "--format", "sarif", "--rules", "EC2.SecurityGroup.2,EC2.VPC.1,S3.Account.1");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        Assert.Equal(ExitCodes.Ok, exit);
        var run = JsonNode.Parse(output)!["runs"]![0]!;
        Assert.Equal("2.1.0", (string?)JsonNode.Parse(output)!["version"]);
        var results = run["results"]!.AsArray();
        var ssh = Assert.Single(results, r => (string?)r!["ruleId"] == "EC2.SecurityGroup.2")!;
        var physical = ssh["locations"]![0]!["physicalLocation"]!;
        Assert.Equal($"{Path.GetFileName(folder)}/app%20template.yaml", (string?)physical["artifactLocation"]!["uri"]);
        Assert.Equal(5, (int?)physical["region"]!["startLine"]);
        Assert.Equal(3, (int?)physical["region"]!["startColumn"]);
        Assert.Equal("Open", (string?)ssh["locations"]![0]!["logicalLocations"]![0]!["name"]);
        var vpc = Assert.Single(results, r => (string?)r!["ruleId"] == "EC2.VPC.1")!;
        Assert.Equal(2, (int?)vpc["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]);
        Assert.All(results, r => Assert.InRange((int)r!["ruleIndex"]!, 0, run["tool"]!["driver"]!["rules"]!.AsArray().Count - 1));
        Assert.DoesNotContain(results, r => (string?)r!["ruleId"] == "S3.Account.1");
    }

    public static TheoryData<string, string, string> BadInput => new()
    {
        { "missing.yaml", "", "no such template file or cdk.out folder" },
        { "t.json", "{\n  \"Resources\": {\n    \"A\": {\"Type\": \"AWS::S3::Bucket\"\n  }\n}", "t.json:5:2: invalid JSON" },
        { "t.yaml", "Resources:\n  A:\n    Type: [unclosed\n", "t.yaml:4:1: invalid YAML" },
        { "t.yaml", "Parameters: {}\n", "has no Resources section" },
        { "t.yaml", "Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties: { BucketName: !Bogus x }\n", "t.yaml:4:31: invalid template: unknown tag !Bogus" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_templates_exit_2_with_one_line_naming_the_place(string name, string text, string expected)
    {
        var folder = Folder();
        var path = Path.Combine(folder, name);
        if (name != "missing.yaml")
        {
            Write(text, name, folder);
        }

        var (exit, output, error) = await Run("scan", "--template", path);

        Assert.Equal(ExitCodes.UsageOrInput, exit);
        Assert.Empty(output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(expected, line);
    }

    [Fact]
    public async Task A_folder_without_a_manifest_exits_2()
    {
        var (exit, _, error) = await Run("scan", "--template", Folder());

        Assert.Equal(ExitCodes.UsageOrInput, exit);
        Assert.Contains("manifest.json is missing", error);
    }

    [Theory]
    [InlineData("--param", "Nope=1", "--param Nope: no template")]
    [InlineData("--param", "NoEquals", "expected NAME=VALUE")]
    [InlineData("--template-account", "12345", "12-digit account id")]
    [InlineData("--template-region", "Mars", "region name")]
    [InlineData("--snapshot", "x.json", "give one")]
    [InlineData("--security-group", "sg-1", "cannot be combined with --template")]
    public async Task Bad_template_options_exit_2(string option, string value, string expected)
    {
        var (exit, _, error) = await Run("scan", "--template", Sample("noncompliant.yaml"), option, value);

        Assert.Equal(ExitCodes.UsageOrInput, exit);
        Assert.Contains(expected, error);
    }

    [Fact]
    public async Task Param_without_a_template_exits_2()
    {
        var (exit, _, error) = await Run("scan", "--snapshot", Fixtures.Sample("compliant.json"), "--param", "Env=prod");

        Assert.Equal(ExitCodes.UsageOrInput, exit);
        Assert.Contains("--param applies to a template scan", error);
    }

    [Fact]
    public async Task Params_account_and_region_change_what_the_template_resolves_to()
    {
        var (_, output, _) = await Run("scan", "--template", Sample("noncompliant.yaml"), "--param", "Environment=prod",
            "--template-account", "444455556666", "--template-region", "eu-central-1", "--format", "json", "--rules", "S3.Bucket.1,DynamoDB.Table.1");

        var ids = JsonNode.Parse(output)!["findings"]!.AsArray().Select(f => (string?)f!["resource"]!["id"]).ToList();
        Assert.Contains("payments-exports-prod-444455556666", ids);
        Assert.Contains("payments-ledger", ids);
        Assert.All(JsonNode.Parse(output)!["findings"]!.AsArray(), f => Assert.Equal("eu-central-1", (string?)f!["resource"]!["region"]));
    }

    [Fact]
    public async Task Unmapped_types_are_a_warning_and_stats_list_them()
    {
        var (exit, _, error) = await Run("scan", "--template", Sample("noncompliant.yaml"), "--stats", "--format", "json");

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("compliance: warning: 2 resources of 2 types no rule reads are not mapped: AWS::EC2::InternetGateway (1), AWS::EC2::VPCGatewayAttachment (1).", error);
        Assert.Contains("not mapped  AWS::EC2::InternetGateway", error);
        Assert.Contains("mapped      AWS::EC2::SecurityGroup", error);
    }
}
