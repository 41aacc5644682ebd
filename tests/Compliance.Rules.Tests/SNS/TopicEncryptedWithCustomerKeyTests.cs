using Compliance.Rules.SNS;
using static Compliance.Rules.Tests.KMS.KmsFixtures;
using static Compliance.Rules.Tests.RuleAssert;
using static Compliance.Rules.Tests.SNS.SnsFixtures;

namespace Compliance.Rules.Tests.SNS;

public sealed class TopicEncryptedWithCustomerKeyTests
{
    private readonly TopicEncryptedWithCustomerKey _rule = new();

    [Fact]
    public void Unencrypted_and_aws_managed_topics_fail()
    {
        var inventory = BaseInventory with
        {
            KmsKeys = [CustomerKey(CustomerKeyId) with { Aliases = ["alias/security-alerts"] }],
            SnsTopics =
            [
                Topic("pass-key-id", CustomerKeyId),
                Topic("pass-key-arn", CustomerKeyArn),
                Topic("pass-alias", "alias/security-alerts"),
                Topic("fail-unencrypted"),
                Topic("fail-aws-managed", "alias/aws/sns"),
                Topic("fail-aws-managed-alias-arn", $"arn:aws:kms:{Region}:{Account}:alias/aws/sns"),
            ],
        };

        ExactFailingTopics(_rule, inventory, "fail-unencrypted", "fail-aws-managed", "fail-aws-managed-alias-arn");
    }

    [Fact]
    public void A_bare_key_id_is_resolved_in_the_topic_region_and_an_unknown_key_is_an_error()
    {
        var inventory = BaseInventory with
        {
            KmsKeys = [CustomerKey(CustomerKeyId)],
            SnsTopics = [Topic("same-region", CustomerKeyId), Topic("other-region", CustomerKeyId, region: OtherRegion)],
        };

        var findings = Evaluate(_rule, inventory);

        Assert.Equal(ComplianceStatus.Pass, StatusOf(findings, TopicArn("same-region")));
        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, TopicArn("other-region", OtherRegion)));
    }

    [Fact]
    public void Unreadable_attributes_are_an_error()
    {
        var inventory = BaseInventory with { SnsTopics = [Topic("unknown") with { Attributes = null }] };

        Assert.Equal(ComplianceStatus.Error, StatusOf(Evaluate(_rule, inventory), TopicArn("unknown")));
    }

    [Fact]
    public void Failure_names_the_aws_managed_key()
    {
        var inventory = BaseInventory with { SnsTopics = [Topic("security-alerts", "alias/aws/sns")] };

        var finding = Assert.Single(Evaluate(_rule, inventory));

        Assert.Equal(ComplianceStatus.Fail, finding.Status);
        Assert.Equal($"SNS topic {TopicArn("security-alerts")} is encrypted with the AWS managed key alias/aws/sns, not a customer managed key.", finding.Message);
        Assert.Equal("alias/aws/sns", finding.Evidence["kmsMasterKeyId"]);
        Assert.Equal("AwsManaged", finding.Evidence["keyOwnership"]);
    }
}
