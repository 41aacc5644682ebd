namespace Compliance.Rules.Inventory;

/// <summary>Who manages the key a resource is encrypted with.</summary>
public enum KeyOwnership
{
    /// <summary>No key is set.</summary>
    None,
    /// <summary>An AWS managed key (alias/aws/...).</summary>
    AwsManaged,
    /// <summary>A customer managed key known to the inventory.</summary>
    CustomerManaged,
    /// <summary>The key is not in the inventory, or its manager is unknown.</summary>
    Unknown,
}

/// <summary>A key reference resolved against the inventory.</summary>
/// <param name="Ownership">Who manages the key.</param>
/// <param name="Key">The key record, when found.</param>
/// <param name="Reference">The reference as written on the resource.</param>
public sealed record KeyResolution(KeyOwnership Ownership, KmsKey? Key, string? Reference);

/// <summary>
/// Lookups over one inventory, built lazily and shared by all rules of one evaluation. Thread-safe.
/// </summary>
public sealed class InventoryIndex
{
    private readonly Lazy<Dictionary<string, KmsKey>> _keys;
    private readonly Lazy<Dictionary<string, Bucket>> _buckets;
    private readonly Lazy<Dictionary<string, LogGroup>> _logGroups;
    private readonly Lazy<Dictionary<string, Subnet>> _subnets;

    public InventoryIndex(AwsInventory inventory)
    {
        Inventory = inventory;
        _keys = new(() => BuildKeyIndex(inventory.KmsKeys));
        _buckets = new(() => inventory.Buckets.GroupBy(b => b.Id).ToDictionary(g => g.Key, g => g.First()));
        _logGroups = new(() => inventory.LogGroups
            .SelectMany(g => new[] { ($"{g.AccountId}/{g.Region}/{g.Id}", g) }.Concat(g.Arn is null ? [] : [(TrimArnSuffix(g.Arn), g)]))
            .GroupBy(p => p.Item1).ToDictionary(p => p.Key, p => p.First().g));
        _subnets = new(() => inventory.Subnets.GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.First()));
    }

    public AwsInventory Inventory { get; }

    /// <summary>A bucket by name.</summary>
    public Bucket? Bucket(string? name) => name is not null && _buckets.Value.TryGetValue(name, out var b) ? b : null;

    /// <summary>A subnet by id.</summary>
    public Subnet? Subnet(string? id) => id is not null && _subnets.Value.TryGetValue(id, out var s) ? s : null;

    /// <summary>A log group by ARN (with or without the trailing ":*"), or by name in an account and region.</summary>
    public LogGroup? LogGroup(string? nameOrArn, string accountId, string region)
    {
        if (string.IsNullOrEmpty(nameOrArn))
        {
            return null;
        }

        var key = nameOrArn.StartsWith("arn:", StringComparison.Ordinal) ? TrimArnSuffix(nameOrArn) : $"{accountId}/{region}/{nameOrArn}";
        return _logGroups.Value.TryGetValue(key, out var group) ? group : null;
    }

    /// <summary>
    /// Resolves a key id, key ARN, alias name or alias ARN as it appears on a resource in
    /// <paramref name="region"/> of <paramref name="accountId"/>.
    /// </summary>
    public KeyResolution ResolveKey(string? reference, string region, string accountId)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            return new(KeyOwnership.None, null, reference);
        }

        var (keyRegion, keyAccount, localName) = SplitKeyReference(reference, region, accountId);
        if (localName.StartsWith("alias/aws/", StringComparison.Ordinal))
        {
            return new(KeyOwnership.AwsManaged, null, reference);
        }

        if (!_keys.Value.TryGetValue($"{keyAccount}/{keyRegion}/{localName}", out var key))
        {
            return new(KeyOwnership.Unknown, null, reference);
        }

        var ownership = key.KeyManager switch
        {
            "CUSTOMER" => KeyOwnership.CustomerManaged,
            "AWS" => KeyOwnership.AwsManaged,
            _ => KeyOwnership.Unknown,
        };
        return new(ownership, key, reference);
    }

    private static Dictionary<string, KmsKey> BuildKeyIndex(IEnumerable<KmsKey> keys)
    {
        var index = new Dictionary<string, KmsKey>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            index.TryAdd($"{key.AccountId}/{key.Region}/{key.Id}", key);
            foreach (var alias in key.Aliases)
            {
                index.TryAdd($"{key.AccountId}/{key.Region}/{alias}", key);
            }
        }

        return index;
    }

    /// <summary>"arn:aws:kms:eu-west-1:111122223333:key/abcd" → (eu-west-1, 111122223333, abcd); "alias/x" → (region, account, alias/x).</summary>
    private static (string Region, string Account, string LocalName) SplitKeyReference(string reference, string region, string accountId)
    {
        if (AwsArn.Parse(reference) is not { } arn)
        {
            return (region, accountId, reference);
        }

        var local = arn.Resource.StartsWith("key/", StringComparison.Ordinal) ? arn.Resource["key/".Length..] : arn.Resource;
        return (arn.Region, arn.Account, local);
    }

    private static string TrimArnSuffix(string arn) => arn.EndsWith(":*", StringComparison.Ordinal) ? arn[..^2] : arn;
}
