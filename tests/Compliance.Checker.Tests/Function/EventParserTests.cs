using System.Text;
using Compliance.Checker.Function;

namespace Compliance.Checker.Tests.Function;

public sealed class EventParserTests
{
    private static FunctionRequest Sample(string name) =>
        EventParser.Parse(File.ReadAllBytes(Path.Combine(Fixtures.RepositoryRoot, "samples", "events", name)));

    private static FunctionRequest Text(string json) => EventParser.Parse(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Scheduled_event_is_a_full_scan() =>
        Assert.Equal(new FunctionRequest.Scheduled("123456789012", "eu-west-1", "53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa"), Sample("scheduled.json"));

    [Theory]
    [InlineData("sg-authorize-ingress-ssh-world.json", "AuthorizeSecurityGroupIngress", "sg-0a1b2c3d4e5f60718", "sgr-0d1f2e3c4b5a69788")]
    [InlineData("sg-authorize-egress.json", "AuthorizeSecurityGroupEgress", "sg-0a1b2c3d4e5f60718", "sgr-0e2f3a4b5c6d7e8f9")]
    [InlineData("sg-create.json", "CreateSecurityGroup", "sg-0c1d2e3f4a5b6c7d8", null)]
    [InlineData("sg-modify-rules.json", "ModifySecurityGroupRules", "sg-0b1c2d3e4f5a6b7c8", "sgr-0a9b8c7d6e5f40312")]
    [InlineData("sg-revoke-ingress.json", "RevokeSecurityGroupIngress", "sg-0a1b2c3d4e5f60718", null)]
    public void Security_group_events_name_the_group_they_touched(string sample, string eventName, string groupId, string? ruleId)
    {
        var change = Assert.IsType<FunctionRequest.SecurityGroupChange>(Sample(sample));

        Assert.Equal(("123456789012", "eu-west-1", eventName), (change.Account, change.Region, change.EventName));
        Assert.Equal([groupId], change.GroupIds);
        Assert.Empty(change.GroupNames);
        Assert.Equal(ruleId is null ? [] : [ruleId], change.RuleIds);
    }

    [Fact]
    public void A_bare_legacy_record_naming_the_group_only_by_name_is_accepted()
    {
        var change = Assert.IsType<FunctionRequest.SecurityGroupChange>(Sample("sg-authorize-ingress-legacy-by-name.json"));

        Assert.Equal(("123456789012", "us-east-1"), (change.Account, change.Region));
        Assert.Empty(change.GroupIds);
        Assert.Equal(["web-legacy"], change.GroupNames);
    }

    [Fact]
    public void A_failed_call_is_acknowledged_and_ignored() =>
        Assert.Contains("Client.UnauthorizedOperation", Assert.IsType<FunctionRequest.Ignored>(Sample("sg-authorize-ingress-failed.json")).Reason);

    [Fact]
    public void On_demand_request_carries_its_scope_and_mode() =>
        Assert.Equivalent(new FunctionRequest.OnDemand(["EC2.*", "S3.*"], ["EC2.Snapshot.1"], ["eu-west-1", "us-east-1"], RemediationMode.DryRun, []), Sample("on-demand.json"));

    [Theory]
    [InlineData("{\"detail-type\": \"Scheduled Event\", ", "not valid JSON")]
    [InlineData("[1, 2]", "must be a JSON object")]
    [InlineData("{\"hello\": \"world\"}", "Unrecognised event")]
    [InlineData("{\"detail-type\": \"EC2 Instance State-change Notification\", \"detail\": {}}", "Unsupported EventBridge detail-type")]
    [InlineData("{\"detail-type\": \"AWS API Call via CloudTrail\", \"account\": \"1\", \"region\": \"eu-west-1\", \"detail\": {\"eventSource\": \"s3.amazonaws.com\", \"eventName\": \"PutBucketPolicy\"}}", "only the security-group API calls")]
    [InlineData("{\"detail-type\": \"AWS API Call via CloudTrail\", \"account\": \"1\", \"region\": \"eu-west-1\", \"detail\": {\"eventSource\": \"ec2.amazonaws.com\", \"eventName\": \"AuthorizeSecurityGroupIngress\", \"requestParameters\": {}}}", "names no security group")]
    [InlineData("{\"action\": \"delete-everything\"}", "Unknown action")]
    [InlineData("{\"action\": \"scan\", \"remediation\": \"yolo\"}", "not off, dry-run or enforce")]
    [InlineData("", "not valid JSON")]
    public void Bad_input_is_invalid_with_a_reason_and_never_throws(string json, string reason) =>
        Assert.Contains(reason, Assert.IsType<FunctionRequest.Invalid>(Text(json)).Reason);

    [Fact]
    public void Ports_written_as_strings_and_numbers_are_both_read()
    {
        var json = """{"eventSource":"ec2.amazonaws.com","eventName":"AuthorizeSecurityGroupIngress","awsRegion":"eu-west-1","recipientAccountId":"123456789012","requestParameters":{"groupId":"sg-0123456789abcdef0","ipProtocol":"tcp","fromPort":"22","toPort":22,"cidrIp":"0.0.0.0/0"},"responseElements":{"_return":true}}""";

        Assert.Equal(["sg-0123456789abcdef0"], Assert.IsType<FunctionRequest.SecurityGroupChange>(Text(json)).GroupIds);
    }
}
