using System.Text.Json;
using System.Text.Json.Nodes;
using Compliance.Checker.Live.Http;

namespace Compliance.Checker.Live.Clients.SecretsManager;

/// <summary>
/// The part of Secrets Manager we call, shaped like the SDK's IAmazonSecretsManager (AWSSDK.SecretsManager is not
/// served here), so the official package can replace this file. Protocol: awsJson1_1, target prefix secretsmanager.
/// </summary>
public interface IAmazonSecretsManager
{
    Task<ListSecretsResponse> ListSecretsAsync(ListSecretsRequest request, CancellationToken cancellationToken);
}

public sealed record ListSecretsRequest
{
    public bool? IncludePlannedDeletion { get; init; }
    public int? MaxResults { get; init; }
    public string? NextToken { get; init; }
    public IReadOnlyList<Filter>? Filters { get; init; }
}

/// <summary>A ListSecrets filter. Key: description, name, tag-key, tag-value, primary-region, owning-service or all (prefix matches).</summary>
public sealed record Filter(string Key, IReadOnlyList<string> Values);

public sealed record ListSecretsResponse(IReadOnlyList<SecretListEntry> SecretList, string? NextToken);

/// <summary>A secret as ListSecrets returns it (never its value).</summary>
public sealed record SecretListEntry
{
    public string? ARN { get; init; }
    public string? Name { get; init; }

    /// <summary>Omitted when the secret is encrypted with the AWS managed key aws/secretsmanager.</summary>
    public string? KmsKeyId { get; init; }

    /// <summary>Omitted for a secret that was never configured for rotation.</summary>
    public bool? RotationEnabled { get; init; }

    public RotationRulesType? RotationRules { get; init; }
    public DateTime? LastRotatedDate { get; init; }

    /// <summary>Omitted when the secret was never retrieved in the Region; truncated to the date.</summary>
    public DateTime? LastAccessedDate { get; init; }

    public DateTime? CreatedDate { get; init; }

    /// <summary>The next rotation is scheduled on or before this date; omitted when rotation is not configured.</summary>
    public DateTime? NextRotationDate { get; init; }

    public IReadOnlyList<Tag>? Tags { get; init; }
}

public sealed record RotationRulesType
{
    public long? AutomaticallyAfterDays { get; init; }

    /// <summary>The rotation window, e.g. "3h".</summary>
    public string? Duration { get; init; }

    /// <summary>"rate(10 days)", "rate(12 hours)" or "cron(0 16 1,15 * ? *)".</summary>
    public string? ScheduleExpression { get; init; }
}

public sealed record Tag(string? Key, string? Value);

public sealed class SecretsManagerClient(JsonProtocol protocol) : IAmazonSecretsManager
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        Converters = { new EpochSecondsConverter() },
    };

    public static SecretsManagerClient For(AwsSession session, string region) =>
        new(session.Json("secretsmanager", "secretsmanager", "secretsmanager", "secretsmanager", "1.1", region));

    public async Task<ListSecretsResponse> ListSecretsAsync(ListSecretsRequest request, CancellationToken cancellationToken)
    {
        var body = new JsonObject();
        if (request.IncludePlannedDeletion is { } planned)
        {
            body["IncludePlannedDeletion"] = planned;
        }

        if (request.MaxResults is { } max)
        {
            body["MaxResults"] = max;
        }

        if (request.NextToken is { } token)
        {
            body["NextToken"] = token;
        }

        if (request.Filters is { Count: > 0 } filters)
        {
            body["Filters"] = new JsonArray(filters
                .Select(f => (JsonNode)new JsonObject { ["Key"] = f.Key, ["Values"] = new JsonArray(f.Values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray()) })
                .ToArray());
        }

        var response = await protocol.InvokeAsync("ListSecrets", body, cancellationToken);
        var secrets = response.TryGetProperty("SecretList", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.Deserialize<List<SecretListEntry>>(Json) ?? []
            : [];
        var next = response.TryGetProperty("NextToken", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        return new ListSecretsResponse(secrets, next);
    }
}
