using Compliance.Rules.EC2;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.EC2;

public sealed class VpcFlowLogsEnabledTests
{
    private const string KeyArn = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private readonly VpcFlowLogsEnabled _rule = new();
    private int _next;

    private static Vpc Vpc(string id) => new()
    {
        Id = id,
        Region = Region,
        AccountId = Account,
        Arn = $"arn:aws:ec2:{Region}:{Account}:vpc/{id}",
        CidrBlock = "10.0.0.0/16",
    };

    private FlowLog ToLogGroup(string resourceId, string logGroup, string trafficType = "ALL", string? status = "ACTIVE") => new()
    {
        Id = NextId(),
        Region = Region,
        AccountId = Account,
        ResourceId = resourceId,
        TrafficType = trafficType,
        LogDestinationType = "cloud-watch-logs",
        LogGroupName = logGroup,
        LogDestination = $"arn:aws:logs:{Region}:{Account}:log-group:{logGroup}",
        FlowLogStatus = status,
        DeliverLogsStatus = "SUCCESS",
    };

    private FlowLog ToBucket(string resourceId, string destinationArn, string trafficType = "ALL") => new()
    {
        Id = NextId(),
        Region = Region,
        AccountId = Account,
        ResourceId = resourceId,
        TrafficType = trafficType,
        LogDestinationType = "s3",
        LogDestination = destinationArn,
        FlowLogStatus = "ACTIVE",
        DeliverLogsStatus = "SUCCESS",
    };

    private string NextId() => $"fl-0{++_next:D16}";

    private static LogGroup Group(string name, string? kmsKeyId) => new()
    {
        Id = name,
        Region = Region,
        AccountId = Account,
        Arn = $"arn:aws:logs:{Region}:{Account}:log-group:{name}:*",
        KmsKeyId = kmsKeyId,
        RetentionInDays = 365,
    };

    private static Bucket Bucket(string name, BucketEncryption? encryption) => new()
    {
        Id = name,
        Region = Region,
        AccountId = Account,
        Arn = $"arn:aws:s3:::{name}",
        Encryption = encryption,
    };

    private static readonly BucketEncryption SseKms = new("aws:kms", KeyArn, true);
    private static readonly BucketEncryption SseS3 = new("AES256", null, false);

    private AwsInventory Fixture() => BaseInventory with
    {
        Vpcs =
        [
            Vpc("pass-log-group-kms"), Vpc("pass-s3-kms-with-prefix"), Vpc("pass-one-good-among-bad"),
            Vpc("fail-no-flow-log"), Vpc("fail-accept-only"), Vpc("fail-reject-only"), Vpc("fail-log-group-without-kms"),
            Vpc("fail-bucket-sse-s3"), Vpc("fail-subnet-log-only"),
        ],
        FlowLogs =
        [
            ToLogGroup("pass-log-group-kms", "/vpc/flow-logs/encrypted"),
            ToBucket("pass-s3-kms-with-prefix", "arn:aws:s3:::org-flow-logs-123456789012/vpc/eu-west-1/"),
            ToLogGroup("pass-one-good-among-bad", "/vpc/flow-logs/encrypted", trafficType: "ACCEPT"),
            ToLogGroup("pass-one-good-among-bad", "/vpc/flow-logs/plain"),
            ToLogGroup("pass-one-good-among-bad", "/vpc/flow-logs/encrypted"),
            ToLogGroup("fail-accept-only", "/vpc/flow-logs/encrypted", trafficType: "ACCEPT"),
            ToLogGroup("fail-reject-only", "/vpc/flow-logs/encrypted", trafficType: "REJECT"),
            ToLogGroup("fail-log-group-without-kms", "/vpc/flow-logs/plain"),
            ToBucket("fail-bucket-sse-s3", "arn:aws:s3:::sse-s3-flow-logs"),
            ToLogGroup("subnet-0a1b2c3d4e5f60718", "/vpc/flow-logs/encrypted"),
        ],
        LogGroups = [Group("/vpc/flow-logs/encrypted", KeyArn), Group("/vpc/flow-logs/plain", null)],
        Buckets = [Bucket("org-flow-logs-123456789012", SseKms), Bucket("sse-s3-flow-logs", SseS3)],
    };

    [Fact]
    public void Vpcs_pass_only_with_an_active_all_traffic_log_to_a_kms_encrypted_destination()
    {
        ExactFailing(_rule, Fixture(),
            "fail-no-flow-log", "fail-accept-only", "fail-reject-only", "fail-log-group-without-kms", "fail-bucket-sse-s3", "fail-subnet-log-only");
    }

    [Fact]
    public void Without_the_encryption_requirement_an_unencrypted_destination_passes_but_traffic_type_still_counts()
    {
        var findings = Evaluate(_rule, Fixture(), new Dictionary<string, string> { ["requireEncryptedDestination"] = "false" });

        Assert.Equal(ComplianceStatus.Pass, StatusOf(findings, "fail-log-group-without-kms"));
        Assert.Equal(ComplianceStatus.Pass, StatusOf(findings, "fail-bucket-sse-s3"));
        Assert.Equal(ComplianceStatus.Fail, StatusOf(findings, "fail-accept-only"));
        Assert.Equal(ComplianceStatus.Fail, StatusOf(findings, "fail-no-flow-log"));
    }

    [Fact]
    public void Destination_outside_the_inventory_is_an_error_not_a_pass()
    {
        var inventory = BaseInventory with
        {
            Vpcs = [Vpc("vpc-central-logging")],
            FlowLogs = [ToBucket("vpc-central-logging", "arn:aws:s3:::central-log-archive-999999999999/flow/")],
        };

        var finding = Assert.Single(Evaluate(_rule, inventory));

        Assert.Equal(ComplianceStatus.Error, finding.Status);
        Assert.Contains("central-log-archive-999999999999, which is not in the inventory, so its KMS encryption cannot be verified", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bucket-encryption-unread")]
    [InlineData("status-unknown")]
    [InlineData("firehose")]
    [InlineData("collection-failed")]
    public void Unknown_values_give_an_error(string scenario)
    {
        const string vpcId = "vpc-0123456789abcdef0";
        var inventory = BaseInventory with
        {
            Vpcs = [Vpc(vpcId)],
            LogGroups = [Group("/vpc/flow-logs/encrypted", KeyArn)],
            Buckets = [Bucket("unread-flow-logs", encryption: null)],
        };
        inventory = scenario switch
        {
            "bucket-encryption-unread" => inventory with { FlowLogs = [ToBucket(vpcId, "arn:aws:s3:::unread-flow-logs")] },
            "status-unknown" => inventory with { FlowLogs = [ToLogGroup(vpcId, "/vpc/flow-logs/encrypted", status: null)] },
            "firehose" => inventory with
            {
                FlowLogs = [ToBucket(vpcId, $"arn:aws:firehose:{Region}:{Account}:deliverystream/flow-logs") with { LogDestinationType = "kinesis-data-firehose" }],
            },
            _ => inventory with
            {
                CollectionErrors =
                [
                    new CollectionError
                    {
                        Service = "ec2", Operation = "DescribeFlowLogs", Region = Region, ResourceType = ResourceTypes.FlowLog,
                        ErrorCode = "UnauthorizedOperation", Message = "You are not authorized to perform this operation.",
                    },
                ],
            },
        };

        Assert.Equal(ComplianceStatus.Error, StatusOf(Evaluate(_rule, inventory), vpcId));
    }

    [Fact]
    public void Unknown_status_does_not_hide_a_log_that_qualifies()
    {
        const string vpcId = "pass-vpc-with-two-logs";
        var inventory = BaseInventory with
        {
            Vpcs = [Vpc(vpcId)],
            FlowLogs = [ToLogGroup(vpcId, "/vpc/flow-logs/encrypted", status: null), ToLogGroup(vpcId, "/vpc/flow-logs/encrypted")],
            LogGroups = [Group("/vpc/flow-logs/encrypted", KeyArn)],
        };

        ExactFailing(_rule, inventory);
    }

    [Fact]
    public void Accept_only_failure_names_the_log_and_the_traffic_type()
    {
        var log = ToLogGroup("vpc-0123456789abcdef0", "/vpc/flow-logs/encrypted", trafficType: "ACCEPT");
        var inventory = BaseInventory with
        {
            Vpcs = [Vpc("vpc-0123456789abcdef0") with { Tags = new Dictionary<string, string> { ["Name"] = "prod" } }],
            FlowLogs = [log],
            LogGroups = [Group("/vpc/flow-logs/encrypted", KeyArn)],
        };

        var finding = Assert.Single(Evaluate(_rule, inventory));

        Assert.Equal(ComplianceStatus.Fail, finding.Status);
        Assert.Equal($"VPC vpc-0123456789abcdef0 (prod) has no qualifying flow log: {log.Id} captures ACCEPT traffic only, not ALL.", finding.Message);
        Assert.Equal("ACCEPT", finding.Evidence["trafficType"]);
        Assert.Equal($"KMS key {KeyArn}", finding.Evidence["destinationEncryption"]);
        Assert.Equal(log.Id, finding.Evidence["flowLogIds"]);
    }

    [Fact]
    public void Pass_names_the_destination_and_its_key()
    {
        var inventory = BaseInventory with
        {
            Vpcs = [Vpc("vpc-0123456789abcdef0")],
            FlowLogs = [ToBucket("vpc-0123456789abcdef0", "arn:aws:s3:::org-flow-logs-123456789012/vpc/eu-west-1/")],
            Buckets = [Bucket("org-flow-logs-123456789012", SseKms)],
        };

        var finding = Assert.Single(Evaluate(_rule, inventory));

        Assert.Equal(ComplianceStatus.Pass, finding.Status);
        Assert.Contains($"to bucket org-flow-logs-123456789012 encrypted with aws:kms key {KeyArn}", finding.Message, StringComparison.Ordinal);
    }
}
