using System.Text.Json;
using System.Text.Json.Nodes;
using Compliance.Checker.Live.Http;

namespace Compliance.Checker.Live.Clients.GuardDuty;

/// <summary>
/// The part of GuardDuty we call, shaped like the SDK's IAmazonGuardDuty (AWSSDK.GuardDuty is not served here), so the
/// official package can replace this file. Protocol: restJson1 (API 2017-11-28), endpoint prefix and signing name "guardduty".
/// </summary>
public interface IAmazonGuardDuty
{
    /// <summary>GET /detector?maxResults=&amp;nextToken=.</summary>
    Task<ListDetectorsResponse> ListDetectorsAsync(ListDetectorsRequest request, CancellationToken cancellationToken);

    /// <summary>GET /detector/{detectorId}.</summary>
    Task<GetDetectorResponse> GetDetectorAsync(GetDetectorRequest request, CancellationToken cancellationToken);

    /// <summary>GET /detector/{detectorId}/administrator; 200 with no content for a standalone or administrator account.</summary>
    Task<GetAdministratorAccountResponse> GetAdministratorAccountAsync(GetAdministratorAccountRequest request, CancellationToken cancellationToken);

    /// <summary>POST /detector/{detectorId}/findings: finding ids matching the criteria, up to 50 a page.</summary>
    Task<ListFindingsResponse> ListFindingsAsync(ListFindingsRequest request, CancellationToken cancellationToken);

    /// <summary>POST /detector; one detector per account and Region (BadRequestException when one exists).</summary>
    Task<CreateDetectorResponse> CreateDetectorAsync(CreateDetectorRequest request, CancellationToken cancellationToken);

    /// <summary>POST /detector/{detectorId}; only the members given change. Empty response.</summary>
    Task<UpdateDetectorResponse> UpdateDetectorAsync(UpdateDetectorRequest request, CancellationToken cancellationToken);
}

public sealed record ListDetectorsRequest
{
    /// <summary>1 to 50.</summary>
    public int? MaxResults { get; init; }

    public string? NextToken { get; init; }
}

public sealed record ListDetectorsResponse
{
    /// <summary>Required by the API; null only if a response omits it.</summary>
    public IReadOnlyList<string>? DetectorIds { get; init; }
    public string? NextToken { get; init; }
}

public sealed record GetDetectorRequest(string DetectorId);

public sealed record GetDetectorResponse
{
    public string? CreatedAt { get; init; }
    public string? FindingPublishingFrequency { get; init; }
    public string? ServiceRole { get; init; }

    /// <summary>ENABLED or DISABLED.</summary>
    public string? Status { get; init; }

    public string? UpdatedAt { get; init; }
    public IReadOnlyList<DetectorFeatureConfigurationResult>? Features { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    /// <summary>The protection plans as the API described them before Features (deprecated, still returned).</summary>
    public DataSourceConfigurationsResult? DataSources { get; init; }
}

/// <summary>The older per-data-source view; only S3 logs are read from it.</summary>
public sealed record DataSourceConfigurationsResult
{
    public S3LogsConfigurationResult? S3Logs { get; init; }
}

public sealed record S3LogsConfigurationResult
{
    /// <summary>ENABLED or DISABLED.</summary>
    public string? Status { get; init; }
}

/// <param name="DetectorId">The detector whose findings are listed.</param>
public sealed record ListFindingsRequest(string DetectorId)
{
    public FindingCriteria? FindingCriteria { get; init; }

    /// <summary>1 to 50.</summary>
    public int? MaxResults { get; init; }

    public string? NextToken { get; init; }
    public SortCriteria? SortCriteria { get; init; }
}

/// <summary>Conditions by finding attribute ("severity", "service.archived", "updatedAt", ...); all must hold.</summary>
public sealed record FindingCriteria(IReadOnlyDictionary<string, Condition> Criterion);

/// <summary>A condition on one attribute; the members set are combined. Numbers are longs (updatedAt in epoch milliseconds).</summary>
public sealed record Condition
{
    public IReadOnlyList<string>? Eq { get; init; }
    public long? Gte { get; init; }
    public long? Lt { get; init; }
}

/// <param name="AttributeName">The attribute to sort by, e.g. "updatedAt".</param>
/// <param name="OrderBy">ASC or DESC.</param>
public sealed record SortCriteria(string AttributeName, string OrderBy);

public sealed record ListFindingsResponse
{
    public IReadOnlyList<string>? FindingIds { get; init; }
    public string? NextToken { get; init; }
}

/// <summary>One protection plan: S3_DATA_EVENTS, EKS_AUDIT_LOGS, RUNTIME_MONITORING, ... and ENABLED or DISABLED.</summary>
public sealed record DetectorFeatureConfigurationResult
{
    public string? Name { get; init; }
    public string? Status { get; init; }
    public IReadOnlyList<DetectorAdditionalConfigurationResult>? AdditionalConfiguration { get; init; }
}

public sealed record DetectorAdditionalConfigurationResult
{
    public string? Name { get; init; }
    public string? Status { get; init; }
}

public sealed record GetAdministratorAccountRequest(string DetectorId);

/// <summary>Administrator is null when the response has no content (standalone account, or the administrator itself).</summary>
public sealed record GetAdministratorAccountResponse
{
    public Administrator? Administrator { get; init; }
}

public sealed record Administrator
{
    public string? AccountId { get; init; }
    public string? InvitationId { get; init; }
    public string? RelationshipStatus { get; init; }
    public string? InvitedAt { get; init; }
}

/// <param name="Enable">Whether the new detector is enabled (required by the API).</param>
/// <param name="ClientToken">The idempotency token, when the caller wants one.</param>
public sealed record CreateDetectorRequest(bool Enable, string? ClientToken = null);

public sealed record CreateDetectorResponse
{
    public string? DetectorId { get; init; }
}

/// <param name="DetectorId">The detector to update.</param>
/// <param name="Enable">Enabled or suspended; null leaves it as it is.</param>
public sealed record UpdateDetectorRequest(string DetectorId, bool? Enable);

public sealed record UpdateDetectorResponse;

public sealed class GuardDutyClient(RestProtocol protocol) : IAmazonGuardDuty
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static GuardDutyClient For(AwsSession session, string region) =>
        new(session.Rest("guardduty", "guardduty", region, AwsEndpoints.Regional("guardduty", region, session.Options.EndpointUrl)));

    public async Task<ListDetectorsResponse> ListDetectorsAsync(ListDetectorsRequest request, CancellationToken cancellationToken)
    {
        var query = new List<string>();
        if (request.MaxResults is { } max)
        {
            query.Add($"maxResults={max}");
        }

        if (request.NextToken is { } token)
        {
            query.Add($"nextToken={Uri.EscapeDataString(token)}");
        }

        var path = query.Count == 0 ? "/detector" : $"/detector?{string.Join("&", query)}";
        return Read<ListDetectorsResponse>(await protocol.InvokeJsonAsync("ListDetectors", HttpMethod.Get, path, null, cancellationToken));
    }

    public async Task<GetDetectorResponse> GetDetectorAsync(GetDetectorRequest request, CancellationToken cancellationToken) =>
        Read<GetDetectorResponse>(await protocol.InvokeJsonAsync("GetDetector", HttpMethod.Get, $"/detector/{Uri.EscapeDataString(request.DetectorId)}", null, cancellationToken));

    public async Task<GetAdministratorAccountResponse> GetAdministratorAccountAsync(GetAdministratorAccountRequest request, CancellationToken cancellationToken) =>
        Read<GetAdministratorAccountResponse>(await protocol.InvokeJsonAsync(
            "GetAdministratorAccount", HttpMethod.Get, $"/detector/{Uri.EscapeDataString(request.DetectorId)}/administrator", null, cancellationToken));

    public async Task<ListFindingsResponse> ListFindingsAsync(ListFindingsRequest request, CancellationToken cancellationToken)
    {
        var body = new JsonObject();
        if (request.FindingCriteria is { } criteria)
        {
            var criterion = new JsonObject();
            foreach (var (attribute, condition) in criteria.Criterion)
            {
                var json = new JsonObject();
                if (condition.Eq is { } eq)
                {
                    json["eq"] = new JsonArray([.. eq.Select(v => (JsonNode)JsonValue.Create(v))]);
                }

                if (condition.Gte is { } gte)
                {
                    json["gte"] = gte;
                }

                if (condition.Lt is { } lt)
                {
                    json["lt"] = lt;
                }

                criterion[attribute] = json;
            }

            body["findingCriteria"] = new JsonObject { ["criterion"] = criterion };
        }

        if (request.MaxResults is { } max)
        {
            body["maxResults"] = max;
        }

        if (request.NextToken is { } token)
        {
            body["nextToken"] = token;
        }

        if (request.SortCriteria is { } sort)
        {
            body["sortCriteria"] = new JsonObject { ["attributeName"] = sort.AttributeName, ["orderBy"] = sort.OrderBy };
        }

        return Read<ListFindingsResponse>(await protocol.InvokeJsonAsync(
            "ListFindings", HttpMethod.Post, $"/detector/{Uri.EscapeDataString(request.DetectorId)}/findings", body, cancellationToken));
    }

    public async Task<CreateDetectorResponse> CreateDetectorAsync(CreateDetectorRequest request, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["enable"] = request.Enable };
        if (request.ClientToken is { } token)
        {
            body["clientToken"] = token;
        }

        return Read<CreateDetectorResponse>(await protocol.InvokeJsonAsync("CreateDetector", HttpMethod.Post, "/detector", body, cancellationToken));
    }

    public async Task<UpdateDetectorResponse> UpdateDetectorAsync(UpdateDetectorRequest request, CancellationToken cancellationToken)
    {
        var body = new JsonObject();
        if (request.Enable is { } enable)
        {
            body["enable"] = enable;
        }

        await protocol.InvokeJsonAsync("UpdateDetector", HttpMethod.Post, $"/detector/{Uri.EscapeDataString(request.DetectorId)}", body, cancellationToken);
        return new UpdateDetectorResponse();
    }

    private static T Read<T>(JsonElement body) where T : new() => body.ValueKind == JsonValueKind.Object ? body.Deserialize<T>(Json) ?? new T() : new T();
}
