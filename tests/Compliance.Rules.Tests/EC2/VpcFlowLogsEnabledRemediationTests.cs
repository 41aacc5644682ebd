using Compliance.Rules.EC2;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.RemediationAssert;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.EC2;

public sealed class VpcFlowLogsEnabledRemediationTests
{
    private const string KeyArn = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private const string Destination = "arn:aws:s3:::org-flow-logs-123456789012/vpc/";
    private static readonly RemediationSettings Configured = new() { FlowLogDestinationArn = Destination };

    private readonly VpcFlowLogsEnabled _rule = new();

    private static Vpc Vpc(string id) => new() { Id = id, Region = Region, AccountId = Account, Arn = $"arn:aws:ec2:{Region}:{Account}:vpc/{id}", CidrBlock = "10.0.0.0/16" };

    private static FlowLog ToBucket(string id, string vpcId, string destination, string trafficType = "ALL", string? status = "ACTIVE") => new()
    {
        Id = id,
        Region = Region,
        AccountId = Account,
        ResourceId = vpcId,
        TrafficType = trafficType,
        LogDestinationType = "s3",
        LogDestination = destination,
        FlowLogStatus = status,
        DeliverLogsStatus = "SUCCESS",
    };

    private static Bucket Bucket(string name, string algorithm) => new()
    {
        Id = name,
        Region = Region,
        AccountId = Account,
        Arn = $"arn:aws:s3:::{name}",
        Encryption = new BucketEncryption(algorithm, algorithm == "AES256" ? null : KeyArn, true),
    };

    private static AwsInventory Inventory(Vpc vpc, params FlowLog[] logs) => BaseInventory with
    {
        Vpcs = [vpc],
        FlowLogs = logs,
        Buckets = [Bucket("org-flow-logs-123456789012", "aws:kms"), Bucket("sse-s3-flow-logs", "AES256")],
    };

    [Fact]
    public void A_vpc_without_a_flow_log_gets_one_of_all_traffic_to_the_configured_bucket()
    {
        var remediation = new VpcFlowLogsEnabledRemediation(Configured);

        var plan = PlanFor(_rule, remediation, Inventory(Vpc("fail-no-flow-log")), "fail-no-flow-log");

        IsSingleCall(plan, "ec2:CreateFlowLogs", new Dictionary<string, string>
        {
            ["Region"] = Region, ["ResourceIds"] = "fail-no-flow-log", ["ResourceType"] = "VPC", ["TrafficType"] = "ALL",
            ["LogDestinationType"] = "s3", ["LogDestination"] = Destination,
        });
        DeclaresItsActions(remediation, plan!);
    }

    [Fact]
    public void A_vpc_logging_only_accepted_traffic_gets_an_additional_all_traffic_flow_log() =>
        Assert.NotNull(PlanFor(_rule, new VpcFlowLogsEnabledRemediation(Configured),
            Inventory(Vpc("fail-accept-only"), ToBucket("fl-01234567890abcdef", "fail-accept-only", Destination, "ACCEPT")), "fail-accept-only"));

    [Fact]
    public void Without_a_configured_destination_or_with_one_that_is_not_a_bucket_arn_there_is_no_plan()
    {
        var inventory = Inventory(Vpc("fail-no-flow-log"));

        Assert.Null(PlanFor(_rule, new VpcFlowLogsEnabledRemediation(), inventory, "fail-no-flow-log"));
        Assert.Null(PlanFor(_rule, new VpcFlowLogsEnabledRemediation(new RemediationSettings { FlowLogDestinationArn = "org-flow-logs-123456789012" }), inventory, "fail-no-flow-log"));
        Assert.Null(PlanFor(_rule, new VpcFlowLogsEnabledRemediation(new RemediationSettings { FlowLogDestinationArn = $"arn:aws:logs:{Region}:{Account}:log-group:flow" }), inventory, "fail-no-flow-log"));
    }

    [Fact]
    public void An_all_traffic_flow_log_to_the_configured_destination_already_there_means_another_would_not_help()
    {
        var inventory = Inventory(Vpc("fail-inactive"), ToBucket("fl-01234567890abcdef", "fail-inactive", "arn:aws:s3:::org-flow-logs-123456789012/vpc", status: "FAILED"));

        Assert.Null(PlanFor(_rule, new VpcFlowLogsEnabledRemediation(Configured), inventory, "fail-inactive"));
    }

    [Fact]
    public void A_destination_bucket_known_not_to_be_kms_encrypted_is_not_used() =>
        Assert.Null(PlanFor(_rule, new VpcFlowLogsEnabledRemediation(new RemediationSettings { FlowLogDestinationArn = "arn:aws:s3:::sse-s3-flow-logs" }),
            Inventory(Vpc("fail-no-flow-log")), "fail-no-flow-log"));

    [Fact]
    public void Compliant_and_unknown_vpcs_get_no_plan()
    {
        var remediation = new VpcFlowLogsEnabledRemediation(Configured);

        Assert.Null(PlanFor(_rule, remediation, Inventory(Vpc("pass-logged"), ToBucket("fl-01234567890abcdef", "pass-logged", Destination)), "pass-logged"));
        Assert.Null(PlanFor(_rule, remediation, Inventory(Vpc("error-status"), ToBucket("fl-01234567890abcdef", "error-status", Destination, status: null)), "error-status"));
    }
}
