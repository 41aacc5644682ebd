using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.SecretsManager;

/// <summary>Secrets as ListSecrets returns them, judged as of <see cref="AsOf"/>.</summary>
internal static class SecretFixtures
{
    /// <summary>The collection time the inventories below are judged at.</summary>
    public static readonly DateTimeOffset AsOf = new(2026, 11, 22, 2, 0, 0, TimeSpan.Zero);

    public static Secret Secret(string name) => new()
    {
        Id = name,
        Region = Region,
        AccountId = Account,
        Arn = $"arn:aws:secretsmanager:{Region}:{Account}:secret:{name}-AbCdEf",
        CreatedDate = AsOf.AddDays(-400),
    };

    /// <summary>A day as AWS reports LastAccessedDate: midnight UTC, <paramref name="daysAgo"/> days before <see cref="AsOf"/>.</summary>
    public static DateTimeOffset DayAgo(int daysAgo) => new(AsOf.UtcDateTime.Date.AddDays(-daysAgo), TimeSpan.Zero);

    public static AwsInventory Secrets(params Secret[] secrets) => BaseInventory with { Secrets = secrets, CollectedAt = AsOf };
}
