using System.Text.Json.Nodes;
using Compliance.Checker.Cli;

namespace Compliance.Checker.Tests.Cli;

/// <summary>Runs the real entry point. Console redirection is process-wide, so these tests do not run in parallel.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class CliTests
{
    internal static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
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
    public async Task A_snapshot_recording_a_failed_call_is_incomplete_without_a_threshold()
    {
        var (exit, _, _) = await Run("scan", "--snapshot", Fixtures.Sample("noncompliant.json"), "--format", "json", "-o", Path.GetTempFileName());

        Assert.Equal(ExitCodes.Incomplete, exit);
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

    [Fact]
    public async Task A_live_scan_of_an_unreachable_endpoint_is_incomplete_and_passes_nothing()
    {
        var report = Path.Combine(Path.GetTempPath(), $"down-{Guid.NewGuid():N}.json");
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");

        var (exit, _, _) = await Run("scan", "--endpoint-url", "http://127.0.0.1:9", "--regions", "us-east-1,eu-west-1", "--format", "json", "-o", report, "--fail-on", "LOW", "--deadline", "60");

        Assert.Equal(ExitCodes.Incomplete, exit);
        var findings = JsonNode.Parse(await File.ReadAllTextAsync(report))!["findings"]!.AsArray();
        Assert.NotEmpty(findings);
        Assert.DoesNotContain(findings, f => (string?)f!["status"] is "PASS" or "FAIL");
    }

    [Theory]
    [InlineData("json")]
    [InlineData("sarif")]
    [InlineData("ocsf")]
    [InlineData("csv")]
    public async Task Every_format_writes_to_an_output_file(string format)
    {
        var path = Path.Combine(Path.GetTempPath(), $"report-{Guid.NewGuid():N}.{format}");

        var (exit, output, _) = await Run("scan", "--snapshot", Fixtures.Sample("compliant.json"), "--format", format, "--output", path);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Empty(output);
        var text = await File.ReadAllTextAsync(path);
        if (format == "csv")
        {
            Assert.StartsWith("rule_id,status,severity,", text);
        }
        else
        {
            Assert.NotNull(JsonNode.Parse(text)); // json and sarif are objects; ocsf is an array, empty when nothing fails
        }
    }

    private static async Task<string> SuppressionsFile(string yaml)
    {
        var path = Path.Combine(Path.GetTempPath(), $"suppressions-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(path, yaml);
        return path;
    }

    [Fact]
    public async Task Suppressions_exempt_matching_findings_before_the_report_is_scored_and_an_expired_one_is_shown_lapsed()
    {
        var suppressions = await SuppressionsFile("""
            suppressions:
              - ruleId: S3.Bucket.2
                resource: arn:aws:s3:::example-marketing-site
                reason: Public static website by design (SEC-1042).
                expires: 2099-12-31
              - ruleId: EC2.SecurityGroup.2
                resource: sg-0f7e6d5c4b3a29180
                reason: Vendor migration window (CHG-3317).
                expires: 2020-01-31
            """);
        var (plain, with) = (Path.GetTempFileName(), Path.GetTempFileName());

        await Run("scan", "--snapshot", Fixtures.Sample("noncompliant.json"), "--format", "json", "-o", plain);
        var (exit, _, error) = await Run("scan", "--snapshot", Fixtures.Sample("noncompliant.json"), "--format", "json", "-o", with, "--suppressions", suppressions, "--fail-on", "CRITICAL");

        Assert.True(exit == ExitCodes.FindingsAtOrAboveThreshold, error);
        var (before, after) = (JsonNode.Parse(await File.ReadAllTextAsync(plain))!, JsonNode.Parse(await File.ReadAllTextAsync(with))!);
        JsonNode Finding(JsonNode report, string rule, string resource) =>
            report["findings"]!.AsArray().Single(f => (string?)f!["ruleId"] == rule && (string?)f["resource"]!["id"] == resource)!;

        var website = Finding(after, "S3.Bucket.2", "example-marketing-site");
        Assert.Equal(("EXEMPT", "Public static website by design (SEC-1042).", "2099-12-31"),
            ((string?)website["status"], (string?)website["evidence"]!["suppressionReason"], (string?)website["evidence"]!["suppressionExpires"]));
        var lapsed = Finding(after, "EC2.SecurityGroup.2", "sg-0f7e6d5c4b3a29180");
        Assert.Equal(("FAIL", "2020-01-31"), ((string?)lapsed["status"], (string?)lapsed["evidence"]!["suppressionExpired"]));
        Assert.Equal(1, (int)after["summary"]!["byStatus"]!["EXEMPT"]!);
        Assert.Equal((int)before["summary"]!["byStatus"]!["FAIL"]! - 1, (int)after["summary"]!["byStatus"]!["FAIL"]!);
        Assert.True((double)after["score"]! > (double)before["score"]!);
    }

    [Fact]
    public async Task A_bad_suppressions_file_is_a_usage_error_naming_the_file_entry_and_field()
    {
        var typo = await SuppressionsFile("suppressions:\n  - ruleId: S3.Bucket.2\n    resource: '*'\n    reason: accepted\n    expiry: 2099-01-01\n");
        var unknownRule = await SuppressionsFile("suppressions:\n  - ruleId: S3.Bukket.2\n    resource: '*'\n    reason: accepted\n    expires: 2099-01-01\n");

        var (exit, output, error) = await Run("scan", "--snapshot", Fixtures.Sample("noncompliant.json"), "--suppressions", typo);
        var (unknownExit, _, unknownError) = await Run("scan", "--snapshot", Fixtures.Sample("noncompliant.json"), "--suppressions", unknownRule);

        Assert.Equal(ExitCodes.UsageOrInput, exit);
        Assert.Empty(output);
        Assert.Contains($"{typo}:5:5: suppression 1 (S3.Bucket.2): unknown field 'expiry'", Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal(ExitCodes.UsageOrInput, unknownExit);
        Assert.Contains("the suppression of 'S3.Bukket.2' (*) matches no rule", unknownError);
    }
}

[CollectionDefinition(nameof(ConsoleCollection), DisableParallelization = true)]
public sealed class ConsoleCollection;
