using System.Text.Json.Nodes;
using Compliance.Checker.Cli;

namespace Compliance.Checker.Tests.Cli;

/// <summary>Runs the real entry point. Console redirection is process-wide, so these tests do not run in parallel.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class CliTests
{
    private static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var (stdout, stderr) = (Console.Out, Console.Error);
        var (output, error) = (new StringWriter(), new StringWriter());
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            return (await Program.Main(args), output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }
    }

    [Fact]
    public async Task Fail_on_high_exits_1_on_the_noncompliant_sample()
    {
        var (exit, output, _) = await Run("scan", "--snapshot", Fixtures.Sample("noncompliant.json"), "--fail-on", "HIGH");

        Assert.Equal(ExitCodes.FindingsAtOrAboveThreshold, exit);
        Assert.Contains("FAIL", output);
    }

    [Fact]
    public async Task Fail_on_high_exits_0_on_the_compliant_sample()
    {
        var (exit, output, _) = await Run("scan", "--snapshot", Fixtures.Sample("compliant.json"), "--fail-on", "HIGH");

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("Score 100.0", output);
    }

    [Fact]
    public async Task Truncated_snapshot_exits_2_with_a_one_line_reason()
    {
        var path = Path.Combine(Path.GetTempPath(), $"truncated-{Guid.NewGuid():N}.json");
        var full = await File.ReadAllTextAsync(Fixtures.Sample("noncompliant.json"));
        await File.WriteAllTextAsync(path, full[..(full.Length / 2)]);

        var (exit, output, error) = await Run("scan", "--snapshot", path);

        Assert.Equal(ExitCodes.UsageOrInput, exit);
        Assert.Empty(output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(path, line);
        Assert.Contains("truncated", line);
    }

    [Fact]
    public async Task Unknown_option_and_bad_severity_are_usage_errors()
    {
        Assert.Equal(ExitCodes.UsageOrInput, (await Run("scan", "--snapshot", Fixtures.Sample("compliant.json"), "--bogus")).Exit);

        var (exit, _, error) = await Run("scan", "--snapshot", Fixtures.Sample("compliant.json"), "--fail-on", "SEVERE");
        Assert.Equal(ExitCodes.UsageOrInput, exit);
        Assert.Contains("--fail-on: 'SEVERE' is not a severity", error);
    }

    [Fact]
    public async Task Unknown_rule_in_rules_filter_is_a_usage_error()
    {
        var (exit, _, error) = await Run("scan", "--snapshot", Fixtures.Sample("compliant.json"), "--rules", "S3.Bukket.1");

        Assert.Equal(ExitCodes.UsageOrInput, exit);
        Assert.Contains("No rule matches 'S3.Bukket.1'", error);
    }

    [Fact]
    public async Task Rules_list_json_lists_every_rule_with_its_catalog_id()
    {
        var (exit, output, _) = await Run("rules", "list", "--format", "json");

        Assert.Equal(ExitCodes.Ok, exit);
        var ids = JsonNode.Parse(output)!.AsArray().Select(r => (string?)r!["id"]).ToList();
        Assert.Contains("EC2.SecurityGroup.2", ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task Rules_show_prints_the_rule_and_unknown_ids_are_errors()
    {
        var (exit, output, _) = await Run("rules", "show", "ec2.securitygroup.2");
        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("# EC2.SecurityGroup.2:", output);

        Assert.Equal(ExitCodes.UsageOrInput, (await Run("rules", "show", "EC2.Nope.1")).Exit);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("sarif")]
    [InlineData("ocsf")]
    [InlineData("csv")]
    public async Task Every_format_writes_to_an_output_file(string format)
    {
        var path = Path.Combine(Path.GetTempPath(), $"report-{Guid.NewGuid():N}.{format}");

        var (exit, output, _) = await Run("scan", "--snapshot", Fixtures.Sample("noncompliant.json"), "--format", format, "--output", path);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Empty(output);
        Assert.True(new FileInfo(path).Length > 100);
    }
}

[CollectionDefinition(nameof(ConsoleCollection), DisableParallelization = true)]
public sealed class ConsoleCollection;
