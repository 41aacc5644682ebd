using Compliance.Checker.Function;
using Compliance.Checker.Function.Sinks;
using Compliance.Checker.Tests.Live;
using static Compliance.Checker.Tests.Function.FunctionHarness;
using static Compliance.Checker.Tests.Live.Ec2ComputeResponses;
using static Compliance.Checker.Tests.Live.Ec2NetworkResponses;

namespace Compliance.Checker.Tests.Function;

public sealed class ComplianceFunctionTests
{
    private static FakeAws SecurityGroupApi() => new FakeAws()
        .On("ec2", "DescribeSecurityGroups", Reply("DescribeSecurityGroups", SecurityGroups))
        .On("ec2", "DescribeSecurityGroupRules", Reply("DescribeSecurityGroupRules", RulesPageOne), Reply("DescribeSecurityGroupRules", RulesPageTwo));

    private static string WorldOpenSsh => SampleEvent("sg-authorize-ingress-ssh-world.json").Replace("sg-0a1b2c3d4e5f60718", "sg-903004f8", StringComparison.Ordinal);

    [Fact]
    public async Task A_security_group_event_scans_only_that_group_with_the_security_group_rules()
    {
        var aws = SecurityGroupApi();

        var (result, log) = await Invoke(WorldOpenSsh, aws);

        Assert.Equal(("ok", "security-group-change"), (result.Status, result.Trigger));
        Assert.True(result.Counts!["FAIL"] >= 1);
        Assert.All(aws.Requests, r => Assert.Equal(("ec2", "eu-west-1"), (r.Service, r.Region)));
        Assert.Equal(3, aws.Requests.Count); // DescribeSecurityGroups + two pages of DescribeSecurityGroupRules; no STS: the event names the account
        Assert.Contains("\"event\":\"scan_finished\"", log);
        Assert.Contains($"\"scanId\":\"{result.ScanId}\"", log);
    }

    [Fact]
    public async Task A_group_named_only_by_name_is_resolved_to_its_id_first()
    {
        var aws = SecurityGroupApi();

        var (result, _) = await Invoke(SampleEvent("sg-authorize-ingress-legacy-by-name.json"), aws);

        Assert.Equal("ok", result.Status);
        var lookup = aws.Calls("ec2", "DescribeSecurityGroups")[0];
        Assert.Equal(("group-name", "web-legacy", "us-east-1"), (lookup.Param("Filter.1.Name"), lookup.Param("Filter.1.Value.1"), lookup.Region));
    }

    [Fact]
    public async Task A_failed_api_call_is_acknowledged_and_nothing_is_called()
    {
        var aws = new FakeAws();

        var (result, log) = await Invoke(SampleEvent("sg-authorize-ingress-failed.json"), aws);

        Assert.Equal("ignored", result.Status);
        Assert.Empty(aws.Requests);
        Assert.Contains("\"event\":\"event_ignored\"", log);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("{\"detail-type\": \"Object Created\", \"detail\": {}}")]
    [InlineData("")]
    public async Task Bad_input_is_an_error_result_with_one_log_line_and_no_call(string payload)
    {
        var aws = new FakeAws();

        var (result, log) = await Invoke(payload, aws);

        Assert.Equal("error", result.Status);
        Assert.False(string.IsNullOrWhiteSpace(result.Reason));
        Assert.Empty(aws.Requests);
        Assert.Single(log.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("\"level\":\"error\"", log);
    }

    [Fact]
    public async Task An_on_demand_request_cannot_raise_the_configured_remediation_mode()
    {
        var request = """{"action": "scan", "remediation": "enforce", "securityGroupIds": ["sg-903004f8"]}""";

        var (result, _) = await Invoke(request, SecurityGroupApi(), new FunctionConfiguration { Regions = ["eu-west-1"], Remediation = RemediationMode.DryRun });

        Assert.Equal("dry-run", result.Remediation!.Mode);
    }

    [Fact]
    public async Task When_one_sink_fails_the_next_still_runs_and_the_result_says_which_failed()
    {
        var s3 = new StubSink("s3", new SinkResult("s3", false, null, "AccessDenied: not authorized to perform s3:PutObject"));
        var sns = new StubSink("sns", new SinkResult("sns", true, "5b8e4f0a-0000-0000-0000-000000000000", null));

        var (result, log) = await Invoke(WorldOpenSsh, SecurityGroupApi(), sinks: [s3, sns]);

        Assert.True(sns.Called);
        Assert.Null(sns.ReceivedLocation);
        Assert.Equal([false, true], result.Sinks.Select(s => s.Delivered));
        Assert.Contains("\"event\":\"sink_failed\"", log);
    }

    [Fact]
    public async Task The_report_location_from_s3_reaches_the_summary()
    {
        var s3 = new StubSink("s3", new SinkResult("s3", true, "s3://reports/reports/123456789012/latest.json", null));
        var sns = new StubSink("sns", new SinkResult("sns", true, "id", null));

        var (result, _) = await Invoke(WorldOpenSsh, SecurityGroupApi(), sinks: [s3, sns]);

        Assert.Equal("s3://reports/reports/123456789012/latest.json", sns.ReceivedLocation);
        Assert.Equal(sns.ReceivedLocation, result.ReportLocation);
    }
}
