using Compliance.Checker.Live.Collectors;

namespace Compliance.Checker.Tests.Live.Budgets;

public sealed class CloudWatchLogsBudgetTests
{
    private static FakeAws Account(int groups, int pageSize) => new FakeAws()
        .On("logs", "DescribeMetricFilters", FakeAws.Json("""{"metricFilters":[]}"""))
        .On("logs", "DescribeLogGroups", JsonBody.Reply(r =>
    {
        var (items, next) = BudgetHarness.Page(JsonBody.Text(r, "nextToken"), groups, Math.Min(pageSize, JsonBody.Number(r, "limit") ?? 50));
        var list = string.Join(",", items.Select(i => $$"""{"logGroupName":"/app/{{i}}","arn":"arn:aws:logs:eu-west-1:123456789012:log-group:/app/{{i}}:*","retentionInDays":90}"""));
        return $$"""{"logGroups":[{{list}}]{{(next is null ? "" : $",\"nextToken\":\"{next}\"")}}}""";
    }));

    [Theory]
    [MemberData(nameof(BudgetHarness.Sizes), MemberType = typeof(BudgetHarness))]
    public async Task Log_groups_cost_one_call_per_page_of_fifty(int groups)
    {
        var (inventory, calls) = await BudgetHarness.RunAsync(new CloudWatchLogsCollector(), Account(groups, 50));

        Assert.Equal(groups, inventory.LogGroups.Count);
        BudgetHarness.WithinBudget(ApiBudgets.CloudWatchLogs(ApiBudgets.Pages(groups, 50)), calls, inventory);
    }

    [Fact]
    public async Task Paginated_listing_asks_for_the_largest_page_and_makes_one_call_per_page()
    {
        var aws = Account(35, BudgetHarness.SmallPages);
        var (inventory, calls) = await BudgetHarness.RunAsync(new CloudWatchLogsCollector(), aws);

        Assert.Equal(35, inventory.LogGroups.Count);
        Assert.All(aws.Calls("logs", "DescribeLogGroups"), r => Assert.Equal(50, JsonBody.Number(r, "limit")));
        BudgetHarness.WithinBudget(ApiBudgets.CloudWatchLogs(ApiBudgets.Pages(35, BudgetHarness.SmallPages)), calls, inventory);
    }
}
