using Compliance.Checker.Remediation;
using Compliance.Checker.Tests.Live;
using Compliance.Rules;
using Compliance.Rules.Inventory;
using Compliance.Rules.Policies;
using Compliance.Rules.SNS;
using static Compliance.Checker.Tests.Live.SnsResponses;
using static Compliance.Checker.Tests.Remediation.RemediationHarness;

namespace Compliance.Checker.Tests.Remediation;

/// <summary>SNS.Topic.1 through the SNS handler and our SNS client; bodies as in the SNS API reference.</summary>
public sealed class SnsRemediationTests
{
    private const string KeyId = "1234abcd-12ab-34cd-56ef-1234567890ab";

    private static RemediationPlan EncryptPlan()
    {
        var key = new KmsKey { Id = KeyId, Arn = Key, Region = Region, AccountId = Account, KeyManager = "CUSTOMER", KeyState = "Enabled", KeySpec = "SYMMETRIC_DEFAULT" };
        var topic = new SnsTopic { Id = Topic, Arn = Topic, Region = Region, AccountId = Account, Attributes = new SnsTopicAttributes(null, PolicyDocument.Empty) };
        return Plan(new TopicEncryptedWithCustomerKey(), new TopicEncryptedWithCustomerKeyRemediation(new RemediationSettings { TopicKmsKeyArns = [Key] }),
            Inventory with { SnsTopics = [topic], KmsKeys = [key] });
    }

    /// <summary>The empty SetTopicAttributes answer of the API reference.</summary>
    private static readonly Func<FakeRequest, HttpResponseMessage> Set = FakeAws.Xml("""
        <SetTopicAttributesResponse xmlns="https://sns.amazonaws.com/doc/2010-03-31/">
            <ResponseMetadata><RequestId>a8763b99-33a7-11df-a9b7-05d48da6f042</RequestId></ResponseMetadata>
        </SetTopicAttributesResponse>
        """);

    [Fact]
    public async Task Sets_the_configured_key_and_verifies_it_and_a_second_apply_changes_nothing()
    {
        var aws = new FakeAws()
            .OnAttributes(Topic, Attributes(Topic), Attributes(Topic, kmsKey: Key))
            .On("sns", "SetTopicAttributes", Set);
        var plan = EncryptPlan();
        var remediation = new TopicEncryptedWithCustomerKeyRemediation();

        var first = await Apply(remediation, plan, aws);
        var second = await Apply(remediation, plan, aws);

        Assert.True(first.Succeeded, first.Error);
        Assert.Equal(["GetTopicAttributes", "SetTopicAttributes", "GetTopicAttributes", "GetTopicAttributes"], Operations(aws));
        var set = Assert.Single(aws.Calls("sns", "SetTopicAttributes"));
        Assert.Equal((Topic, "KmsMasterKeyId", Key), (set.Param("TopicArn"), set.Param("AttributeName"), set.Param("AttributeValue")));
        Assert.Equal(("", Key), (first.Before["KmsMasterKeyId"], first.After["KmsMasterKeyId"]));
        Assert.True(second.Succeeded);
        Assert.Equal(second.Before, second.After);
    }

    [Fact]
    public async Task Any_other_attribute_or_an_empty_key_is_refused_before_any_call()
    {
        var aws = new FakeAws();
        using var session = aws.Session();
        var gateway = new AwsRemediationGateway(session);

        await Assert.ThrowsAsync<ArgumentException>(() => gateway.InvokeAsync(new RemediationAction("sns:SetTopicAttributes",
            new Dictionary<string, string> { ["Region"] = Region, ["TopicArn"] = Topic, ["AttributeName"] = "Policy", ["AttributeValue"] = "{}" }), CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => gateway.InvokeAsync(new RemediationAction("sns:SetTopicAttributes",
            new Dictionary<string, string> { ["Region"] = Region, ["TopicArn"] = Topic, ["AttributeName"] = "KmsMasterKeyId", ["AttributeValue"] = "" }), CancellationToken.None));

        Assert.Empty(aws.Requests);
    }

    [Fact]
    public async Task A_refused_key_is_reported_with_the_sns_error()
    {
        var aws = new FakeAws()
            .OnAttributes(Topic, Attributes(Topic))
            .On("sns", "SetTopicAttributes", Error("InvalidParameter", "Invalid parameter: KmsMasterKeyId", System.Net.HttpStatusCode.BadRequest));

        var outcome = await Apply(new TopicEncryptedWithCustomerKeyRemediation(), EncryptPlan(), aws);

        Assert.False(outcome.Succeeded);
        Assert.StartsWith("Failed while calling sns:SetTopicAttributes: InvalidParameter", outcome.Error, StringComparison.Ordinal);
    }
}
