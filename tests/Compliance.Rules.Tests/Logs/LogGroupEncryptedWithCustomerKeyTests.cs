using Compliance.Rules.Inventory;
using Compliance.Rules.Logs;
using static Compliance.Rules.Tests.KMS.KmsFixtures;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.Logs;

public sealed class LogGroupEncryptedWithCustomerKeyTests
{
    private readonly LogGroupEncryptedWithCustomerKey _rule = new();

    private static LogGroup Group(string name, string? kmsKeyId, string region = Region) => new()
    {
        Id = name,
        Region = region,
        AccountId = Account,
        Arn = $"arn:aws:logs:{region}:{Account}:log-group:{name}:*",
        KmsKeyId = kmsKeyId,
        RetentionInDays = 365,
    };

    [Fact]
    public void Only_customer_managed_keys_pass()
    {
        var inventory = BaseInventory with
        {
            KmsKeys = [CustomerKey(CustomerKeyId), AwsManagedKey(AwsManagedKeyId, "alias/aws/logs")],
            LogGroups =
            [
                Group("pass-customer-key", CustomerKeyArn),
                Group("pass-key-arn-from-other-region", CustomerKeyArn, OtherRegion),
                Group("fail-service-managed", null),
                Group("fail-aws-managed-key", AwsManagedKeyArn),
            ],
        };

        ExactFailing(_rule, inventory, "fail-service-managed", "fail-aws-managed-key");
    }

    [Fact]
    public void A_key_the_inventory_does_not_know_is_an_error()
    {
        var inventory = BaseInventory with
        {
            KmsKeys = [CustomerKey("5678efgh-56ef-78gh-90ij-567890abcdef") with { KeyManager = null }],
            LogGroups =
            [
                Group("key-not-collected", CustomerKeyArn),
                Group("manager-unknown", $"arn:aws:kms:{Region}:{Account}:key/5678efgh-56ef-78gh-90ij-567890abcdef"),
            ],
        };

        var findings = Evaluate(_rule, inventory);

        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "key-not-collected"));
        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "manager-unknown"));
    }

    [Fact]
    public void Failure_says_the_group_has_only_service_managed_encryption()
    {
        var inventory = BaseInventory with { LogGroups = [Group("/aws/lambda/orders-api", null)] };

        var finding = Assert.Single(Evaluate(_rule, inventory));

        Assert.Equal(ComplianceStatus.Fail, finding.Status);
        Assert.Equal("Log group /aws/lambda/orders-api has no KMS key and relies on CloudWatch Logs service-managed encryption only.", finding.Message);
        Assert.Equal("none", finding.Evidence["kmsKeyId"]);
        Assert.Equal("None", finding.Evidence["keyOwnership"]);
    }
}
