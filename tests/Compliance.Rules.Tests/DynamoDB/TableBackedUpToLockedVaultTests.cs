using Compliance.Rules.DynamoDB;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.DynamoDB;

public sealed class TableBackedUpToLockedVaultTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 11, 22, 2, 0, 0, TimeSpan.Zero);
    private const string LockedVaultArn = $"arn:aws:backup:{Region}:{Account}:backup-vault:audit-locked";
    private const string OpenVaultArn = $"arn:aws:backup:{Region}:{Account}:backup-vault:Default";
    private readonly TableBackedUpToLockedVault _rule = new();

    private static DynamoDbTable Table(string name) => new()
    {
        Id = name,
        Region = Region,
        AccountId = Account,
        Arn = $"arn:aws:dynamodb:{Region}:{Account}:table/{name}",
    };

    private static BackupProtectedResource Backup(string table, string vaultArn, double daysAgo = 1) => new()
    {
        ResourceArn = $"arn:aws:dynamodb:{Region}:{Account}:table/{table}",
        Region = Region,
        AccountId = Account,
        ResourceType = "DynamoDB",
        LastBackupTime = AsOf.AddDays(-daysAgo),
        LastBackupVaultArn = vaultArn,
    };

    private static BackupVault Vault(string arn, bool? locked, int? minRetention = null) => new()
    {
        Id = arn.Split(':')[^1],
        Region = Region,
        AccountId = Account,
        Arn = arn,
        Locked = locked,
        MinRetentionDays = minRetention,
    };

    private static AwsInventory Tables(params (string Table, BackupProtectedResource? Backup)[] tables) => BaseInventory with
    {
        CollectedAt = AsOf,
        DynamoDbTables = [.. tables.Select(t => Table(t.Table))],
        BackupProtectedResources = [.. tables.Select(t => t.Backup).OfType<BackupProtectedResource>()],
        BackupVaults = [Vault(LockedVaultArn, true, 35), Vault(OpenVaultArn, false)],
    };

    [Fact]
    public void Only_a_recent_backup_in_a_locked_vault_passes()
    {
        var inventory = Tables(
            ("pass-audit", Backup("pass-audit", LockedVaultArn)),
            ("pass-monthly", Backup("pass-monthly", LockedVaultArn, daysAgo: 31)),
            ("fail-unlocked", Backup("fail-unlocked", OpenVaultArn)),
            ("fail-never", null),
            ("fail-stale", Backup("fail-stale", LockedVaultArn, daysAgo: 90)));

        ExactFailing(_rule, inventory, "fail-unlocked", "fail-never", "fail-stale");
    }

    [Fact]
    public void Unknown_listings_vaults_and_locks_are_errors()
    {
        var failedListing = Tables(("orders", null)) with
        {
            CollectionErrors =
            [
                new CollectionError
                {
                    Service = "backup", Operation = "ListProtectedResources", Region = Region, AccountId = Account,
                    ResourceType = ResourceTypes.BackupVault, ErrorCode = "AccessDeniedException", Message = "denied",
                },
            ],
        };
        var otherVault = Tables(("orders", Backup("orders", $"arn:aws:backup:{Region}:{Account}:backup-vault:gone")));
        var unknownLock = Tables(("orders", Backup("orders", LockedVaultArn))) with { BackupVaults = [Vault(LockedVaultArn, null)] };

        Assert.Equal(ComplianceStatus.Error, Assert.Single(Evaluate(_rule, failedListing)).Status);
        Assert.Equal(ComplianceStatus.Error, Assert.Single(Evaluate(_rule, otherVault)).Status);
        Assert.Equal(ComplianceStatus.Error, Assert.Single(Evaluate(_rule, unknownLock)).Status);
    }

    [Fact]
    public void The_lock_retention_and_backup_age_are_parameters()
    {
        var inventory = Tables(("orders", Backup("orders", LockedVaultArn, daysAgo: 50)));

        Assert.Equal(ComplianceStatus.Pass, Assert.Single(Evaluate(_rule, inventory, new Dictionary<string, string> { ["maxBackupAgeDays"] = "0" })).Status);
        var retention = Assert.Single(Evaluate(_rule, inventory, new Dictionary<string, string> { ["maxBackupAgeDays"] = "60", ["minRetentionDays"] = "365" }));
        Assert.Equal(ComplianceStatus.Fail, retention.Status);
        Assert.Equal("DynamoDB table orders is backed up into locked vault audit-locked, whose lock keeps recovery points for at least 35 days, fewer than the required 365.", retention.Message);
    }

    [Fact]
    public void The_failure_for_an_unlocked_vault_names_it()
    {
        var fail = Assert.Single(Evaluate(_rule, Tables(("sessions", Backup("sessions", OpenVaultArn)))));

        Assert.Equal("DynamoDB table sessions is backed up into vault Default, which has no Vault Lock, so its recovery points can be deleted.", fail.Message);
        Assert.Equal((OpenVaultArn, "false"), (fail.Evidence["lastBackupVaultArn"], fail.Evidence["vaultLocked"]));
    }
}
