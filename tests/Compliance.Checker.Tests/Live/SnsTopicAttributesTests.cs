using System.Net;
using Compliance.Checker.Live.Collectors;
using Compliance.Rules.Inventory;
using static Compliance.Checker.Tests.Live.SnsResponses;

namespace Compliance.Checker.Tests.Live;

/// <summary>What becomes of a topic whose GetTopicAttributes fails or answers oddly.</summary>
public sealed class SnsTopicAttributesTests
{
    [Fact]
    public async Task Access_denied_on_one_topic_leaves_its_attributes_unknown_and_names_it()
    {
        var aws = new FakeAws()
            .On("sns", "ListTopics", ListTopics(null, Topic, Encrypted))
            .OnAttributes(Topic, Error("AuthorizationError", "not authorized to perform: SNS:GetTopicAttributes", HttpStatusCode.Forbidden))
            .OnAttributes(Encrypted, Attributes(Encrypted, kmsKey: Key))
            .On("sns", "ListTagsForResource", TagList());

        var inventory = await CollectorHarness.Collect(new SnsCollector(), aws);

        Assert.Null(inventory.SnsTopics.Single(t => t.Id == Topic).Attributes);
        Assert.Equal(Key, inventory.SnsTopics.Single(t => t.Id == Encrypted).Attributes!.KmsMasterKeyId);
        var error = Assert.Single(inventory.CollectionErrors);
        Assert.Equal(("GetTopicAttributes", ResourceTypes.SnsTopic, Topic, "AuthorizationError"), (error.Operation, error.ResourceType, error.ResourceId, error.ErrorCode));
        Assert.Single(aws.Calls("sns", "GetTopicAttributes"), r => r.Param("TopicArn") == Topic); // denied is not retried
    }

    [Fact]
    public async Task A_policy_that_cannot_be_parsed_leaves_the_attributes_unknown()
    {
        var aws = new FakeAws()
            .On("sns", "ListTopics", ListTopics(null, Topic))
            .OnAttributes(Topic, Attributes(Topic, escapedPolicy: "{&quot;Statement&quot;:&quot;oops&quot;}", kmsKey: Key))
            .On("sns", "ListTagsForResource", TagList());

        var inventory = await CollectorHarness.Collect(new SnsCollector(), aws);

        Assert.Null(Assert.Single(inventory.SnsTopics).Attributes);
        var error = Assert.Single(inventory.CollectionErrors);
        Assert.Equal(("InvalidPolicy", Topic), (error.ErrorCode, error.ResourceId));
    }

    [Fact]
    public async Task A_topic_without_a_policy_attribute_is_unknown_rather_than_open()
    {
        var aws = new FakeAws()
            .On("sns", "ListTopics", ListTopics(null, Topic))
            .OnAttributes(Topic, Attributes(Topic, escapedPolicy: null))
            .On("sns", "ListTagsForResource", TagList());

        var inventory = await CollectorHarness.Collect(new SnsCollector(), aws);

        Assert.Null(Assert.Single(inventory.SnsTopics).Attributes);
        Assert.Equal(("PolicyNotReturned", Topic), (Assert.Single(inventory.CollectionErrors).ErrorCode, inventory.CollectionErrors[0].ResourceId));
    }

    [Fact]
    public async Task A_topic_deleted_after_listing_is_dropped_without_an_error()
    {
        var aws = new FakeAws()
            .On("sns", "ListTopics", ListTopics(null, Topic, Alerts))
            .OnAttributes(Topic, Error("NotFound", "Topic does not exist", HttpStatusCode.NotFound))
            .OnAttributes(Alerts, Attributes(Alerts))
            .On("sns", "ListTagsForResource", TagList());

        var inventory = await CollectorHarness.Collect(new SnsCollector(), aws);

        Assert.Equal(Alerts, Assert.Single(inventory.SnsTopics).Id);
        Assert.Empty(inventory.CollectionErrors);
        Assert.Equal(Alerts, Assert.Single(aws.Calls("sns", "ListTagsForResource")).Param("ResourceArn")); // no tag call for a topic that is gone
    }

    [Fact]
    public async Task At_most_eight_topics_are_read_at_once()
    {
        var arns = Enumerable.Range(1, 24).Select(i => $"arn:aws:sns:eu-west-1:123456789012:t{i}").ToArray();
        var aws = new FakeAws { Latency = TimeSpan.FromMilliseconds(20) }
            .On("sns", "ListTopics", ListTopics(null, arns))
            .On(r => r.Operation == "GetTopicAttributes", r => Attributes(r.Param("TopicArn")!)(r))
            .On("sns", "ListTagsForResource", TagList());

        var inventory = await CollectorHarness.Collect(new SnsCollector(), aws);

        Assert.Equal(24, inventory.SnsTopics.Count);
        Assert.InRange(aws.PeakInFlight, 2, 8); // concurrent, but bounded
    }
}
