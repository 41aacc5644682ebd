using Compliance.Checker.Live.Collectors;

namespace Compliance.Checker.Tests.Live.Budgets;

public sealed class SecretsManagerBudgetTests
{
    private static FakeAws Account(int secrets, int pageSize) => new FakeAws().On("secretsmanager", "ListSecrets", JsonBody.Reply(r =>
    {
        var (items, next) = BudgetHarness.Page(JsonBody.Text(r, "NextToken"), secrets, Math.Min(pageSize, JsonBody.Number(r, "MaxResults") ?? 100));
        var list = string.Join(",", items.Select(i => $$"""
            {"ARN":"arn:aws:secretsmanager:eu-west-1:123456789012:secret:app-{{i}}-Ab12Cd","Name":"app-{{i}}","RotationEnabled":true,
             "RotationRules":{"AutomaticallyAfterDays":30},"KmsKeyId":"arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
             "Tags":[{"Key":"Owner","Value":"team-{{i}}"}]}
            """));
        return $$"""{"SecretList":[{{list}}]{{(next is null ? "" : $",\"NextToken\":\"{next}\"")}}}""";
    }));

    [Theory]
    [MemberData(nameof(BudgetHarness.Sizes), MemberType = typeof(BudgetHarness))]
    public async Task Secrets_cost_only_their_list_pages(int secrets)
    {
        var (inventory, calls) = await BudgetHarness.RunAsync(new SecretsManagerCollector(), Account(secrets, 100));

        Assert.Equal(secrets, inventory.Secrets.Count);
        BudgetHarness.WithinBudget(ApiBudgets.SecretsManager(ApiBudgets.Pages(secrets, 100)), calls, inventory);
    }

    [Fact]
    public async Task Paginated_listing_asks_for_the_largest_page_and_makes_one_call_per_page()
    {
        var aws = Account(35, BudgetHarness.SmallPages);
        var (inventory, calls) = await BudgetHarness.RunAsync(new SecretsManagerCollector(), aws);

        Assert.Equal(35, inventory.Secrets.Count);
        Assert.All(aws.Calls("secretsmanager", "ListSecrets"), r => Assert.Equal(100, JsonBody.Number(r, "MaxResults")));
        BudgetHarness.WithinBudget(ApiBudgets.SecretsManager(ApiBudgets.Pages(35, BudgetHarness.SmallPages)), calls, inventory);
    }
}
