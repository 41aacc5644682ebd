using Compliance.Rules.Inventory;
using Compliance.Rules.S3;
using static Compliance.Rules.Tests.RuleAssert;
using static Compliance.Rules.Tests.S3.S3Fixtures;

namespace Compliance.Rules.Tests.S3;

public sealed class BucketEncryptedWithCustomerKeyTests
{
    private const string AwsManagedKeyId = "0987dcba-09fe-87dc-65ba-ab0987654321";
    private const string MissingKeyArn = $"arn:aws:kms:{Region}:{Account}:key/5f6e7d8c-1a2b-3c4d-5e6f-7a8b9c0d1e2f";

    private readonly BucketEncryptedWithCustomerKey _rule = new();

    private static KmsKey AwsManagedS3Key => new()
    {
        Id = AwsManagedKeyId,
        Arn = $"arn:aws:kms:{Region}:{Account}:key/{AwsManagedKeyId}",
        Region = Region,
        AccountId = Account,
        KeyManager = "AWS",
        Aliases = ["alias/aws/s3"],
    };

    private static Bucket Encrypted(string name, string algorithm, string? key, bool bucketKey) =>
        Bucket(name) with { Encryption = new BucketEncryption(algorithm, key, bucketKey) };

    private static AwsInventory Inventory(params Bucket[] buckets) => BaseInventory with { Buckets = buckets, KmsKeys = [DataKey, AwsManagedS3Key] };

    [Fact]
    public void Customer_managed_kms_passes_and_s3_or_aws_managed_keys_fail()
    {
        var inventory = Inventory(
            Encrypted("pass-sse-kms-cmk", "aws:kms", KeyArn, true),
            Encrypted("pass-sse-kms-cmk-by-alias", "aws:kms", "alias/app-data", true),
            Encrypted("pass-sse-kms-cmk-by-key-id", "aws:kms", KeyId, true),
            Encrypted("pass-dsse-kms-cmk", "aws:kms:dsse", KeyArn, false),
            Encrypted("fail-sse-s3", "AES256", null, false),
            Encrypted("fail-sse-s3-with-bucket-key-flag", "AES256", null, true),
            Encrypted("fail-sse-kms-default-key", "aws:kms", null, true),
            Encrypted("fail-sse-kms-aws-s3-alias", "aws:kms", "alias/aws/s3", true),
            Encrypted("fail-sse-kms-aws-managed-arn", "aws:kms", AwsManagedS3Key.Arn, true),
            Encrypted("fail-dsse-kms-default-key", "aws:kms:dsse", null, false),
            Encrypted("fail-sse-kms-no-bucket-key", "aws:kms", KeyArn, false));

        ExactFailing(_rule, inventory,
            "fail-sse-s3", "fail-sse-s3-with-bucket-key-flag", "fail-sse-kms-default-key", "fail-sse-kms-aws-s3-alias",
            "fail-sse-kms-aws-managed-arn", "fail-dsse-kms-default-key", "fail-sse-kms-no-bucket-key");
    }

    [Fact]
    public void The_bucket_key_requirement_can_be_turned_off()
    {
        var inventory = Inventory(Encrypted("pass-sse-kms-no-bucket-key", "aws:kms", KeyArn, false), Encrypted("fail-sse-s3", "AES256", null, false));

        var findings = Evaluate(_rule, inventory, new Dictionary<string, string> { ["requireBucketKey"] = "false" });

        Assert.Equal(ComplianceStatus.Pass, StatusOf(findings, "pass-sse-kms-no-bucket-key"));
        Assert.Equal(ComplianceStatus.Fail, StatusOf(findings, "fail-sse-s3"));
    }

    [Fact]
    public void Unknown_configuration_or_key_is_an_error_unless_another_reason_fails_it()
    {
        var inventory = Inventory(
            Bucket("encryption-unknown") with { Encryption = null },
            Encrypted("key-not-in-inventory", "aws:kms", MissingKeyArn, true),
            Encrypted("dsse-key-not-in-inventory", "aws:kms:dsse", MissingKeyArn, false),
            Encrypted("fail-key-unknown-and-no-bucket-key", "aws:kms", MissingKeyArn, false));

        var findings = ExactFailing(_rule, inventory, "fail-key-unknown-and-no-bucket-key");

        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "encryption-unknown"));
        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "key-not-in-inventory"));
        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "dsse-key-not-in-inventory"));
        Assert.Equal("unknown", Assert.Single(findings, f => f.Resource.Id == "key-not-in-inventory").Evidence["keyManager"]);
    }

    [Fact]
    public void Failure_explains_the_aws_managed_default_key()
    {
        var finding = Assert.Single(Evaluate(_rule, Inventory(Encrypted("fail-default-key", "aws:kms", null, false))));

        Assert.Equal(ComplianceStatus.Fail, finding.Status);
        Assert.Equal(
            "Bucket fail-default-key uses aws:kms default encryption but aws:kms names no KMSMasterKeyID, so S3 uses the AWS managed key aws/s3 and S3 Bucket Key is not enabled.",
            finding.Message);
        Assert.Equal("aws:kms", finding.Evidence["sseAlgorithm"]);
        Assert.Equal("AWS", finding.Evidence["keyManager"]);
        Assert.Equal("false", finding.Evidence["bucketKeyEnabled"]);
    }

    [Fact]
    public void Sse_s3_passes_only_on_a_server_access_log_destination()
    {
        var inventory = BaseInventory with
        {
            KmsKeys = [DataKey],
            Buckets =
            [
                Bucket("pass-orders") with { Logging = new BucketLogging("pass-access-logs", "orders/") },
                Bucket("pass-access-logs") with { Encryption = new BucketEncryption("AES256", null, false), Logging = new BucketLogging(null, null) },
                Bucket("fail-sse-s3") with { Encryption = new BucketEncryption("AES256", null, false) },
            ],
        };

        var findings = ExactFailing(_rule, inventory, "fail-sse-s3");
        Assert.Equal("pass-orders", findings.Single(f => f.Resource.Id == "pass-access-logs").Evidence["accessLogSources"]);
    }
}
