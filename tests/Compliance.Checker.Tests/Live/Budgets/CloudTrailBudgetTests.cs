using Compliance.Checker.Live.Collectors;

namespace Compliance.Checker.Tests.Live.Budgets;

public sealed class CloudTrailBudgetTests
{
    private static string Arn(int i) => $"arn:aws:cloudtrail:eu-west-1:123456789012:trail/trail-{i}";

    private static FakeAws Account(int trails) => new FakeAws()
        .On("cloudtrail", "DescribeTrails", FakeAws.Json($$"""
            {"trailList":[{{string.Join(",", Enumerable.Range(0, trails).Select(i => $$"""
              {"Name":"trail-{{i}}","TrailARN":"{{Arn(i)}}","HomeRegion":"eu-west-1","IsMultiRegionTrail":true,"IncludeGlobalServiceEvents":true,
               "LogFileValidationEnabled":true,"S3BucketName":"audit-{{i}}"}
              """))}}]}
            """))
        .On("cloudtrail", "GetTrailStatus", FakeAws.Json("""{"IsLogging":true}"""))
        .On("cloudtrail", "GetEventSelectors", FakeAws.Json("""{"EventSelectors":[{"ReadWriteType":"All","IncludeManagementEvents":true}]}"""));

    [Theory]
    [MemberData(nameof(BudgetHarness.Sizes), MemberType = typeof(BudgetHarness))]
    public async Task Trails_cost_one_listing_and_two_forced_calls_each(int trails)
    {
        var (inventory, calls) = await BudgetHarness.RunAsync(new CloudTrailCollector(), Account(trails));

        Assert.Equal(trails, inventory.Trails.Count);
        BudgetHarness.WithinBudget(ApiBudgets.CloudTrail(trails), calls, inventory);
    }
}
