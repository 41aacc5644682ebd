using Compliance.Checker.Live.Collectors;

namespace Compliance.Checker.Tests.Live.Budgets;

public sealed class DynamoDbBudgetTests
{
    private static FakeAws Account(int tables, int pageSize) => new FakeAws()
        .On("dynamodb", "ListTables", JsonBody.Reply(r =>
        {
            var start = JsonBody.Text(r, "ExclusiveStartTableName") is { } last ? $"p{int.Parse(last[6..], System.Globalization.CultureInfo.InvariantCulture) + 1}" : null;
            var (items, next) = BudgetHarness.Page(start, tables, Math.Min(pageSize, JsonBody.Number(r, "Limit") ?? 100));
            var names = items.Select(i => $"table-{i}").ToList();
            return $$"""{"TableNames":[{{string.Join(",", names.Select(n => $"\"{n}\""))}}]{{(next is null ? "" : $",\"LastEvaluatedTableName\":\"{names[^1]}\"")}}}""";
        }))
        .On("dynamodb", "DescribeTimeToLive", FakeAws.Json("""{"TimeToLiveDescription":{"TimeToLiveStatus":"DISABLED"}}"""))
        .On("dynamodb", "DescribeTable", JsonBody.Reply(r => DynamoDbResponses.Describe(JsonBody.Text(r, "TableName")!, DynamoDbResponses.KmsSse(DynamoDbResponses.AwsManagedKeyArn))))
        .On("dynamodb", "DescribeContinuousBackups", FakeAws.Json(DynamoDbResponses.PitrEnabled))
        .On("dynamodb", "ListTagsOfResource", FakeAws.Json(DynamoDbResponses.Tags));

    [Theory]
    [MemberData(nameof(BudgetHarness.Sizes), MemberType = typeof(BudgetHarness))]
    public async Task Tables_cost_their_list_pages_and_three_forced_calls_each(int tables)
    {
        var (inventory, calls) = await BudgetHarness.RunAsync(new DynamoDbCollector(), Account(tables, 100));

        Assert.Equal(tables, inventory.DynamoDbTables.Count);
        BudgetHarness.WithinBudget(ApiBudgets.DynamoDb(ApiBudgets.Pages(tables, 100), tables), calls, inventory);
    }

    [Fact]
    public async Task Paginated_listing_asks_for_the_largest_page_and_makes_one_call_per_page()
    {
        var aws = Account(35, BudgetHarness.SmallPages);
        var (inventory, calls) = await BudgetHarness.RunAsync(new DynamoDbCollector(), aws);

        Assert.Equal(35, inventory.DynamoDbTables.Count);
        Assert.All(aws.Calls("dynamodb", "ListTables"), r => Assert.Equal(100, JsonBody.Number(r, "Limit")));
        BudgetHarness.WithinBudget(ApiBudgets.DynamoDb(ApiBudgets.Pages(35, BudgetHarness.SmallPages), 35), calls, inventory);
    }
}
