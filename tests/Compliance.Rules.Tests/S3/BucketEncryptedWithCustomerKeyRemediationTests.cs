using Compliance.Rules.Inventory;
using Compliance.Rules.S3;
using static Compliance.Rules.Tests.RemediationAssert;
using static Compliance.Rules.Tests.RuleAssert;
using static Compliance.Rules.Tests.S3.S3Fixtures;

namespace Compliance.Rules.Tests.S3;

public sealed class BucketEncryptedWithCustomerKeyRemediationTests
{
    private const string OtherRegionKeyArn = $"arn:aws:kms:{OtherRegion}:{Account}:key/9f8e7d6c-5b4a-3210-fedc-ba9876543210";
    private const string UnknownKeyArn = $"arn:aws:kms:{Region}:{Account}:key/5f6e7d8c-1a2b-3c4d-5e6f-7a8b9c0d1e2f";

    private readonly BucketEncryptedWithCustomerKey _rule = new();
    private static readonly RemediationSettings Configured = new() { BucketKmsKeyArns = [OtherRegionKeyArn, KeyArn] };

    private static AwsInventory Inventory(Bucket bucket, params KmsKey[] keys) => BaseInventory with { Buckets = [bucket], KmsKeys = keys.Length == 0 ? [DataKey] : keys };

    private static Bucket Encrypted(string name, string algorithm, string? key, bool bucketKey) =>
        Bucket(name) with { Encryption = new BucketEncryption(algorithm, key, bucketKey) };

    private static Dictionary<string, string> Put(string bucket, string algorithm, string key, string bucketKey) => new()
    {
        ["Region"] = Region, ["Bucket"] = bucket, ["ExpectedBucketOwner"] = Account,
        ["SSEAlgorithm"] = algorithm, ["KMSMasterKeyID"] = key, ["BucketKeyEnabled"] = bucketKey,
    };

    [Theory]
    [InlineData("AES256", null)]
    [InlineData("aws:kms", null)]
    [InlineData("aws:kms", "alias/aws/s3")]
    public void A_bucket_without_a_customer_key_gets_the_configured_key_of_its_region_and_a_bucket_key(string algorithm, string? key)
    {
        var remediation = new BucketEncryptedWithCustomerKeyRemediation(Configured);

        var plan = PlanFor(_rule, remediation, Inventory(Encrypted("fail-no-cmk", algorithm, key, false)), "fail-no-cmk");

        IsSingleCall(plan, "s3:PutEncryptionConfiguration", Put("fail-no-cmk", "aws:kms", KeyArn, "true"));
        DeclaresItsActions(remediation, plan!);
    }

    [Fact]
    public void A_customer_key_without_a_bucket_key_keeps_its_key_even_with_nothing_configured()
    {
        var plan = PlanFor(_rule, new BucketEncryptedWithCustomerKeyRemediation(), Inventory(Encrypted("fail-no-bucket-key", "aws:kms", "alias/app-data", false)), "fail-no-bucket-key");

        IsSingleCall(plan, "s3:PutEncryptionConfiguration", Put("fail-no-bucket-key", "aws:kms", "alias/app-data", "true"));
    }

    [Fact]
    public void Dsse_stays_dual_layer_without_a_bucket_key()
    {
        var plan = PlanFor(_rule, new BucketEncryptedWithCustomerKeyRemediation(Configured), Inventory(Encrypted("fail-dsse-aws-key", "aws:kms:dsse", null, false)), "fail-dsse-aws-key");

        IsSingleCall(plan, "s3:PutEncryptionConfiguration", Put("fail-dsse-aws-key", "aws:kms:dsse", KeyArn, "false"));
    }

    [Fact]
    public void Without_a_configured_key_for_the_region_there_is_no_plan()
    {
        var sseS3 = Inventory(Encrypted("fail-sse-s3", "AES256", null, false));

        Assert.Null(PlanFor(_rule, new BucketEncryptedWithCustomerKeyRemediation(), sseS3, "fail-sse-s3"));
        Assert.Null(PlanFor(_rule, new BucketEncryptedWithCustomerKeyRemediation(new RemediationSettings { BucketKmsKeyArns = [OtherRegionKeyArn] }), sseS3, "fail-sse-s3"));
        Assert.Null(PlanFor(_rule, new BucketEncryptedWithCustomerKeyRemediation(new RemediationSettings { BucketKmsKeyArns = ["alias/app-data"] }), sseS3, "fail-sse-s3"));
    }

    [Fact]
    public void A_configured_key_the_inventory_does_not_show_as_an_enabled_customer_key_is_not_used()
    {
        var bucket = Encrypted("fail-sse-s3", "AES256", null, false);
        var remediation = new BucketEncryptedWithCustomerKeyRemediation(Configured);

        Assert.Null(PlanFor(_rule, remediation, Inventory(bucket, DataKey with { Id = "another-key", Arn = UnknownKeyArn }), "fail-sse-s3"));
        Assert.Null(PlanFor(_rule, remediation, Inventory(bucket, DataKey with { KeyState = "Disabled" }), "fail-sse-s3"));
        Assert.Null(PlanFor(_rule, remediation, Inventory(bucket, DataKey with { KeyManager = "AWS" }), "fail-sse-s3"));
        Assert.Null(PlanFor(_rule, remediation, Inventory(bucket, DataKey with { KeySpec = "RSA_2048" }), "fail-sse-s3"));
    }

    [Fact]
    public void A_current_key_the_inventory_cannot_place_is_never_replaced()
    {
        var inventory = Inventory(Encrypted("fail-unknown-key-no-bucket-key", "aws:kms", UnknownKeyArn, false));

        Assert.Null(PlanFor(_rule, new BucketEncryptedWithCustomerKeyRemediation(Configured), inventory, "fail-unknown-key-no-bucket-key"));
    }

    [Fact]
    public void Compliant_or_unknown_encryption_gets_no_plan()
    {
        var remediation = new BucketEncryptedWithCustomerKeyRemediation(Configured);

        Assert.Null(PlanFor(_rule, remediation, Inventory(Bucket("pass-cmk")), "pass-cmk"));
        Assert.Null(PlanFor(_rule, remediation, Inventory(Bucket("error-unread") with { Encryption = null }), "error-unread"));
    }
}
