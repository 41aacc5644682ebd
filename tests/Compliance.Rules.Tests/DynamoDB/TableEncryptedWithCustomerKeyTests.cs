using Compliance.Rules.DynamoDB;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.KMS.KmsFixtures;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.DynamoDB;

public sealed class TableEncryptedWithCustomerKeyTests
{
    private readonly TableEncryptedWithCustomerKey _rule = new();

    private static DynamoDbTable Table(string name, TableEncryption? encryption) => new()
    {
        Id = name,
        Region = Region,
        AccountId = Account,
        Arn = $"arn:aws:dynamodb:{Region}:{Account}:table/{name}",
        Encryption = encryption,
        PointInTimeRecoveryEnabled = true,
    };

    [Fact]
    public void Only_customer_managed_keys_pass()
    {
        var inventory = BaseInventory with
        {
            KmsKeys = [CustomerKey(CustomerKeyId), AwsManagedKey(AwsManagedKeyId, "alias/aws/dynamodb")],
            DynamoDbTables =
            [
                Table("pass-customer-key", new TableEncryption("KMS", CustomerKeyArn)),
                Table("fail-aws-owned", new TableEncryption("AWS_OWNED", null)),
                Table("fail-aws-managed", new TableEncryption("KMS", AwsManagedKeyArn)),
            ],
        };

        ExactFailing(_rule, inventory, "fail-aws-owned", "fail-aws-managed");
    }

    [Fact]
    public void Unknown_settings_or_keys_are_errors()
    {
        var inventory = BaseInventory with
        {
            KmsKeys = [CustomerKey(CustomerKeyId) with { KeyManager = null }],
            DynamoDbTables =
            [
                Table("encryption-unknown", null),
                Table("key-arn-missing", new TableEncryption("KMS", null)),
                Table("key-not-collected", new TableEncryption("KMS", AwsManagedKeyArn)),
                Table("manager-unknown", new TableEncryption("KMS", CustomerKeyArn)),
            ],
        };

        var findings = Evaluate(_rule, inventory);

        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "encryption-unknown"));
        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "key-arn-missing"));
        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "key-not-collected"));
        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "manager-unknown"));
    }

    [Fact]
    public void Failure_names_the_aws_managed_key()
    {
        var inventory = BaseInventory with
        {
            KmsKeys = [AwsManagedKey(AwsManagedKeyId, "alias/aws/dynamodb")],
            DynamoDbTables = [Table("orders", new TableEncryption("KMS", AwsManagedKeyArn))],
        };

        var finding = Assert.Single(Evaluate(_rule, inventory));

        Assert.Equal(ComplianceStatus.Fail, finding.Status);
        Assert.Equal($"DynamoDB table orders is encrypted with the AWS managed key {AwsManagedKeyArn} (alias/aws/dynamodb), not a customer managed key.", finding.Message);
        Assert.Equal("KMS", finding.Evidence["sseType"]);
        Assert.Equal(AwsManagedKeyArn, finding.Evidence["kmsMasterKeyArn"]);
        Assert.Equal("AwsManaged", finding.Evidence["keyOwnership"]);
    }
}
