using Compliance.Checker.Live.Collectors;

namespace Compliance.Checker.Tests.Live.Budgets;

public sealed class ConfigBudgetTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task Recorders_cost_two_calls_per_region_and_one_without_a_recorder(int recorders)
    {
        var aws = new FakeAws()
            .On("config", "DescribeDeliveryChannels", FakeAws.Json("""{"DeliveryChannels":[]}"""))
            .On("config", "DescribeConfigRules", FakeAws.Json("""{"ConfigRules":[]}"""))
            .On("config", "DescribeConfigRuleEvaluationStatus", FakeAws.Json("""{"ConfigRulesEvaluationStatus":[]}"""))
            .On("config", "DescribeConfigurationRecorders", FakeAws.Json(recorders == 0 ? """{"ConfigurationRecorders":[]}""" : """
                {"ConfigurationRecorders":[{"name":"default","roleARN":"arn:aws:iam::123456789012:role/config","recordingGroup":{"allSupported":true,"includeGlobalResourceTypes":true}}]}
                """))
            .On("config", "DescribeConfigurationRecorderStatus", FakeAws.Json("""{"ConfigurationRecordersStatus":[{"name":"default","recording":true,"lastStatus":"SUCCESS"}]}"""));

        var (inventory, calls) = await BudgetHarness.RunAsync(new ConfigCollector(), aws);

        Assert.Equal(recorders, inventory.ConfigurationRecorders.Count);
        BudgetHarness.WithinBudget(ApiBudgets.Config(recorders), calls, inventory);
    }
}
