using System.Globalization;
using Compliance.Rules.Inventory;

namespace Compliance.Rules.DynamoDB;

/// <summary>Every table is backed up by AWS Backup, recently, into a vault under Backup Vault Lock.</summary>
public sealed class TableBackedUpToLockedVault : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.DynamoDbTable4,
        Title = "DynamoDB tables are backed up by AWS Backup into a vault with Vault Lock",
        Rationale = "Backups an attacker or an operator can delete are no defence against a wiped table; Vault Lock keeps recovery points for their retention whoever asks.",
        Severity = Severity.Medium,
        ResourceTypes = [ResourceTypes.DynamoDbTable, ResourceTypes.BackupVault],
        Modes = EvaluationModes.TemplatePresenceAndLive,
        Frameworks =
        [
            new(Frameworks.PciDss40, "10.3.3", MappingConfidence.Proposed),
            new(Frameworks.PciDss40, "10.5.1", MappingConfidence.Proposed),
            new(Frameworks.AwsSecurityHub, "DynamoDB.4", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "DYNAMODB_RESOURCES_PROTECTED_BY_BACKUP_PLAN", MappingConfidence.Published),
        ],
        Parameters =
        [
            new("maxBackupAgeDays", "35", "Days the latest backup may be old, so a table a plan no longer covers stops passing; 0 does not check."),
            new("minRetentionDays", "0", "The least minimum retention the vault's lock must enforce, in days; 0 accepts any lock."),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var maxAge = context.IntParameter("maxBackupAgeDays");
        var minRetention = context.IntParameter("minRetentionDays");
        var now = context.Inventory.AsOf();
        var latest = context.Inventory.BackupProtectedResources
            .GroupBy(p => p.ResourceArn, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.LastBackupTime).First(), StringComparer.Ordinal);
        var vaults = context.Inventory.BackupVaults.Where(v => v.Arn is not null)
            .GroupBy(v => v.Arn!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        foreach (var table in context.Inventory.DynamoDbTables)
        {
            var subject = $"DynamoDB table {table.DisplayName}";
            if (context.FromTemplate)
            {
                // Backups are recovery points AWS Backup made, and the vault's lock is set outside any table: a template shows neither.
                yield return Descriptor.NotApplicable(table.Ref,
                    $"{subject}: whether AWS Backup has backed it up into a locked vault is not declared in a template; judged on the live account.");
                continue;
            }

            var evidence = new Dictionary<string, string> { ["tableArn"] = table.Arn ?? "unknown" };
            if (table.Arn is null || !latest.TryGetValue(table.Arn, out var backup))
            {
                yield return Failure(context.Inventory, table, "ListProtectedResources") is { } failed
                    ? Descriptor.Error(table.Ref, $"{subject}: the resources AWS Backup protects could not be listed ({failed.ErrorCode}), so whether it is backed up is unknown.", evidence)
                    : Descriptor.Fail(table.Ref, $"{subject} has never been backed up by AWS Backup, so no backup plan protects it.", evidence);
                continue;
            }

            evidence["lastBackupTime"] = backup.LastBackupTime?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture) ?? "unknown";
            evidence["lastBackupVaultArn"] = backup.LastBackupVaultArn ?? "unknown";
            if (backup.LastBackupVaultArn is not { } vaultArn || !vaults.TryGetValue(vaultArn, out var vault))
            {
                var why = Failure(context.Inventory, table, "ListBackupVaults") is { } failed ? $"the vaults could not be listed ({failed.ErrorCode})" : "that vault is not in the inventory";
                yield return Descriptor.Error(table.Ref, $"{subject} was last backed up into {backup.LastBackupVaultArn ?? "an unknown vault"}, but {why}, so its Vault Lock is unknown.", evidence);
                continue;
            }

            evidence["vaultLocked"] = vault.Locked is { } isLocked ? (isLocked ? "true" : "false") : "unknown";
            evidence["vaultMinRetentionDays"] = vault.MinRetentionDays?.ToString(CultureInfo.InvariantCulture) ?? "none";
            var age = backup.LastBackupTime is { } time ? now - time : (TimeSpan?)null;
            yield return (vault.Locked, age) switch
            {
                (null, _) => Descriptor.Error(table.Ref, $"{subject} is backed up into vault {vault.DisplayName}, whose Vault Lock state is unknown.", evidence),
                (false, _) => Descriptor.Fail(table.Ref, $"{subject} is backed up into vault {vault.DisplayName}, which has no Vault Lock, so its recovery points can be deleted.", evidence),
                _ when minRetention > 0 && (vault.MinRetentionDays ?? 0) < minRetention =>
                    Descriptor.Fail(table.Ref, $"{subject} is backed up into locked vault {vault.DisplayName}, whose lock keeps recovery points for at least {vault.MinRetentionDays ?? 0} days, fewer than the required {minRetention}.", evidence),
                (_, null) when maxAge > 0 => Descriptor.Error(table.Ref, $"{subject} is backed up into locked vault {vault.DisplayName}, but when its latest backup was made is unknown.", evidence),
                (_, { } old) when maxAge > 0 && old > TimeSpan.FromDays(maxAge) =>
                    Descriptor.Fail(table.Ref, $"{subject}'s latest AWS Backup recovery point is {(int)old.TotalDays} days old, older than {maxAge} days, so no plan is backing it up any more.", evidence),
                _ => Descriptor.Pass(table.Ref, $"{subject} is backed up by AWS Backup into vault {vault.DisplayName}, which is under Vault Lock.", evidence),
            };
        }
    }

    /// <summary>A failed AWS Backup listing in the table's region, or null.</summary>
    private static CollectionError? Failure(AwsInventory inventory, DynamoDbTable table, string operation) =>
        inventory.CollectionErrors.FirstOrDefault(e => e.Service == "backup" && e.Operation == operation && e.Region == table.Region && e.AccountId == table.AccountId);
}
