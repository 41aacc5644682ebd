using Compliance.Checker.Live;
using Compliance.Checker.Live.Collection;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Tests.Live;

/// <summary>Runs one collector against the fake and returns what it built.</summary>
internal static class CollectorHarness
{
    public const string Account = "123456789012";

    public static async Task<AwsInventory> Collect(ICollector collector, FakeAws aws, string region = "eu-west-1", CollectionScope? scope = null, LiveOptions? options = null)
    {
        using var session = aws.Session(options);
        var builder = new InventoryBuilder();
        var context = new CollectorContext
        {
            Session = session,
            Region = region,
            Regions = options?.Regions is { Count: > 0 } regions ? regions : [region],
            AccountId = Account,
            Scope = scope ?? CollectionScope.Everything,
            Builder = builder,
            Permissions = collector.Permissions,
        };
        await collector.CollectAsync(context, CancellationToken.None);
        return builder.Build([Account], context.Regions);
    }
}
