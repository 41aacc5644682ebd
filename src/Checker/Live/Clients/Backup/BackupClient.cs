using System.Text.Json;
using Compliance.Checker.Live.Clients.SecretsManager;
using Compliance.Checker.Live.Http;

namespace Compliance.Checker.Live.Clients.Backup;

/// <summary>
/// The part of AWS Backup we call, shaped like the SDK's IAmazonBackup (AWSSDK.Backup is not served here), so the
/// official package can replace this file. Protocol: restJson1 (API 2018-11-15), endpoint prefix and signing name
/// "backup"; timestamps are epoch seconds.
/// </summary>
public interface IAmazonBackup
{
    /// <summary>GET /resources/?maxResults=&amp;nextToken=: every resource backed up, with its latest backup.</summary>
    Task<ListProtectedResourcesResponse> ListProtectedResourcesAsync(ListProtectedResourcesRequest request, CancellationToken cancellationToken);

    /// <summary>GET /backup-vaults/?maxResults=&amp;nextToken=: the Region's vaults with their Vault Lock settings.</summary>
    Task<ListBackupVaultsResponse> ListBackupVaultsAsync(ListBackupVaultsRequest request, CancellationToken cancellationToken);

    /// <summary>GET /tags/{resourceArn}/?maxResults=&amp;nextToken=: the tags of a vault (or plan).</summary>
    Task<ListTagsResponse> ListTagsAsync(ListTagsRequest request, CancellationToken cancellationToken);
}

public sealed record ListProtectedResourcesRequest
{
    /// <summary>1 to 1000.</summary>
    public int? MaxResults { get; init; }

    public string? NextToken { get; init; }
}

public sealed record ListProtectedResourcesResponse
{
    public IReadOnlyList<ProtectedResource>? Results { get; init; }
    public string? NextToken { get; init; }
}

public sealed record ProtectedResource
{
    public string? ResourceArn { get; init; }

    /// <summary>DynamoDB, EBS, RDS, EFS, ...</summary>
    public string? ResourceType { get; init; }

    public string? ResourceName { get; init; }
    public DateTime? LastBackupTime { get; init; }
    public string? LastBackupVaultArn { get; init; }
    public string? LastRecoveryPointArn { get; init; }
}

public sealed record ListBackupVaultsRequest
{
    /// <summary>1 to 1000.</summary>
    public int? MaxResults { get; init; }

    public string? NextToken { get; init; }
}

public sealed record ListBackupVaultsResponse
{
    public IReadOnlyList<BackupVaultListMember>? BackupVaultList { get; init; }
    public string? NextToken { get; init; }
}

public sealed record BackupVaultListMember
{
    public string? BackupVaultName { get; init; }
    public string? BackupVaultArn { get; init; }
    public DateTime? CreationDate { get; init; }
    public string? EncryptionKeyArn { get; init; }
    public long? NumberOfRecoveryPoints { get; init; }

    /// <summary>True when Backup Vault Lock protects the vault's recovery points.</summary>
    public bool? Locked { get; init; }

    public long? MinRetentionDays { get; init; }
    public long? MaxRetentionDays { get; init; }

    /// <summary>When the lock becomes immutable; absent for a governance-mode lock.</summary>
    public DateTime? LockDate { get; init; }
}

/// <param name="ResourceArn">The vault's (or plan's) ARN.</param>
public sealed record ListTagsRequest(string ResourceArn)
{
    public string? NextToken { get; init; }
}

public sealed record ListTagsResponse
{
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
    public string? NextToken { get; init; }
}

public sealed class BackupClient(RestProtocol protocol) : IAmazonBackup
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        Converters = { new EpochSecondsConverter() },
    };

    public static BackupClient For(AwsSession session, string region) =>
        new(session.Rest("backup", "backup", region, AwsEndpoints.Regional("backup", region, session.Options.EndpointUrl)));

    public async Task<ListProtectedResourcesResponse> ListProtectedResourcesAsync(ListProtectedResourcesRequest request, CancellationToken cancellationToken) =>
        Read<ListProtectedResourcesResponse>(await protocol.InvokeJsonAsync(
            "ListProtectedResources", HttpMethod.Get, "/resources/" + Query(request.MaxResults, request.NextToken), null, cancellationToken));

    public async Task<ListBackupVaultsResponse> ListBackupVaultsAsync(ListBackupVaultsRequest request, CancellationToken cancellationToken) =>
        Read<ListBackupVaultsResponse>(await protocol.InvokeJsonAsync(
            "ListBackupVaults", HttpMethod.Get, "/backup-vaults/" + Query(request.MaxResults, request.NextToken), null, cancellationToken));

    public async Task<ListTagsResponse> ListTagsAsync(ListTagsRequest request, CancellationToken cancellationToken) =>
        Read<ListTagsResponse>(await protocol.InvokeJsonAsync(
            "ListTags", HttpMethod.Get, $"/tags/{Uri.EscapeDataString(request.ResourceArn)}/" + Query(null, request.NextToken), null, cancellationToken));

    private static string Query(int? maxResults, string? nextToken)
    {
        var query = new List<string>();
        if (maxResults is { } max)
        {
            query.Add($"maxResults={max}");
        }

        if (nextToken is { } token)
        {
            query.Add($"nextToken={Uri.EscapeDataString(token)}");
        }

        return query.Count == 0 ? "" : "?" + string.Join("&", query);
    }

    private static T Read<T>(JsonElement body) where T : new() => body.ValueKind == JsonValueKind.Object ? body.Deserialize<T>(Json) ?? new T() : new T();
}
