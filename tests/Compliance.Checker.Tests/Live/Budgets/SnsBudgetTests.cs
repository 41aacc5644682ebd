using Compliance.Checker.Live.Collectors;

namespace Compliance.Checker.Tests.Live.Budgets;

public sealed class SnsBudgetTests
{
    private static string Arn(int i) => $"arn:aws:sns:eu-west-1:123456789012:topic-{i}";

    private static FakeAws Account(int topics, int pageSize) => new FakeAws()
        .On("sns", "ListTopics", r =>
        {
            var (items, next) = BudgetHarness.Page(r.Param("NextToken"), topics, pageSize);
            return SnsResponses.ListTopics(next, [.. items.Select(Arn)])(r);
        })
        .On("sns", "GetTopicAttributes", r => SnsResponses.Attributes(r.Param("TopicArn")!)(r))
        .On("sns", "ListTagsForResource", r => SnsResponses.TagList()(r));

    [Theory]
    [MemberData(nameof(BudgetHarness.Sizes), MemberType = typeof(BudgetHarness))]
    public async Task Topics_cost_their_list_pages_and_one_attributes_call_each(int topics)
    {
        var (inventory, calls) = await BudgetHarness.RunAsync(new SnsCollector(), Account(topics, 100));

        Assert.Equal(topics, inventory.SnsTopics.Count);
        BudgetHarness.WithinBudget(ApiBudgets.Sns(ApiBudgets.Pages(topics, 100), topics), calls, inventory);
    }

    [Fact]
    public async Task Paginated_listing_makes_one_call_per_page()
    {
        var (inventory, calls) = await BudgetHarness.RunAsync(new SnsCollector(), Account(35, BudgetHarness.SmallPages));

        Assert.Equal(35, inventory.SnsTopics.Count);
        BudgetHarness.WithinBudget(ApiBudgets.Sns(ApiBudgets.Pages(35, BudgetHarness.SmallPages), 35), calls, inventory);
    }
}
