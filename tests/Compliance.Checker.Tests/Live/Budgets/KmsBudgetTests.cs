using Compliance.Checker.Live.Collectors;
using static Compliance.Checker.Tests.Live.KmsResponses;

namespace Compliance.Checker.Tests.Live.Budgets;

public sealed class KmsBudgetTests
{
    private static string KeyId(int i) => $"{i:d8}-12ab-34cd-56ef-1234567890ab";

    /// <summary>Keys 0, 5, 10, ... are AWS managed (no tags, no rotation call); the rest customer managed; one alias per key.</summary>
    private static FakeAws Account(int keys, int pageSize) => new FakeAws()
        .On("kms", "ListKeys", JsonBody.Reply(r =>
        {
            var (items, next) = BudgetHarness.Page(JsonBody.Text(r, "Marker"), keys, Math.Min(pageSize, JsonBody.Number(r, "Limit") ?? 100));
            return ListKeys(next, [.. items.Select(KeyId)]);
        }))
        .On("kms", "ListAliases", JsonBody.Reply(r =>
        {
            var (items, next) = BudgetHarness.Page(JsonBody.Text(r, "Marker"), keys, Math.Min(pageSize, JsonBody.Number(r, "Limit") ?? 100));
            var aliases = items.Select(i => $$"""{"AliasName":"alias/{{(i % 5 == 0 ? "aws/service" : "app")}}-{{i}}","TargetKeyId":"{{KeyId(i)}}"}""");
            return $$"""{"Aliases":[{{string.Join(",", aliases)}}],{{(next is null ? "" : $"\"NextMarker\":\"{next}\",")}}"Truncated":{{(next is null ? "false" : "true")}}}""";
        }))
        .On("kms", "DescribeKey", JsonBody.Reply(r =>
        {
            var id = JsonBody.Text(r, "KeyId")!;
            return Describe(id, manager: int.Parse(id[..8], System.Globalization.CultureInfo.InvariantCulture) % 5 == 0 ? "AWS" : "CUSTOMER");
        }))
        .On("kms", "GetKeyPolicy", FakeAws.Json(DefaultPolicy))
        .On("kms", "GetKeyRotationStatus", JsonBody.Reply(r => Rotation(JsonBody.Text(r, "KeyId")!, true)))
        .On("kms", "ListResourceTags", FakeAws.Json(Tags));

    private static int CustomerKeys(int keys) => keys - (keys + 4) / 5;

    [Theory]
    [MemberData(nameof(BudgetHarness.Sizes), MemberType = typeof(BudgetHarness))]
    public async Task Keys_cost_their_list_pages_their_forced_getters_and_one_alias_listing(int keys)
    {
        var (inventory, calls) = await BudgetHarness.RunAsync(new KmsCollector(), Account(keys, 100));

        Assert.Equal(keys, inventory.KmsKeys.Count);
        Assert.All(inventory.KmsKeys, k => Assert.Single(k.Aliases));
        BudgetHarness.WithinBudget(ApiBudgets.Kms(ApiBudgets.Pages(keys, 1000), keys, CustomerKeys(keys), ApiBudgets.Pages(keys, 100)), calls, inventory);
    }

    [Fact]
    public async Task Paginated_listings_ask_for_the_largest_pages_and_make_one_call_per_page()
    {
        var aws = Account(35, BudgetHarness.SmallPages);
        var (inventory, calls) = await BudgetHarness.RunAsync(new KmsCollector(), aws);

        Assert.Equal(35, inventory.KmsKeys.Count);
        Assert.All(aws.Calls("kms", "ListKeys"), r => Assert.Equal(1000, JsonBody.Number(r, "Limit")));
        Assert.All(aws.Calls("kms", "ListAliases"), r => Assert.Equal(100, JsonBody.Number(r, "Limit")));
        var pages = ApiBudgets.Pages(35, BudgetHarness.SmallPages);
        BudgetHarness.WithinBudget(ApiBudgets.Kms(pages, 35, CustomerKeys(35), pages), calls, inventory);
    }
}
