using Compliance.Checker.Tests.Live;
using Compliance.Rules;
using Compliance.Rules.EC2;
using Compliance.Rules.Inventory;
using static Compliance.Checker.Tests.Remediation.RemediationHarness;

namespace Compliance.Checker.Tests.Remediation;

/// <summary>EC2.Account.2 and EC2.VPC.1 through the EC2 account handler; bodies as in the Amazon EC2 API reference.</summary>
public sealed class Ec2AccountRemediationTests
{
    private const string Ec2Ns = "http://ec2.amazonaws.com/doc/2016-11-15/";
    private const string VpcId = "vpc-0a60eb65b4EXAMPLE";
    private const string Destination = "arn:aws:s3:::org-flow-logs-123456789012/vpc/";

    private static Func<FakeRequest, HttpResponseMessage> Ec2(string operation, string members) =>
        FakeAws.Xml($"""<{operation}Response xmlns="{Ec2Ns}"><requestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</requestId>{members}</{operation}Response>""");

    // --- EC2.Account.2 -----------------------------------------------------------------------------------------

    private static Func<FakeRequest, HttpResponseMessage> EbsDefault(bool enabled) =>
        Ec2("GetEbsEncryptionByDefault", $"<ebsEncryptionByDefault>{(enabled ? "true" : "false")}</ebsEncryptionByDefault><sseType>sse-ebs</sseType>");

    private static RemediationPlan EbsPlan()
    {
        var settings = new RegionSettings { Id = $"{Account}/{Region}", Region = Region, AccountId = Account, EbsEncryptionByDefault = false, EbsDefaultKmsKeyId = "alias/aws/ebs" };
        return Plan(new AccountEbsEncryptionByDefault(), new AccountEbsEncryptionByDefaultRemediation(), Inventory with { RegionSettings = [settings] });
    }

    [Fact]
    public async Task Ebs_encryption_by_default_is_enabled_in_the_region_and_verified_and_a_second_apply_changes_nothing()
    {
        var aws = new FakeAws()
            .On("ec2", "GetEbsEncryptionByDefault", Region, EbsDefault(false), EbsDefault(true))
            .On("ec2", "EnableEbsEncryptionByDefault", Region, Ec2("EnableEbsEncryptionByDefault", "<ebsEncryptionByDefault>true</ebsEncryptionByDefault>"));
        var remediation = new AccountEbsEncryptionByDefaultRemediation();
        var plan = EbsPlan();

        var first = await Apply(remediation, plan, aws);
        var second = await Apply(remediation, plan, aws);

        Assert.True(first.Succeeded, first.Error);
        Assert.Equal(["GetEbsEncryptionByDefault", "EnableEbsEncryptionByDefault", "GetEbsEncryptionByDefault", "GetEbsEncryptionByDefault"], Operations(aws));
        Assert.DoesNotContain(aws.Requests, r => r.Operation == "ModifyEbsDefaultKmsKeyId");
        Assert.Equal(("false", "true"), (first.Before["EbsEncryptionByDefault"], first.After["EbsEncryptionByDefault"]));
        Assert.True(second.Succeeded);
        Assert.Equal(second.Before, second.After);
    }

    [Fact]
    public async Task Ebs_encryption_that_reads_back_off_is_not_a_success()
    {
        var aws = new FakeAws()
            .On("ec2", "GetEbsEncryptionByDefault", EbsDefault(false))
            .On("ec2", "EnableEbsEncryptionByDefault", Ec2("EnableEbsEncryptionByDefault", "<ebsEncryptionByDefault>true</ebsEncryptionByDefault>"));

        var outcome = await Apply(new AccountEbsEncryptionByDefaultRemediation(), EbsPlan(), aws);

        Assert.False(outcome.Succeeded);
        Assert.Contains("EbsEncryptionByDefault true does not hold", outcome.Error, StringComparison.Ordinal);
    }

    // --- EC2.VPC.1 ---------------------------------------------------------------------------------------------

    private static readonly Func<FakeRequest, HttpResponseMessage> NoFlowLogs = Ec2("DescribeFlowLogs", "<flowLogSet/>");

    private static Func<FakeRequest, HttpResponseMessage> FlowLogs(string status) => Ec2("DescribeFlowLogs", $"""
        <flowLogSet>
          <item><flowLogId>fl-0b2b3c4d</flowLogId><resourceId>{VpcId}</resourceId><trafficType>REJECT</trafficType>
            <logDestinationType>s3</logDestinationType><logDestination>arn:aws:s3:::other-bucket/</logDestination>
            <flowLogStatus>ACTIVE</flowLogStatus><deliverLogsStatus>SUCCESS</deliverLogsStatus></item>
          <item><flowLogId>fl-1a2b3c4d</flowLogId><resourceId>{VpcId}</resourceId><trafficType>ALL</trafficType>
            <logDestinationType>s3</logDestinationType><logDestination>{Destination}</logDestination>
            <flowLogStatus>{status}</flowLogStatus><deliverLogsStatus>SUCCESS</deliverLogsStatus><creationTime>2017-01-17T14:38:34.000Z</creationTime></item>
        </flowLogSet>
        """);

    private static readonly Func<FakeRequest, HttpResponseMessage> Created =
        Ec2("CreateFlowLogs", "<unsuccessful/><flowLogIdSet><item>fl-1a2b3c4d</item></flowLogIdSet>");

    private static RemediationPlan FlowLogPlan()
    {
        var vpc = new Vpc { Id = VpcId, Region = Region, AccountId = Account, Arn = $"arn:aws:ec2:{Region}:{Account}:vpc/{VpcId}", CidrBlock = "10.0.0.0/16" };
        return Plan(new VpcFlowLogsEnabled(), new VpcFlowLogsEnabledRemediation(new RemediationSettings { FlowLogDestinationArn = Destination }), Inventory with { Vpcs = [vpc] });
    }

    [Fact]
    public async Task A_flow_log_of_all_traffic_is_created_to_the_configured_bucket_and_verified_and_a_second_apply_changes_nothing()
    {
        var aws = new FakeAws()
            .On("ec2", "DescribeFlowLogs", Region, NoFlowLogs, FlowLogs("ACTIVE"))
            .On("ec2", "CreateFlowLogs", Region, Created);
        var remediation = new VpcFlowLogsEnabledRemediation();
        var plan = FlowLogPlan();

        var first = await Apply(remediation, plan, aws);
        var second = await Apply(remediation, plan, aws);

        Assert.True(first.Succeeded, first.Error);
        Assert.Equal(["DescribeFlowLogs", "CreateFlowLogs", "DescribeFlowLogs", "DescribeFlowLogs"], Operations(aws));
        var create = Assert.Single(aws.Calls("ec2", "CreateFlowLogs"));
        Assert.Equal(
            new Dictionary<string, string?>
            {
                ["ResourceId.1"] = VpcId, ["ResourceType"] = "VPC", ["TrafficType"] = "ALL", ["LogDestinationType"] = "s3", ["LogDestination"] = Destination,
                ["DeliverLogsPermissionArn"] = null, ["LogGroupName"] = null,
            },
            new[] { "ResourceId.1", "ResourceType", "TrafficType", "LogDestinationType", "LogDestination", "DeliverLogsPermissionArn", "LogGroupName" }
                .ToDictionary(n => n, create.Param));
        var describe = aws.Calls("ec2", "DescribeFlowLogs")[0];
        Assert.Equal(("resource-id", VpcId), (describe.Param("Filter.1.Name"), describe.Param("Filter.1.Value.1")));
        Assert.Empty(first.Before);
        Assert.Equal(("fl-1a2b3c4d", "ALL", "ACTIVE"), (first.After["FlowLogs.2.FlowLogId"], first.After["FlowLogs.2.TrafficType"], first.After["FlowLogs.2.FlowLogStatus"]));
        Assert.True(second.Succeeded);
        Assert.Equal(second.Before, second.After);
        Assert.DoesNotContain(aws.Requests, r => r.Operation == "DeleteFlowLogs");
    }

    [Fact]
    public async Task A_flow_log_that_is_not_active_afterwards_is_not_a_success()
    {
        var aws = new FakeAws()
            .On("ec2", "DescribeFlowLogs", NoFlowLogs, FlowLogs("FAILED"))
            .On("ec2", "CreateFlowLogs", Created);

        var outcome = await Apply(new VpcFlowLogsEnabledRemediation(), FlowLogPlan(), aws);

        Assert.False(outcome.Succeeded);
        Assert.Equal("FAILED", outcome.After["FlowLogs.2.FlowLogStatus"]);
    }

    [Fact]
    public async Task An_unsuccessful_item_is_a_failure_with_its_code_even_though_ec2_answered_200()
    {
        var aws = new FakeAws()
            .On("ec2", "DescribeFlowLogs", NoFlowLogs)
            .On("ec2", "CreateFlowLogs", Ec2("CreateFlowLogs", $"""
                <unsuccessful><item><error><code>400</code><message>Access Denied for LogDestination: org-flow-logs-123456789012. Please check LogDestination permission</message></error>
                <resourceId>{VpcId}</resourceId></item></unsuccessful><flowLogIdSet/>
                """));

        var outcome = await Apply(new VpcFlowLogsEnabledRemediation(), FlowLogPlan(), aws);

        Assert.False(outcome.Succeeded);
        Assert.Equal($"Failed while calling ec2:CreateFlowLogs: 400: Flow log for {VpcId} was not created: Access Denied for LogDestination: org-flow-logs-123456789012. Please check LogDestination permission", outcome.Error);
        Assert.Single(aws.Calls("ec2", "DescribeFlowLogs"));
    }
}
