using Compliance.Rules.Config;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.RuleAssert;
using static Compliance.Rules.Tests.S3.S3Fixtures;

namespace Compliance.Rules.Tests.Config;

public sealed class DeliveryChannelSecuredTests
{
    private const string Topic = $"arn:aws:sns:{Region}:{Account}:config-notifications";
    private readonly DeliveryChannelSecured _rule = new();

    private static ConfigDeliveryChannel Channel(string name, string bucket, string region = Region) => new()
    {
        Id = name,
        Region = region,
        AccountId = Account,
        S3BucketName = bucket,
        SnsTopicArn = Topic,
        DeliveryFrequency = "TwentyFour_Hours",
    };

    [Fact]
    public void Channels_fail_on_a_missing_topic_weak_encryption_public_access_or_no_versioning()
    {
        var off = new PublicAccessBlock(false, false, false, false);
        var inventory = BaseInventory with
        {
            KmsKeys = [DataKey],
            AccountPublicAccessBlocks = [AccountBlock(off)],
            Buckets =
            [
                Bucket("config-ok"),
                Bucket("config-sse-s3") with { Encryption = new BucketEncryption("AES256", null, false) },
                Bucket("config-aws-key") with { Encryption = new BucketEncryption("aws:kms", null, true) },
                Bucket("config-public") with { PublicAccessBlock = off, Policy = Policy(PublicReadJson("config-public")) },
                Bucket("config-unversioned") with { Versioning = new BucketVersioning("Suspended", false) },
            ],
            ConfigDeliveryChannels =
            [
                Channel("pass-ok", "config-ok"),
                Channel("pass-channel-key", "config-sse-s3", OtherRegion) with { S3KmsKeyArn = KeyArn },
                Channel("fail-no-topic", "config-ok") with { SnsTopicArn = null },
                Channel("fail-sse-s3", "config-sse-s3"),
                Channel("fail-aws-key", "config-aws-key"),
                Channel("fail-public", "config-public"),
                Channel("fail-unversioned", "config-unversioned"),
            ],
        };

        ExactFailing(_rule, inventory, "fail-no-topic", "fail-sse-s3", "fail-aws-key", "fail-public", "fail-unversioned");
    }

    [Fact]
    public void The_failure_lists_every_problem_with_its_settings()
    {
        var inventory = BaseInventory with
        {
            Buckets = [Bucket("config-weak") with { Encryption = new BucketEncryption("AES256", null, false), Versioning = new BucketVersioning("Off", false) }],
            ConfigDeliveryChannels = [Channel("default", "config-weak") with { SnsTopicArn = null }],
        };

        var finding = Assert.Single(Evaluate(_rule, inventory));

        Assert.Equal($"Config delivery channel default of account {Account} in {Region} sends no SNS notifications, delivers to bucket config-weak, which uses SSE-S3, without a customer managed S3KmsKeyArn on the channel and delivers to bucket config-weak, whose versioning is Off.", finding.Message);
        Assert.Equal(("AES256", "None", "Off", "false"), (finding.Evidence["bucketEncryption"], finding.Evidence["bucketKeyOwnership"], finding.Evidence["versioning"], finding.Evidence["bucketPublic"]));
    }

    [Fact]
    public void A_bucket_outside_the_inventory_or_an_unknown_key_is_an_error()
    {
        var inventory = BaseInventory with
        {
            Buckets = [Bucket("config-foreign-key") with { Encryption = new BucketEncryption("aws:kms", "arn:aws:kms:eu-west-1:210987654321:key/5a1c9e7f-3b2d-4c6e-8f0a-1b2c3d4e5f60", true) }],
            ConfigDeliveryChannels = [Channel("log-archive", "org-config-archive-210987654321"), Channel("foreign-key", "config-foreign-key", OtherRegion)],
        };

        var findings = Evaluate(_rule, inventory);

        Assert.All(findings, f => Assert.Equal(ComplianceStatus.Error, f.Status));
        Assert.Contains("its bucket org-config-archive-210987654321 is not in the inventory", findings.Single(f => f.Resource.Id == "log-archive").Message, StringComparison.Ordinal);
    }
}
