using Compliance.Rules.Inventory;
using Compliance.Rules.SNS;
using static Compliance.Rules.Tests.KMS.KmsFixtures;
using static Compliance.Rules.Tests.RemediationAssert;
using static Compliance.Rules.Tests.RuleAssert;
using static Compliance.Rules.Tests.SNS.SnsFixtures;

namespace Compliance.Rules.Tests.SNS;

public sealed class TopicEncryptedWithCustomerKeyRemediationTests
{
    private const string OtherRegionKeyArn = $"arn:aws:kms:{OtherRegion}:{Account}:key/{CustomerKeyId}";
    private static readonly RemediationSettings Configured = new() { TopicKmsKeyArns = [CustomerKeyArn, OtherRegionKeyArn] };
    private readonly TopicEncryptedWithCustomerKey _rule = new();

    private static AwsInventory Inventory(SnsTopic topic, params KmsKey[] keys) => BaseInventory with
    {
        SnsTopics = [topic],
        KmsKeys = keys.Length == 0 ? [CustomerKey(CustomerKeyId), CustomerKey(CustomerKeyId, OtherRegion), AwsManagedKey(AwsManagedKeyId, "alias/aws/sns")] : keys,
    };

    [Theory]
    [InlineData(Region, CustomerKeyArn)]
    [InlineData(OtherRegion, OtherRegionKeyArn)]
    public void An_unencrypted_topic_gets_the_configured_key_of_its_region(string region, string expectedKey)
    {
        var remediation = new TopicEncryptedWithCustomerKeyRemediation(Configured);
        var topic = Topic("fail-unencrypted", region: region);

        var plan = PlanFor(_rule, remediation, Inventory(topic), topic.Id);

        IsSingleCall(plan, "sns:SetTopicAttributes", new Dictionary<string, string>
        {
            ["Region"] = region, ["TopicArn"] = topic.Id, ["AttributeName"] = "KmsMasterKeyId", ["AttributeValue"] = expectedKey,
        });
        Assert.Equal($"Set KmsMasterKeyId of SNS topic {topic.Id} to customer managed key {expectedKey} (now not encrypted).", plan!.Summary);
        DeclaresItsActions(remediation, plan);
    }

    [Fact]
    public void A_topic_on_the_aws_managed_key_is_planned_too()
    {
        var topic = Topic("fail-aws-managed", "alias/aws/sns");

        var plan = PlanFor(_rule, new TopicEncryptedWithCustomerKeyRemediation(Configured), Inventory(topic), topic.Id);

        Assert.EndsWith("(now key alias/aws/sns).", plan!.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_usable_configured_key_there_is_no_plan()
    {
        var topic = Topic("fail-unencrypted");
        var remediation = new TopicEncryptedWithCustomerKeyRemediation(Configured);

        Assert.Null(PlanFor(_rule, new TopicEncryptedWithCustomerKeyRemediation(), Inventory(topic), topic.Id));
        Assert.Null(PlanFor(_rule, new TopicEncryptedWithCustomerKeyRemediation(new RemediationSettings { TopicKmsKeyArns = [OtherRegionKeyArn] }), Inventory(topic), topic.Id));
        Assert.Null(PlanFor(_rule, remediation, Inventory(topic, CustomerKey(CustomerKeyId) with { KeyState = "Disabled" }), topic.Id));
        Assert.Null(PlanFor(_rule, remediation, Inventory(topic, CustomerKey(CustomerKeyId) with { KeySpec = "RSA_2048" }), topic.Id));
        Assert.Null(PlanFor(_rule, remediation, Inventory(topic, AwsManagedKey(CustomerKeyId)), topic.Id));
    }

    [Fact]
    public void Passing_and_unknown_topics_get_no_plan()
    {
        var remediation = new TopicEncryptedWithCustomerKeyRemediation(Configured);
        var unread = Topic("unread") with { Attributes = null };

        Assert.Null(PlanFor(_rule, remediation, Inventory(Topic("pass-cmk", CustomerKeyArn)), TopicArn("pass-cmk")));
        Assert.Null(PlanFor(_rule, remediation, Inventory(unread), unread.Id));
    }
}
