using System.Net;
using Compliance.Checker.Live.Collection;
using Compliance.Checker.Live.Collectors;
using Compliance.Rules.Inventory;
using static Compliance.Checker.Tests.Live.SnsResponses;

namespace Compliance.Checker.Tests.Live;

public sealed class SnsCollectorTests
{
    private static FakeAws TwoPagesOfThreeTopics() => new FakeAws()
        .On("sns", "ListTopics", ListTopics("AAH+page2", Topic, Encrypted), ListTopics(null, Alerts))
        .OnAttributes(Topic, Attributes(Topic))
        .OnAttributes(Encrypted, Attributes(Encrypted, kmsKey: Key))
        .OnAttributes(Alerts, Attributes(Alerts, kmsKey: "alias/aws/sns"))
        .OnTopicTags(Topic, TagList(("Owner", "payments"), ("Environment", "prod")))
        .OnTopicTags(Encrypted, TagList())
        .OnTopicTags(Alerts, TagList(("Name", "alerts")));

    [Fact]
    public async Task Reads_every_page_then_the_key_and_policy_of_each_topic()
    {
        var aws = TwoPagesOfThreeTopics();

        var inventory = await CollectorHarness.Collect(new SnsCollector(), aws);

        Assert.Equal([Topic, Alerts, Encrypted], inventory.SnsTopics.Select(t => t.Id)); // ordinal order
        var plain = inventory.SnsTopics.Single(t => t.Id == Topic);
        Assert.Equal((Topic, "eu-west-1", CollectorHarness.Account, "My-Topic"), (plain.Arn, plain.Region, plain.AccountId, plain.Name));
        Assert.Null(plain.Attributes!.KmsMasterKeyId); // no KmsMasterKeyId attribute: not encrypted
        var statement = Assert.Single(plain.Attributes.Policy.Statements);
        Assert.Equal(("2008-10-17", "Allow"), (plain.Attributes.Policy.Version, statement.Effect));
        Assert.Equal(["*"], statement.Principal!.Of("AWS"));
        Assert.Contains("SNS:Publish", statement.Actions);
        Assert.Equal("arn:aws:*:*:698519295917:*", Assert.Single(statement.Conditions).Values.Single());
        Assert.Equal(Key, inventory.SnsTopics.Single(t => t.Id == Encrypted).Attributes!.KmsMasterKeyId);
        Assert.Equal("alias/aws/sns", inventory.SnsTopics.Single(t => t.Id == Alerts).Attributes!.KmsMasterKeyId);
        Assert.Equal(new Dictionary<string, string> { ["Owner"] = "payments", ["Environment"] = "prod" }, plain.Tags);
        Assert.Empty(inventory.SnsTopics.Single(t => t.Id == Encrypted).Tags);
        Assert.All(inventory.SnsTopics, t => Assert.False(t.TagsUnknown));
        Assert.Empty(inventory.CollectionErrors);
    }

    [Fact]
    public async Task Sends_query_requests_and_costs_the_list_pages_plus_two_calls_per_topic()
    {
        var aws = TwoPagesOfThreeTopics();

        await CollectorHarness.Collect(new SnsCollector(), aws);

        var list = aws.Calls("sns", "ListTopics");
        Assert.Equal(2, list.Count);
        Assert.Equal(("2010-03-31", null, "AAH+page2"), (list[0].Param("Version"), list[0].Param("NextToken"), list[1].Param("NextToken")));
        Assert.All(aws.Requests, r => Assert.Equal(("sns", "eu-west-1", "POST", "/"), (r.Service, r.Region, r.Method.Method, r.Path)));
        Assert.StartsWith("application/x-www-form-urlencoded", list[0].Headers["content-type"], StringComparison.Ordinal);
        Assert.Equal(3, aws.Calls("sns", "GetTopicAttributes").Count);
        Assert.Equal([Topic, Alerts, Encrypted], aws.Calls("sns", "ListTagsForResource").Select(r => r.Param("ResourceArn")).Order(StringComparer.Ordinal));
        Assert.Equal(2 + 3 * 2, aws.Requests.Count);
    }

    [Fact]
    public async Task Access_denied_on_listing_is_a_collection_error_for_the_type()
    {
        var aws = new FakeAws().On("sns", "ListTopics",
            Error("AuthorizationError", "User: arn:aws:sts::123456789012:assumed-role/scanner/s is not authorized to perform: SNS:ListTopics", HttpStatusCode.Forbidden));

        var inventory = await CollectorHarness.Collect(new SnsCollector(), aws);

        Assert.Empty(inventory.SnsTopics);
        var error = Assert.Single(inventory.CollectionErrors);
        Assert.Equal(("sns", "ListTopics", "eu-west-1", ResourceTypes.SnsTopic, "AuthorizationError", (string?)null),
            (error.Service, error.Operation, error.Region, error.ResourceType, error.ErrorCode, error.ResourceId));
        Assert.Single(aws.Requests); // not retried, and nothing to describe
    }

    [Fact]
    public async Task A_second_page_that_fails_keeps_the_topics_of_the_first()
    {
        var aws = new FakeAws()
            .On("sns", "ListTopics", ListTopics("AAH+page2", Topic), Error("AuthorizationError", "denied", HttpStatusCode.Forbidden))
            .OnAttributes(Topic, Attributes(Topic))
            .OnTopicTags(Topic, TagList());

        var inventory = await CollectorHarness.Collect(new SnsCollector(), aws);

        Assert.Equal(Topic, Assert.Single(inventory.SnsTopics).Id);
        Assert.Equal("ListTopics", Assert.Single(inventory.CollectionErrors).Operation);
    }

    [Fact]
    public async Task Throttling_is_retried_then_succeeds()
    {
        var aws = new FakeAws()
            .On("sns", "ListTopics", Error("Throttling", "Rate exceeded", HttpStatusCode.BadRequest), ListTopics(null, Topic))
            .OnAttributes(Topic, Error("Throttling", "Rate exceeded", HttpStatusCode.BadRequest), Attributes(Topic))
            .OnTopicTags(Topic, TagList());

        var inventory = await CollectorHarness.Collect(new SnsCollector(), aws);

        Assert.NotNull(Assert.Single(inventory.SnsTopics).Attributes);
        Assert.Equal(2, aws.Calls("sns", "ListTopics").Count);
        Assert.Equal(2, aws.Calls("sns", "GetTopicAttributes").Count);
        Assert.Empty(inventory.CollectionErrors);
    }

    [Fact]
    public async Task A_targeted_scan_reads_only_the_named_topics_of_this_region_without_listing()
    {
        var aws = new FakeAws().OnAttributes(Encrypted, Attributes(Encrypted, kmsKey: Key)).OnTopicTags(Encrypted, TagList());
        var scope = new CollectionScope
        {
            Types = new HashSet<string> { ResourceTypes.SnsTopic },
            ResourceIds = new Dictionary<string, IReadOnlyList<string>> { [ResourceTypes.SnsTopic] = [Encrypted, "arn:aws:sns:us-east-1:123456789012:elsewhere"] },
        };

        var inventory = await CollectorHarness.Collect(new SnsCollector(), aws, scope: scope);

        Assert.Equal(Key, Assert.Single(inventory.SnsTopics).Attributes!.KmsMasterKeyId);
        Assert.Equal([("GetTopicAttributes", Encrypted), ("ListTagsForResource", Encrypted)],
            aws.Requests.Select(r => (r.Operation, r.Param("TopicArn") ?? r.Param("ResourceArn"))).Order());

        var none = new FakeAws();
        await CollectorHarness.Collect(new SnsCollector(), none, scope: new CollectionScope { Types = new HashSet<string> { ResourceTypes.LogGroup } });
        Assert.Empty(none.Requests);
    }

    [Fact]
    public async Task Denied_tags_leave_the_topic_with_unknown_tags_and_an_error_naming_it()
    {
        var aws = new FakeAws()
            .On("sns", "ListTopics", ListTopics(null, Topic))
            .OnAttributes(Topic, Attributes(Topic))
            .OnTopicTags(Topic, Error("AuthorizationError", "not authorized to perform: SNS:ListTagsForResource", HttpStatusCode.Forbidden));

        var inventory = await CollectorHarness.Collect(new SnsCollector(), aws);

        var topic = Assert.Single(inventory.SnsTopics);
        Assert.True(topic.TagsUnknown);
        Assert.Empty(topic.Tags);
        Assert.NotNull(topic.Attributes);
        var error = Assert.Single(inventory.CollectionErrors);
        Assert.Equal(("ListTagsForResource", Topic, "AuthorizationError"), (error.Operation, error.ResourceId, error.ErrorCode));
    }
}
