using System.Globalization;
using Compliance.Checker.Live;
using Compliance.Checker.Live.Collection;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Tests.Live.Budgets;

/// <summary>
/// What every budget test shares: pages of N synthetic items cut the way a service cuts them, one collector run
/// against the fake, and the check of the calls made (counted by the collectors' own <see cref="ApiCallLog"/>, which
/// is what `--stats` reports) against the collector's formula in <see cref="ApiBudgets"/>.
/// To add a collector: one file NameBudgetTests.cs with the fake's answers for N items, a formula in ApiBudgets.
/// </summary>
internal static class BudgetHarness
{
    /// <summary>The sizes every collector is counted at: one, a handful, and (with <see cref="SmallPages"/>) several pages.</summary>
    public static TheoryData<int> Sizes => new() { 1, 25 };

    /// <summary>How many items the fake returns per page in the paginated cases (AWS may return fewer than asked for).</summary>
    public const int SmallPages = 10;

    /// <summary>
    /// The page of <paramref name="total"/> items that starts at <paramref name="token"/> ("p{start}", null for the first),
    /// at most <paramref name="pageSize"/> long, and the next token (null on the last page).
    /// </summary>
    public static (IEnumerable<int> Items, string? Next) Page(string? token, int total, int pageSize)
    {
        var start = string.IsNullOrEmpty(token) ? 0 : int.Parse(token[1..], CultureInfo.InvariantCulture);
        var end = Math.Min(total, start + pageSize);
        return (Enumerable.Range(start, end - start), end < total ? $"p{end}" : null);
    }

    /// <summary>Runs one collector against the fake and returns the inventory and the calls it made by operation.</summary>
    public static async Task<(AwsInventory Inventory, IReadOnlyDictionary<string, int> Calls)> RunAsync(
        ICollector collector, FakeAws aws, CollectionScope? scope = null, LiveOptions? options = null, string region = "eu-west-1")
    {
        using var session = aws.Session(options);
        var builder = new InventoryBuilder();
        var context = new CollectorContext
        {
            Session = session,
            Region = region,
            Regions = options?.Regions is { Count: > 0 } regions ? regions : [region],
            AccountId = CollectorHarness.Account,
            Scope = scope ?? CollectionScope.Everything,
            Builder = builder,
            Permissions = collector.Permissions,
        };
        await collector.CollectAsync(context, CancellationToken.None);
        var calls = session.Calls.Snapshot().ToDictionary(c => c.Service is "s3control" ? $"{c.Service}:{c.Operation}" : c.Operation, c => c.Calls);
        return (builder.Build([CollectorHarness.Account], context.Regions), calls);
    }

    /// <summary>Every call within its operation's budget, no operation outside the formula, and no call failed (the fake answered everything).</summary>
    public static void WithinBudget(IReadOnlyDictionary<string, int> budget, IReadOnlyDictionary<string, int> calls, AwsInventory inventory)
    {
        Assert.Empty(inventory.CollectionErrors);
        var over = calls.Where(c => c.Value > budget.GetValueOrDefault(c.Key)).Select(c => $"{c.Key}: {c.Value} calls, budget {budget.GetValueOrDefault(c.Key)}").ToList();
        Assert.True(over.Count == 0, "Over budget: " + string.Join("; ", over));
        Assert.True(calls.Values.Sum() <= budget.Values.Sum(), $"{calls.Values.Sum()} calls in all, budget {budget.Values.Sum()}");
    }
}
