using Compliance.Checker.Live.Collection;
using Compliance.Checker.Live.Collectors;
using Compliance.Rules.Inventory;
using static Compliance.Checker.Tests.Live.DynamoDbResponses;

namespace Compliance.Checker.Tests.Live;

public sealed class DynamoDbCollectorTests
{
    private const string Denied = "User: arn:aws:sts::123456789012:assumed-role/scanner/s is not authorized to perform this operation";

    /// <summary>Four tables on two ListTables pages, one for each encryption and recovery setting.</summary>
    private static FakeAws FourTables() => new FakeAws()
        .On("dynamodb", "ListTables", FakeAws.Json(PageOne), FakeAws.Json(PageTwo))
        .WithTable("Thread", Describe("Thread", KmsSse(CustomerKeyArn), deletionProtection: true), PitrEnabled, Tags, TtlEnabled)
        .WithTable("Forum", Describe("Forum"))
        .WithTable("ProductCatalog", Describe("ProductCatalog", KmsSse(AwsManagedKeyArn)), PitrAbsent)
        .WithTable("Reply", Describe("Reply", deletionProtection: null));

    [Fact]
    public async Task Reads_every_page_and_maps_every_field()
    {
        var aws = FourTables();

        var inventory = await CollectorHarness.Collect(new DynamoDbCollector(), aws);

        Assert.Empty(inventory.CollectionErrors);
        Assert.Equal(["Forum", "ProductCatalog", "Reply", "Thread"], inventory.DynamoDbTables.Select(t => t.Id));
        var thread = inventory.DynamoDbTables.Single(t => t.Id == "Thread");
        Assert.Equal(("eu-west-1", "123456789012", TableArn("Thread")), (thread.Region, thread.AccountId, thread.Arn));
        Assert.Equal(new TableEncryption("KMS", CustomerKeyArn), thread.Encryption);
        Assert.Equal((true, true), (thread.PointInTimeRecoveryEnabled, thread.DeletionProtectionEnabled));
        Assert.Equal(new Dictionary<string, string> { ["Owner"] = "blueTeam", ["Environment"] = "prod" }, thread.Tags);
        Assert.Equal(new TableTimeToLive("ENABLED", "ExpirationTime"), thread.TimeToLive);

        var forum = inventory.DynamoDbTables.Single(t => t.Id == "Forum");
        Assert.Equal(new TableEncryption("AWS_OWNED", null), forum.Encryption); // no SSEDescription: the AWS owned key
        Assert.Equal((false, false), (forum.PointInTimeRecoveryEnabled, forum.DeletionProtectionEnabled));
        Assert.Empty(forum.Tags);
        Assert.Equal(new TableTimeToLive("DISABLED", null), forum.TimeToLive); // never enabled: no attribute

        var catalog = inventory.DynamoDbTables.Single(t => t.Id == "ProductCatalog");
        Assert.Equal(new TableEncryption("KMS", AwsManagedKeyArn), catalog.Encryption);
        Assert.False(catalog.PointInTimeRecoveryEnabled); // no recovery description: never turned on
        Assert.False(inventory.DynamoDbTables.Single(t => t.Id == "Reply").DeletionProtectionEnabled); // member absent: the default, off
    }

    [Fact]
    public async Task Pages_on_the_last_table_name_and_the_budget_is_list_pages_plus_four_calls_a_table()
    {
        var aws = FourTables();

        await CollectorHarness.Collect(new DynamoDbCollector(), aws);

        var pages = aws.Calls("dynamodb", "ListTables");
        Assert.Equal(2, pages.Count);
        Assert.Equal("DynamoDB_20120810.ListTables", pages[0].Headers["x-amz-target"]);
        Assert.DoesNotContain("ExclusiveStartTableName", pages[0].Body);
        Assert.Contains("\"ExclusiveStartTableName\":\"ProductCatalog\"", pages[1].Body);
        Assert.Equal(4, aws.Calls("dynamodb", "DescribeTable").Count);
        Assert.Equal(4, aws.Calls("dynamodb", "DescribeContinuousBackups").Count);
        Assert.Equal(4, aws.Calls("dynamodb", "ListTagsOfResource").Count);
        Assert.Equal(4, aws.Calls("dynamodb", "DescribeTimeToLive").Count);
        Assert.Equal(2 + 4 * 4, aws.Requests.Count);
        Assert.Contains(aws.Calls("dynamodb", "ListTagsOfResource"), c => c.Body.Contains($"\"ResourceArn\":\"{TableArn("Thread")}\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DescribeTable_denied_leaves_its_fields_unknown_and_the_other_getters_still_run()
    {
        var aws = new FakeAws().On("dynamodb", "ListTables", FakeAws.Json("""{"TableNames":["Thread"]}"""))
            .OnTable("DescribeTable", "Thread", FakeAws.JsonError("AccessDeniedException", Denied))
            .WithTable("Thread", "{}", PitrEnabled, Tags);

        var inventory = await CollectorHarness.Collect(new DynamoDbCollector(), aws);

        var table = Assert.Single(inventory.DynamoDbTables);
        Assert.Null(table.Encryption);
        Assert.Null(table.DeletionProtectionEnabled);
        Assert.True(table.PointInTimeRecoveryEnabled);
        Assert.Equal(TableArn("Thread"), table.Arn); // the table ARN is built when DescribeTable cannot give it
        Assert.Equal(2, table.Tags.Count);
        var error = Assert.Single(inventory.CollectionErrors);
        Assert.Equal(("dynamodb", "DescribeTable", ResourceTypes.DynamoDbTable, "Thread", "AccessDeniedException"),
            (error.Service, error.Operation, error.ResourceType, error.ResourceId, error.ErrorCode));
    }

    [Fact]
    public async Task Denied_backups_and_tags_null_only_their_own_fields()
    {
        var aws = new FakeAws().On("dynamodb", "ListTables", FakeAws.Json("""{"TableNames":["Thread"]}"""))
            .OnTable("DescribeContinuousBackups", "Thread", FakeAws.JsonError("AccessDeniedException", Denied))
            .OnTable("ListTagsOfResource", "Thread", FakeAws.JsonError("AccessDeniedException", Denied))
            .OnTable("DescribeTimeToLive", "Thread", FakeAws.JsonError("AccessDeniedException", Denied))
            .WithTable("Thread", Describe("Thread", KmsSse(CustomerKeyArn), deletionProtection: true));

        var inventory = await CollectorHarness.Collect(new DynamoDbCollector(), aws);

        var table = Assert.Single(inventory.DynamoDbTables);
        Assert.Equal(new TableEncryption("KMS", CustomerKeyArn), table.Encryption);
        Assert.Null(table.PointInTimeRecoveryEnabled);
        Assert.Empty(table.Tags);
        Assert.Null(table.TimeToLive);
        Assert.True(table.TagsUnknown);
        Assert.Equal(["DescribeContinuousBackups", "DescribeTimeToLive", "ListTagsOfResource"], inventory.CollectionErrors.Select(e => e.Operation));
        Assert.All(inventory.CollectionErrors, e => Assert.Equal("Thread", e.ResourceId));
    }

    [Fact]
    public async Task ListTables_denied_is_an_error_for_the_type_and_nothing_else_is_called()
    {
        var aws = new FakeAws().On("dynamodb", "ListTables", FakeAws.JsonError("AccessDeniedException", Denied));

        var inventory = await CollectorHarness.Collect(new DynamoDbCollector(), aws);

        Assert.Empty(inventory.DynamoDbTables);
        var error = Assert.Single(inventory.CollectionErrors);
        Assert.Equal(("ListTables", "AccessDeniedException", ResourceTypes.DynamoDbTable), (error.Operation, error.ErrorCode, error.ResourceType));
        Assert.Null(error.ResourceId);
        Assert.Single(aws.Requests);
    }

    [Fact]
    public async Task Throttling_is_retried_and_then_succeeds()
    {
        var aws = new FakeAws()
            .On("dynamodb", "ListTables", FakeAws.JsonError("ThrottlingException", "Rate of requests exceeds the allowed throughput."), FakeAws.Json(PageTwo))
            .OnTable("DescribeContinuousBackups", "Reply", FakeAws.JsonError("ThrottlingException", "Rate exceeded"), FakeAws.Json(PitrEnabled))
            .WithTable("Reply", Describe("Reply"))
            .WithTable("Thread", Describe("Thread"));

        var inventory = await CollectorHarness.Collect(new DynamoDbCollector(), aws);

        Assert.Empty(inventory.CollectionErrors);
        Assert.True(inventory.DynamoDbTables.Single(t => t.Id == "Reply").PointInTimeRecoveryEnabled);
        Assert.Equal(2, aws.Calls("dynamodb", "ListTables").Count);
        Assert.Equal(3, aws.Calls("dynamodb", "DescribeContinuousBackups").Count);
    }

    [Fact]
    public async Task A_targeted_scan_describes_only_the_named_tables_without_listing()
    {
        var aws = FourTables()
            .On(r => r.Operation == "DescribeTable", FakeAws.JsonError("com.amazonaws.dynamodb.v20120810#ResourceNotFoundException", "Requested resource not found: Table: Orders not found"));
        var scope = new CollectionScope
        {
            Types = new HashSet<string> { ResourceTypes.DynamoDbTable },
            ResourceIds = new Dictionary<string, IReadOnlyList<string>> { [ResourceTypes.DynamoDbTable] = ["Thread", "Orders"] },
        };

        var inventory = await CollectorHarness.Collect(new DynamoDbCollector(), aws, scope: scope);

        Assert.Equal("Thread", Assert.Single(inventory.DynamoDbTables).Id);
        Assert.Empty(inventory.CollectionErrors); // a named table that is not in this region is simply absent
        Assert.Empty(aws.Calls("dynamodb", "ListTables"));
        Assert.Equal(5, aws.Requests.Count); // 2 DescribeTable + backups, TTL and tags of Thread

        var none = new FakeAws();
        await CollectorHarness.Collect(new DynamoDbCollector(), none, scope: new CollectionScope { Types = new HashSet<string> { ResourceTypes.KmsKey } });
        Assert.Empty(none.Requests);
    }

    [Fact]
    public async Task Tables_are_read_at_most_eight_at_once()
    {
        var names = Enumerable.Range(0, 20).Select(i => $"table-{i:00}").ToArray();
        var inFlight = new InFlight();
        var aws = new FakeAws()
            .On("dynamodb", "ListTables", FakeAws.Json($$"""{"TableNames":[{{string.Join(",", names.Select(n => $"\"{n}\""))}}]}"""))
            .On("dynamodb", "DescribeTable", inFlight.Around(r => FakeAws.Json(Describe(names.Single(n => r.Body.Contains($"\"{n}\"", StringComparison.Ordinal))))(r)))
            .On("dynamodb", "DescribeContinuousBackups", FakeAws.Json(PitrDisabled))
            .On("dynamodb", "ListTagsOfResource", FakeAws.Json(NoTags))
            .On("dynamodb", "DescribeTimeToLive", FakeAws.Json(TtlDisabled));

        var inventory = await CollectorHarness.Collect(new DynamoDbCollector(), aws);

        Assert.Equal(names, inventory.DynamoDbTables.Select(t => t.Id));
        Assert.InRange(inFlight.Max, 2, 8);
        Assert.Equal(1 + 4 * 20, aws.Requests.Count);
    }
}
