using System.Text.Json;
using Compliance.Checker.Live.Collection;
using Compliance.Checker.Live.Collectors;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Tests.Live;

/// <summary>Metric filters: one paginated DescribeMetricFilters listing per Region, bodies as in the CloudWatch Logs API reference.</summary>
public sealed class CloudWatchLogsMetricFilterTests
{
    private static readonly CollectionScope FiltersOnly = new() { Types = new HashSet<string> { ResourceTypes.LogsMetricFilter } };

    // The API reference example (a space-delimited pattern), then a CIS filter on a trail log group.
    private const string PageOne = """
        {
           "metricFilters": [
              {
                 "creationTime": 1396224000000,
                 "filterName": "exampleFilterName",
                 "filterPattern": "[ip, identity, user_id, timestamp, request, status_code = 404, size]",
                 "logGroupName": "exampleLogGroupName",
                 "metricTransformations": [
                    { "defaultValue": 0, "metricName": "log_errors", "metricNamespace": "MyApp", "metricValue": "1" }
                 ]
              }
           ],
           "nextToken": "Y2lzLWZpbHRlcnM="
        }
        """;

    private const string PageTwo = """
        {
           "metricFilters": [
              {
                 "creationTime": 1700000000000,
                 "filterName": "RootAccountUsage",
                 "filterPattern": "{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != \"AwsServiceEvent\" }",
                 "logGroupName": "/aws/cloudtrail/audit",
                 "metricTransformations": [
                    { "metricName": "RootAccountUsageCount", "metricNamespace": "CISBenchmark", "metricValue": "1",
                      "dimensions": { "Region": "$.awsRegion" }, "unit": "Count" }
                 ]
              }
           ]
        }
        """;

    [Fact]
    public async Task Reads_every_page_of_the_region_and_maps_pattern_group_and_metric()
    {
        var aws = new FakeAws().On("logs", "DescribeMetricFilters", FakeAws.Json(PageOne), FakeAws.Json(PageTwo));

        var inventory = await CollectorHarness.Collect(new CloudWatchLogsCollector(), aws, scope: FiltersOnly);

        Assert.Equal(["RootAccountUsage", "exampleFilterName"], inventory.MetricFilters.Select(f => f.Id));
        var root = inventory.MetricFilters[0];
        Assert.Equal(("/aws/cloudtrail/audit", "eu-west-1", CollectorHarness.Account), (root.LogGroupName, root.Region, root.AccountId));
        Assert.Equal("{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != \"AwsServiceEvent\" }", root.FilterPattern);
        var metric = Assert.Single(root.MetricTransformations);
        Assert.Equal(("CISBenchmark", "RootAccountUsageCount", "1"), (metric.MetricNamespace, metric.MetricName, metric.MetricValue));
        Assert.Equal(new Dictionary<string, string> { ["Region"] = "$.awsRegion" }, metric.Dimensions);
        Assert.Empty(inventory.MetricFilters[1].MetricTransformations[0].Dimensions);

        var calls = aws.Calls("logs", "DescribeMetricFilters");
        Assert.Equal(2, calls.Count); // the budget: the Region's pages, no call per log group
        Assert.Equal("Logs_20140328.DescribeMetricFilters", calls[0].Headers["x-amz-target"]);
        using var second = JsonDocument.Parse(calls[1].Body);
        Assert.Equal(("Y2lzLWZpbHRlcnM=", 50), (second.RootElement.GetProperty("nextToken").GetString(), second.RootElement.GetProperty("limit").GetInt32()));
        Assert.False(second.RootElement.TryGetProperty("logGroupName", out _));
        Assert.Empty(inventory.CollectionErrors);
    }

    [Fact]
    public async Task A_denied_listing_is_an_error_for_the_type_and_keeps_log_groups()
    {
        var aws = new FakeAws()
            .On("logs", "DescribeLogGroups", FakeAws.Json("""{ "logGroups": [ { "logGroupName": "/aws/cloudtrail/audit", "arn": "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/cloudtrail/audit:*" } ] }"""))
            .On("logs", "DescribeMetricFilters", FakeAws.JsonError("AccessDeniedException", "not authorized to perform: logs:DescribeMetricFilters"));

        var inventory = await CollectorHarness.Collect(new CloudWatchLogsCollector(), aws);

        Assert.Single(inventory.LogGroups);
        Assert.Empty(inventory.MetricFilters);
        var error = Assert.Single(inventory.CollectionErrors);
        Assert.Equal(("DescribeMetricFilters", ResourceTypes.LogsMetricFilter, (string?)null), (error.Operation, error.ResourceType, error.ResourceId));
    }

    [Fact]
    public async Task Throttling_is_retried_and_then_succeeds()
    {
        var aws = new FakeAws().On("logs", "DescribeMetricFilters", FakeAws.JsonError("ThrottlingException", "Rate exceeded"), FakeAws.Json(PageTwo));

        var inventory = await CollectorHarness.Collect(new CloudWatchLogsCollector(), aws, scope: FiltersOnly);

        Assert.Single(inventory.MetricFilters);
        Assert.Equal(2, aws.Requests.Count);
        Assert.Empty(inventory.CollectionErrors);
    }

    [Fact]
    public async Task A_targeted_scope_keeps_the_named_filters_and_skips_log_groups()
    {
        var aws = new FakeAws().On("logs", "DescribeMetricFilters", FakeAws.Json(PageTwo));
        var scope = FiltersOnly with { ResourceIds = new Dictionary<string, IReadOnlyList<string>> { [ResourceTypes.LogsMetricFilter] = ["other"] } };

        var inventory = await CollectorHarness.Collect(new CloudWatchLogsCollector(), aws, scope: scope);

        Assert.Empty(inventory.MetricFilters);
        Assert.Empty(aws.Calls("logs", "DescribeLogGroups"));
        Assert.Single(aws.Requests);
    }
}
