using System.Globalization;
using Compliance.Rules.Inventory;

namespace Compliance.Rules.IAM;

/// <summary>Lookups and text the IAM rules share.</summary>
internal static class IamFacts
{
    /// <summary>The account as a finding's subject, region "global".</summary>
    public static ResourceRef AccountRef(string accountId) => new(ResourceTypes.Account, accountId, null, "global", accountId);

    /// <summary>The root user record of an account, or null when it was not collected.</summary>
    public static RootUser? Root(AwsInventory inventory, string accountId) =>
        inventory.RootUsers.FirstOrDefault(r => r.AccountId == accountId);

    public static string Text(bool? value) => value switch { true => "true", false => "false", null => "unknown" };

    public static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A timestamp as ISO 8601 UTC, or "none".</summary>
    public static string Text(DateTimeOffset? value) =>
        value?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "none";

    /// <summary>Whole days from <paramref name="since"/> to <paramref name="now"/> (never negative).</summary>
    public static int DaysBetween(DateTimeOffset since, DateTimeOffset now) => Math.Max(0, (int)Math.Floor((now - since).TotalDays));

    /// <summary>The partition of an ARN, "aws" when it has none.</summary>
    public static string Partition(string? arn) => AwsArn.Parse(arn)?.Partition ?? "aws";
}
