using Compliance.Checker.Live.Collection;
using Compliance.Rules.Inventory;
using Bk = Compliance.Checker.Live.Clients.Backup;

namespace Compliance.Checker.Live.Collectors;

/// <summary>
/// AWS Backup in one region: ListBackupVaults (paginated; Vault Lock settings), ListProtectedResources (paginated; every
/// backed-up resource with the vault of its latest backup), and ListTags per vault (at most 8 at once; no list call
/// returns vault tags). Which plan protects a resource needs no call: the latest backup's vault is what the rules
/// judge, and plans and selections would cost calls per plan. A targeted scan of named vaults reads only those vaults.
/// </summary>
public sealed class BackupCollector : ICollector
{
    private const string ServiceKey = "backup";
    private const string Type = ResourceTypes.BackupVault;
    private const int TagConcurrency = 8;

    public string Service => ServiceKey;
    public IReadOnlyList<string> Produces { get; } = [ResourceTypes.BackupVault];
    public bool IsGlobal => false;
    public IReadOnlyDictionary<string, string> Permissions { get; } = new Dictionary<string, string>
    {
        ["backup:ListBackupVaults"] = "backup:ListBackupVaults",
        ["backup:ListProtectedResources"] = "backup:ListProtectedResources",
        ["backup:ListTags"] = "backup:ListTags",
    };

    public async Task CollectAsync(CollectorContext context, CancellationToken cancellationToken)
    {
        if (!context.Scope.Wants(Type))
        {
            return;
        }

        var client = Bk.BackupClient.For(context.Session, context.Region);
        var wanted = context.Scope.IdsFor(Type)?.ToHashSet(StringComparer.Ordinal);
        var protectedTask = wanted is null ? ReadProtectedResourcesAsync(context, client, cancellationToken) : Task.CompletedTask;
        var vaults = new List<Bk.BackupVaultListMember>();
        string? token = null;
        do
        {
            var current = token;
            var page = await context.CallAsync(ServiceKey, "ListBackupVaults", Type,
                ct => client.ListBackupVaultsAsync(new Bk.ListBackupVaultsRequest { MaxResults = 1000, NextToken = current }, ct), cancellationToken);
            if (page is null)
            {
                break; // recorded; the vaults listed so far are still read
            }

            vaults.AddRange(page.BackupVaultList ?? []);
            token = page.NextToken;
        }
        while (!string.IsNullOrEmpty(token));

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = TagConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(
            vaults.Where(v => v.BackupVaultName is not null && (wanted is null || wanted.Contains(v.BackupVaultName))),
            parallel,
            async (vault, ct) => context.Builder.Add(await ReadVaultAsync(context, client, vault, ct)));
        await protectedTask;
    }

    private static async Task<BackupVault> ReadVaultAsync(CollectorContext context, Bk.IAmazonBackup client, Bk.BackupVaultListMember vault, CancellationToken cancellationToken)
    {
        var name = vault.BackupVaultName!;
        var tags = vault.BackupVaultArn is { } arn ? await ReadTagsAsync(context, client, name, arn, cancellationToken) : null;
        return new BackupVault
        {
            Id = name,
            Region = context.Region,
            AccountId = context.AccountId,
            Arn = vault.BackupVaultArn,
            Tags = tags ?? new Dictionary<string, string>(),
            TagsUnknown = tags is null,
            Locked = vault.Locked ?? false, // the member is left out for a vault that never had a lock
            MinRetentionDays = Days(vault.MinRetentionDays),
            MaxRetentionDays = Days(vault.MaxRetentionDays),
            LockDate = Utc(vault.LockDate),
            EncryptionKeyArn = vault.EncryptionKeyArn,
        };
    }

    /// <summary>Every page of a vault's tags; null when a page failed (recorded against the vault).</summary>
    private static async Task<Dictionary<string, string>?> ReadTagsAsync(CollectorContext context, Bk.IAmazonBackup client, string name, string arn, CancellationToken cancellationToken)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        string? token = null;
        do
        {
            var current = token;
            var page = await context.CallAsync(ServiceKey, "ListTags", Type,
                ct => client.ListTagsAsync(new Bk.ListTagsRequest(arn) { NextToken = current }, ct), cancellationToken, name);
            if (page is null)
            {
                return null;
            }

            foreach (var (key, value) in page.Tags ?? new Dictionary<string, string>())
            {
                tags[key] = value;
            }

            token = page.NextToken;
        }
        while (!string.IsNullOrEmpty(token));

        return tags;
    }

    private static async Task ReadProtectedResourcesAsync(CollectorContext context, Bk.IAmazonBackup client, CancellationToken cancellationToken)
    {
        string? token = null;
        do
        {
            var current = token;
            var page = await context.CallAsync(ServiceKey, "ListProtectedResources", Type,
                ct => client.ListProtectedResourcesAsync(new Bk.ListProtectedResourcesRequest { MaxResults = 1000, NextToken = current }, ct), cancellationToken);
            if (page is null)
            {
                return; // recorded: the listing is incomplete, so a resource not found in it is unknown, not unprotected
            }

            foreach (var resource in page.Results ?? [])
            {
                if (resource.ResourceArn is { Length: > 0 } arn)
                {
                    context.Builder.Add(new BackupProtectedResource
                    {
                        ResourceArn = arn,
                        Region = context.Region,
                        AccountId = context.AccountId,
                        ResourceType = resource.ResourceType,
                        LastBackupTime = Utc(resource.LastBackupTime),
                        LastBackupVaultArn = resource.LastBackupVaultArn,
                        LastRecoveryPointArn = resource.LastRecoveryPointArn,
                    });
                }
            }

            token = page.NextToken;
        }
        while (!string.IsNullOrEmpty(token));
    }

    private static int? Days(long? days) => days is { } d ? (int)Math.Clamp(d, 0, int.MaxValue) : null;

    private static DateTimeOffset? Utc(DateTime? time) => time is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : null;
}
