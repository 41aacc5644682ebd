using System.Collections.Concurrent;
using Amazon.KeyManagementService;
using Compliance.Checker.Live.Collection;
using Compliance.Rules.Inventory;
using KmsModel = Amazon.KeyManagementService.Model;

namespace Compliance.Checker.Live.Collectors;

/// <summary>
/// KMS keys: ListKeys (paginated), then per key (at most 8 at once) DescribeKey, GetKeyPolicy, and for customer
/// managed keys GetKeyRotationStatus (where automatic rotation exists) and ListResourceTags; finally one ListAliases
/// pass (paginated) that names every key's aliases, instead of one alias call per key. A key said to be customer
/// managed that has an AWS-reserved alias (alias/aws/...) is recorded with an unknown key manager.
/// </summary>
public sealed class KmsCollector : ICollector
{
    internal const string ServiceKey = "kms";
    private const int KeyConcurrency = 8;

    public string Service => ServiceKey;
    public IReadOnlyList<string> Produces { get; } = [ResourceTypes.KmsKey];
    public bool IsGlobal => false;
    public IReadOnlyDictionary<string, string> Permissions { get; } = new Dictionary<string, string>
    {
        ["kms:ListKeys"] = "kms:ListKeys",
        ["kms:ListAliases"] = "kms:ListAliases",
        ["kms:DescribeKey"] = "kms:DescribeKey",
        ["kms:GetKeyPolicy"] = "kms:GetKeyPolicy",
        ["kms:GetKeyRotationStatus"] = "kms:GetKeyRotationStatus",
        ["kms:ListResourceTags"] = "kms:ListResourceTags",
    };

    public async Task CollectAsync(CollectorContext context, CancellationToken cancellationToken)
    {
        if (!context.Scope.Wants(ResourceTypes.KmsKey))
        {
            return;
        }

        var client = context.Session.Kms(context.Region);

        // A targeted scan describes the named keys directly; a key that is not in this region answers NotFound and is skipped.
        var keyIds = context.Scope.IdsFor(ResourceTypes.KmsKey) ?? await ListKeyIdsAsync(context, client, cancellationToken);
        var keys = new ConcurrentBag<KmsKey>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = KeyConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(keyIds.Distinct(StringComparer.Ordinal), parallel, async (keyId, ct) =>
        {
            if (await KmsKeyReader.ReadAsync(context, client, keyId, ct) is { } key)
            {
                keys.Add(key);
            }
        });

        if (keys.IsEmpty)
        {
            return; // nothing to name: no alias call
        }

        var aliases = await ListAliasesAsync(context, client, cancellationToken);
        foreach (var key in keys)
        {
            var named = key with { Aliases = aliases.TryGetValue(key.Id, out var names) ? names.Order(StringComparer.Ordinal).ToList() : [] };
            context.Builder.Add(Reconciled(context, named));
        }
    }

    /// <summary>
    /// Only AWS can give a key an alias under alias/aws/, so such a key is AWS managed. A DescribeKey that calls it
    /// CUSTOMER (moto 4.2 does, for the AWS managed keys it creates on first use) contradicts that: the key manager is
    /// then unknown, and so is every verdict that depends on it, rather than the key being judged as a customer's.
    /// </summary>
    private static KmsKey Reconciled(CollectorContext context, KmsKey key)
    {
        var reserved = key.Aliases.FirstOrDefault(a => a.StartsWith("alias/aws/", StringComparison.Ordinal));
        if (key.KeyManager != "CUSTOMER" || reserved is null)
        {
            return key;
        }

        context.Missing(ServiceKey, "DescribeKey", ResourceTypes.KmsKey, "InconsistentKeyManager",
            $"DescribeKey says key {key.Id} is customer managed, but it has the AWS-reserved alias {reserved}; its key manager is unknown.", key.Id);
        return key with { KeyManager = null };
    }

    private static async Task<List<string>> ListKeyIdsAsync(CollectorContext context, IAmazonKeyManagementService client, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        string? marker = null;
        do
        {
            var page = await context.CallAsync(ServiceKey, "ListKeys", ResourceTypes.KmsKey,
                ct => client.ListKeysAsync(new KmsModel.ListKeysRequest { Limit = 1000, Marker = marker }, ct), cancellationToken);
            if (page is null)
            {
                break; // recorded; the keys listed so far are still read
            }

            ids.AddRange((page.Keys ?? []).Select(k => k.KeyId).OfType<string>());
            marker = page.Truncated == true ? page.NextMarker : null;
        }
        while (!string.IsNullOrEmpty(marker));

        return ids;
    }

    /// <summary>Alias names by target key id. Aliases AWS predefined but has not yet attached to a key have no target and are skipped.</summary>
    private static async Task<Dictionary<string, List<string>>> ListAliasesAsync(CollectorContext context, IAmazonKeyManagementService client, CancellationToken cancellationToken)
    {
        var byKey = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        string? marker = null;
        do
        {
            var page = await context.CallAsync(ServiceKey, "ListAliases", ResourceTypes.KmsKey,
                ct => client.ListAliasesAsync(new KmsModel.ListAliasesRequest { Limit = 100, Marker = marker }, ct), cancellationToken);
            if (page is null)
            {
                break;
            }

            foreach (var alias in page.Aliases ?? [])
            {
                if (alias.TargetKeyId is { Length: > 0 } target && alias.AliasName is { Length: > 0 } name)
                {
                    (byKey.TryGetValue(target, out var list) ? list : byKey[target] = []).Add(name);
                }
            }

            marker = page.Truncated == true ? page.NextMarker : null;
        }
        while (!string.IsNullOrEmpty(marker));

        return byKey;
    }
}
