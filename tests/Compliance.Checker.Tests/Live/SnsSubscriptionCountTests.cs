using Compliance.Checker.Live.Collectors;
using static Compliance.Checker.Tests.Live.SnsResponses;

namespace Compliance.Checker.Tests.Live;

/// <summary>The confirmed-subscription count comes from GetTopicAttributes, so it costs no call of its own.</summary>
public sealed class SnsSubscriptionCountTests
{
    [Fact]
    public async Task SubscriptionsConfirmed_is_read_from_the_attributes_without_a_subscription_listing()
    {
        var aws = new FakeAws()
            .On("sns", "ListTopics", ListTopics(null, Alerts, Topic, Encrypted))
            .OnAttributes(Alerts, Attributes(Alerts, kmsKey: Key, confirmed: 2))
            .OnAttributes(Topic, Attributes(Topic))
            .OnAttributes(Encrypted, Attributes(Encrypted, confirmed: null))
            .OnTopicTags(Alerts, TagList()).OnTopicTags(Topic, TagList()).OnTopicTags(Encrypted, TagList());

        var inventory = await CollectorHarness.Collect(new SnsCollector(), aws);

        Assert.Equal(2, inventory.SnsTopics.Single(t => t.Id == Alerts).SubscriptionsConfirmed);
        Assert.Equal(0, inventory.SnsTopics.Single(t => t.Id == Topic).SubscriptionsConfirmed);
        Assert.Null(inventory.SnsTopics.Single(t => t.Id == Encrypted).SubscriptionsConfirmed);
        // ListTopics, then GetTopicAttributes and ListTagsForResource per topic: no subscription listing.
        Assert.Equal(7, aws.Requests.Count);
        Assert.DoesNotContain(aws.Requests, r => r.Operation.StartsWith("ListSubscriptions", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_denied_attribute_read_leaves_the_count_unknown()
    {
        var aws = new FakeAws()
            .On("sns", "ListTopics", ListTopics(null, Alerts))
            .OnAttributes(Alerts, Error("AuthorizationError", "not authorized to perform: SNS:GetTopicAttributes", System.Net.HttpStatusCode.Forbidden));

        var topic = Assert.Single((await CollectorHarness.Collect(new SnsCollector(), aws)).SnsTopics);

        Assert.Null(topic.SubscriptionsConfirmed);
        Assert.Null(topic.Attributes);
    }
}
