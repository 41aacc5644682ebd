using Compliance.Rules.ApiGateway;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.ApiGateway.ApiGatewayFixtures;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.ApiGateway;

public sealed class StageAccessLogsEncryptedTests
{
    private readonly StageAccessLogsEncrypted _rule = new();

    private const string CustomerKey = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private const string AwsKey = "arn:aws:kms:eu-west-1:123456789012:key/0987dcba-09fe-87dc-65ba-ab0987654321";

    private static string GroupArn(string name) => $"arn:aws:logs:{Region}:{Account}:log-group:{name}";

    private static LogGroup Group(string name, string? key) => new() { Id = name, Region = Region, AccountId = Account, Arn = GroupArn(name), KmsKeyId = key, RetentionInDays = 365 };

    private static KmsKey Key(string arn, string manager) => new()
    {
        Id = arn.Split('/')[^1], Region = Region, AccountId = Account, Arn = arn, KeyManager = manager, KeyState = "Enabled", KeySpec = "SYMMETRIC_DEFAULT",
    };

    private static AwsInventory Inventory(params ApiGatewayStage[] stages) => BaseInventory with
    {
        ApiGatewayStages = stages,
        LogGroups = [Group("/aws/apigateway/orders-access", CustomerKey), Group("/aws/apigateway/plain", null), Group("/aws/apigateway/aws-key", AwsKey)],
        KmsKeys = [Key(CustomerKey, "CUSTOMER"), Key(AwsKey, "AWS")],
    };

    [Fact]
    public void Access_logs_to_a_customer_key_group_pass()
    {
        var inventory = Inventory(
            Stage("pass-cmk-group", accessLog: GroupArn("/aws/apigateway/orders-access")),
            Stage("fail-off", accessLog: ""),
            Stage("fail-group-without-key", accessLog: GroupArn("/aws/apigateway/plain")),
            Stage("fail-aws-managed-key", accessLog: GroupArn("/aws/apigateway/aws-key")));

        ExactFailing(_rule, inventory, "fail-off", "fail-group-without-key", "fail-aws-managed-key");
    }

    [Fact]
    public void Firehose_groups_outside_the_inventory_and_unknown_settings_are_errors()
    {
        var inventory = Inventory(
            Stage("firehose", accessLog: $"arn:aws:firehose:{Region}:{Account}:deliverystream/amazon-apigateway-orders"),
            Stage("missing-group", accessLog: GroupArn("/aws/apigateway/elsewhere")),
            Stage("unknown", accessLog: null)) with
        {
            CollectionErrors = [PerApiError(ResourceTypes.ApiGatewayStage, "GetStages", "stagesfail1")],
        };

        var findings = Evaluate(_rule, inventory);

        Assert.All(["firehose", "missing-group", "unknown", "stagesfail1/*"], id => Assert.Equal(ComplianceStatus.Error, StatusOf(findings, id)));
    }

    [Fact]
    public void Failure_names_the_stage_and_the_log_group()
    {
        var finding = Assert.Single(Evaluate(_rule, Inventory(Stage("a1b2c3d4e5/prod", accessLog: GroupArn("/aws/apigateway/plain")))));

        Assert.Equal("Stage prod of REST API a1b2c3d4e5 sends access logs to log group /aws/apigateway/plain, which has no KMS key and relies on CloudWatch Logs service-managed encryption only.", finding.Message);
        Assert.Equal(("/aws/apigateway/plain", "none"), (finding.Evidence["logGroup"], finding.Evidence["kmsKeyId"]));
    }
}
