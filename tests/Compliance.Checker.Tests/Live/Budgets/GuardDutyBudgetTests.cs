using Compliance.Checker.Live.Collectors;

namespace Compliance.Checker.Tests.Live.Budgets;

public sealed class GuardDutyBudgetTests
{
    private static string Id(int i) => $"{i:d2}abc34d567e8fa901bc2d34e56789f0";

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task Detectors_cost_their_list_pages_and_two_forced_calls_each(int detectors)
    {
        var aws = new FakeAws()
            .On(r => r.Service == "guardduty" && r.Method == HttpMethod.Post && r.Path.EndsWith("/findings", StringComparison.Ordinal), FakeAws.Json("""{"findingIds":[]}"""))
            .On(r => r.Service == "guardduty" && r.Path == "/detector",
                FakeAws.Json($$"""{"detectorIds":[{{string.Join(",", Enumerable.Range(0, detectors).Select(i => $"\"{Id(i)}\""))}}]}"""))
            .On(r => r.Service == "guardduty" && r.Path.EndsWith("/administrator", StringComparison.Ordinal), FakeAws.Json("{}"))
            .On(r => r.Service == "guardduty" && r.Path.StartsWith("/detector/", StringComparison.Ordinal),
                FakeAws.Json("""{"serviceRole":"arn:aws:iam::123456789012:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty","status":"ENABLED"}"""));

        var (inventory, calls) = await BudgetHarness.RunAsync(new GuardDutyCollector(), aws);

        Assert.Equal(detectors, inventory.GuardDutyDetectors.Count);
        BudgetHarness.WithinBudget(ApiBudgets.GuardDuty(1, detectors), calls, inventory);
    }
}
