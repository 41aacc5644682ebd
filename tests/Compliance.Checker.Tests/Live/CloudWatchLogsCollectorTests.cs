using System.Net;
using Compliance.Checker.Live.Collection;
using Compliance.Checker.Live.Collectors;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Tests.Live;

public sealed class CloudWatchLogsCollectorTests
{
    /// <summary>Log groups only: metric filters have their own tests (CloudWatchLogsMetricFilterTests).</summary>
    private static readonly CollectionScope LogGroupsOnly = new() { Types = new HashSet<string> { ResourceTypes.LogGroup } };

    // Shapes from the CloudWatch Logs API reference, DescribeLogGroups examples (kmsKeyId and logGroupArn added as the API returns them).
    private const string PageOne = """
        {
          "logGroups": [
            { "storedBytes": 0, "metricFilterCount": 0, "creationTime": 1433189500783, "logGroupName": "my-log-group-1", "retentionInDays": 14,
              "arn": "arn:aws:logs:eu-west-1:123456789012:log-group:my-log-group-1:*" },
            { "storedBytes": 0, "metricFilterCount": 0, "creationTime": 1433189500783, "logGroupName": "my-log-group-2",
              "kmsKeyId": "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
              "arn": "arn:aws:logs:eu-west-1:123456789012:log-group:my-log-group-2:*",
              "logGroupArn": "arn:aws:logs:eu-west-1:123456789012:log-group:my-log-group-2" }
          ],
          "nextToken": "eyJwYWdlIjoyfQ=="
        }
        """;

    private const string PageTwo = """
        { "logGroups": [ { "creationTime": 1433189500783, "logGroupName": "/aws/lambda/orders", "retentionInDays": 365,
          "arn": "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/orders:*" } ] }
        """;

    [Fact]
    public async Task Reads_every_page_and_maps_key_retention_and_arn()
    {
        var aws = new FakeAws().On("logs", "DescribeLogGroups", FakeAws.Json(PageOne), FakeAws.Json(PageTwo));

        var inventory = await CollectorHarness.Collect(new CloudWatchLogsCollector(), aws, scope: LogGroupsOnly);

        Assert.Equal(["/aws/lambda/orders", "my-log-group-1", "my-log-group-2"], inventory.LogGroups.Select(g => g.Id));
        var encrypted = inventory.LogGroups.Single(g => g.Id == "my-log-group-2");
        Assert.Equal("arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab", encrypted.KmsKeyId);
        Assert.Null(encrypted.RetentionInDays);
        Assert.True(encrypted.TagsUnknown); // no tag call is made for log groups
        Assert.Equal("arn:aws:logs:eu-west-1:123456789012:log-group:my-log-group-2", encrypted.Arn);
        Assert.Equal("arn:aws:logs:eu-west-1:123456789012:log-group:my-log-group-1", inventory.LogGroups.Single(g => g.Id == "my-log-group-1").Arn);
        var calls = aws.Calls("logs", "DescribeLogGroups");
        Assert.Equal(2, calls.Count);
        Assert.Contains("\"nextToken\":\"eyJwYWdlIjoyfQ==\"", calls[1].Body);
        Assert.Equal("Logs_20140328.DescribeLogGroups", calls[0].Headers["x-amz-target"]);
        Assert.Empty(inventory.CollectionErrors);
    }

    [Fact]
    public async Task Throttling_is_retried_and_then_succeeds()
    {
        var aws = new FakeAws().On("logs", "DescribeLogGroups",
            FakeAws.JsonError("ThrottlingException", "Rate exceeded"), FakeAws.Json(PageTwo));

        var inventory = await CollectorHarness.Collect(new CloudWatchLogsCollector(), aws, scope: LogGroupsOnly);

        Assert.Single(inventory.LogGroups);
        Assert.Equal(2, aws.Calls("logs", "DescribeLogGroups").Count);
        Assert.Empty(inventory.CollectionErrors);
    }

    [Fact]
    public async Task Access_denied_becomes_a_collection_error_for_the_type_and_region()
    {
        var aws = new FakeAws().On("logs", "DescribeLogGroups",
            FakeAws.JsonError("AccessDeniedException", "User: arn:aws:sts::123456789012:assumed-role/scanner/s is not authorized to perform: logs:DescribeLogGroups"));

        var inventory = await CollectorHarness.Collect(new CloudWatchLogsCollector(), aws, scope: LogGroupsOnly);

        Assert.Empty(inventory.LogGroups);
        var error = Assert.Single(inventory.CollectionErrors);
        Assert.Equal(("logs", "DescribeLogGroups", "eu-west-1", ResourceTypes.LogGroup, "AccessDeniedException"),
            (error.Service, error.Operation, error.Region, error.ResourceType, error.ErrorCode));
        Assert.Null(error.ResourceId);
        Assert.Single(aws.Calls("logs", "DescribeLogGroups")); // not retried: access denied is not transient
    }

    [Fact]
    public async Task Throttling_that_outlasts_the_retries_is_a_collection_error()
    {
        var aws = new FakeAws().On("logs", "DescribeLogGroups", FakeAws.JsonError("ThrottlingException", "Rate exceeded"));

        var inventory = await CollectorHarness.Collect(new CloudWatchLogsCollector(), aws, scope: LogGroupsOnly);

        Assert.Equal("ThrottlingException", Assert.Single(inventory.CollectionErrors).ErrorCode);
        Assert.Equal(3, aws.Calls("logs", "DescribeLogGroups").Count);
    }

    [Fact]
    public async Task A_targeted_scope_keeps_only_the_named_groups_and_other_types_make_no_call()
    {
        var aws = new FakeAws().On("logs", "DescribeLogGroups", FakeAws.Json(PageTwo));
        var scope = new CollectionScope
        {
            Types = new HashSet<string> { ResourceTypes.LogGroup },
            ResourceIds = new Dictionary<string, IReadOnlyList<string>> { [ResourceTypes.LogGroup] = ["/aws/lambda/orders"] },
        };

        Assert.Equal("/aws/lambda/orders", Assert.Single((await CollectorHarness.Collect(new CloudWatchLogsCollector(), aws, scope: scope)).LogGroups).Id);

        var none = new FakeAws();
        await CollectorHarness.Collect(new CloudWatchLogsCollector(), none, scope: new CollectionScope { Types = new HashSet<string> { ResourceTypes.Vpc } });
        Assert.Empty(none.Requests);
    }

    [Fact]
    public async Task A_server_error_is_retried_and_its_code_kept_when_it_persists()
    {
        var aws = new FakeAws().On("logs", "DescribeLogGroups", FakeAws.JsonError("ServiceUnavailableException", "try later", HttpStatusCode.ServiceUnavailable));

        var inventory = await CollectorHarness.Collect(new CloudWatchLogsCollector(), aws, scope: LogGroupsOnly);

        Assert.Equal("ServiceUnavailableException", Assert.Single(inventory.CollectionErrors).ErrorCode);
        Assert.Equal(3, aws.Calls("logs", "DescribeLogGroups").Count);
    }
}
