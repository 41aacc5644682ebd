namespace Compliance.Rules.Inventory;

/// <summary>An AWS Backup vault (ListBackupVaults, ListTags). Id is the vault name.</summary>
public sealed record BackupVault : AwsResource
{
    public override string ResourceType => ResourceTypes.BackupVault;

    /// <summary>True when Backup Vault Lock protects the vault's recovery points from deletion and change; null when unknown.</summary>
    public bool? Locked { get; init; }

    /// <summary>The lock's minimum retention in days; null when the vault has no lock or the lock sets none.</summary>
    public int? MinRetentionDays { get; init; }

    /// <summary>The lock's maximum retention in days; null when the vault has no lock or the lock sets none.</summary>
    public int? MaxRetentionDays { get; init; }

    /// <summary>When the lock becomes immutable (compliance mode); null for a governance-mode lock or no lock.</summary>
    public DateTimeOffset? LockDate { get; init; }

    /// <summary>The KMS key that encrypts the vault's backups.</summary>
    public string? EncryptionKeyArn { get; init; }
}

/// <summary>
/// A resource AWS Backup has backed up (ListProtectedResources), with its latest backup. Not a resource of its own: a fact
/// about another resource, so it is no <see cref="AwsResource"/> and carries no tags.
/// </summary>
public sealed record BackupProtectedResource
{
    /// <summary>The protected resource's ARN, e.g. arn:aws:dynamodb:eu-west-1:123456789012:table/orders.</summary>
    public required string ResourceArn { get; init; }

    public required string Region { get; init; }
    public required string AccountId { get; init; }

    /// <summary>AWS Backup's resource type: DynamoDB, EBS, RDS, ...</summary>
    public string? ResourceType { get; init; }

    /// <summary>When the latest backup of the resource was made.</summary>
    public DateTimeOffset? LastBackupTime { get; init; }

    /// <summary>The vault holding the latest backup.</summary>
    public string? LastBackupVaultArn { get; init; }

    public string? LastRecoveryPointArn { get; init; }
}
