using Compliance.Checker.Live.Collectors;

namespace Compliance.Checker.Tests.Live.Budgets;

public sealed class S3BudgetTests
{
    private static string Name(int i) => $"bucket-{i:d4}";

    /// <summary>N buckets in eu-west-1, every setting configured; the listing names each bucket's region unless told not to.</summary>
    private static FakeAws Account(int buckets, int pageSize, bool listingNamesRegion = true)
    {
        var aws = new FakeAws()
            .OnListBuckets(r =>
            {
                var (items, next) = BudgetHarness.Page(r.Param("continuation-token"), buckets, Math.Min(pageSize, int.Parse(r.Param("max-buckets") ?? "1000", System.Globalization.CultureInfo.InvariantCulture)));
                return FakeAws.Xml(S3Fake.BucketList(next, [.. items.Select(i => (Name(i), listingNamesRegion ? "eu-west-1" : (string?)null))]))(r);
            })
            .OnAccountBlock(S3Fake.Error("NoSuchPublicAccessBlockConfiguration", "The public access block configuration was not found"));
        for (var i = 0; i < buckets; i++)
        {
            aws.ConfiguredBucket(Name(i)).OnBucket(Name(i), "location", FakeAws.Xml(S3Fake.Location("eu-west-1")));
        }

        return aws;
    }

    [Theory]
    [MemberData(nameof(BudgetHarness.Sizes), MemberType = typeof(BudgetHarness))]
    public async Task Buckets_cost_their_list_pages_ten_forced_getters_each_and_the_account_block(int buckets)
    {
        var (inventory, calls) = await BudgetHarness.RunAsync(new S3Collector(), Account(buckets, 10_000), options: S3Fake.Options());

        Assert.Equal(buckets, inventory.Buckets.Count);
        BudgetHarness.WithinBudget(ApiBudgets.S3(ApiBudgets.Pages(buckets, 10_000), buckets, bucketsWithoutRegion: 0), calls, inventory);
    }

    [Fact]
    public async Task A_listing_without_regions_adds_one_location_call_per_bucket()
    {
        var (inventory, calls) = await BudgetHarness.RunAsync(new S3Collector(), Account(5, 10_000, listingNamesRegion: false), options: S3Fake.Options());

        Assert.Equal(5, inventory.Buckets.Count);
        BudgetHarness.WithinBudget(ApiBudgets.S3(1, 5, bucketsWithoutRegion: 5), calls, inventory);
    }

    [Fact]
    public async Task Paginated_listing_asks_for_the_largest_page_and_makes_one_call_per_page()
    {
        var aws = Account(25, BudgetHarness.SmallPages);
        var (inventory, calls) = await BudgetHarness.RunAsync(new S3Collector(), aws, options: S3Fake.Options());

        Assert.Equal(25, inventory.Buckets.Count);
        Assert.All(aws.Requests.Where(S3Fake.IsListBuckets), r => Assert.Equal("10000", r.Param("max-buckets")));
        BudgetHarness.WithinBudget(ApiBudgets.S3(ApiBudgets.Pages(25, BudgetHarness.SmallPages), 25, bucketsWithoutRegion: 0), calls, inventory);
    }
}
