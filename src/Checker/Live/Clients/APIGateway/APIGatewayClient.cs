using System.Text.Json;
using Compliance.Checker.Live.Http;

namespace Compliance.Checker.Live.Clients.APIGateway;

/// <summary>
/// The part of API Gateway (REST APIs, version 1) we call, shaped like the SDK's IAmazonAPIGateway (AWSSDK.APIGateway is
/// not served here), so the official package can replace this file. Protocol: restJson1 (API 2015-07-09), endpoint
/// apigateway.{region}.amazonaws.com, signing name "apigateway".
/// </summary>
public interface IAmazonAPIGateway
{
    /// <summary>GET /restapis?limit=&amp;position=.</summary>
    Task<GetRestApisResponse> GetRestApisAsync(GetRestApisRequest request, CancellationToken cancellationToken);

    /// <summary>GET /restapis/{restapi_id}; NotFoundException when the API does not exist.</summary>
    Task<GetRestApiResponse> GetRestApiAsync(GetRestApiRequest request, CancellationToken cancellationToken);

    /// <summary>GET /restapis/{restapi_id}/stages (not paged).</summary>
    Task<GetStagesResponse> GetStagesAsync(GetStagesRequest request, CancellationToken cancellationToken);

    /// <summary>GET /restapis/{restapi_id}/resources?embed=methods&amp;limit=&amp;position=.</summary>
    Task<GetResourcesResponse> GetResourcesAsync(GetResourcesRequest request, CancellationToken cancellationToken);

    /// <summary>GET /usageplans?keyId=&amp;limit=&amp;position=.</summary>
    Task<GetUsagePlansResponse> GetUsagePlansAsync(GetUsagePlansRequest request, CancellationToken cancellationToken);
}

public sealed class APIGatewayClient(RestProtocol protocol) : IAmazonAPIGateway
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static APIGatewayClient For(AwsSession session, string region) =>
        new(session.Rest("apigateway", "apigateway", region, AwsEndpoints.Regional("apigateway", region, session.Options.EndpointUrl)));

    public async Task<GetRestApisResponse> GetRestApisAsync(GetRestApisRequest request, CancellationToken cancellationToken) =>
        Read<GetRestApisResponse>(await protocol.InvokeJsonAsync("GetRestApis", HttpMethod.Get,
            Path("/restapis", ("limit", request.Limit?.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("position", request.Position)), null, cancellationToken));

    public async Task<GetRestApiResponse> GetRestApiAsync(GetRestApiRequest request, CancellationToken cancellationToken) =>
        new(Read<RestApi>(await protocol.InvokeJsonAsync("GetRestApi", HttpMethod.Get, $"/restapis/{Uri.EscapeDataString(request.RestApiId)}", null, cancellationToken)));

    public async Task<GetStagesResponse> GetStagesAsync(GetStagesRequest request, CancellationToken cancellationToken) =>
        Read<GetStagesResponse>(await protocol.InvokeJsonAsync("GetStages", HttpMethod.Get,
            Path($"/restapis/{Uri.EscapeDataString(request.RestApiId)}/stages", ("deploymentId", request.DeploymentId)), null, cancellationToken));

    public async Task<GetResourcesResponse> GetResourcesAsync(GetResourcesRequest request, CancellationToken cancellationToken) =>
        Read<GetResourcesResponse>(await protocol.InvokeJsonAsync("GetResources", HttpMethod.Get,
            Path($"/restapis/{Uri.EscapeDataString(request.RestApiId)}/resources",
                ("embed", request.Embed.Count == 0 ? null : string.Join(",", request.Embed)),
                ("limit", request.Limit?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("position", request.Position)), null, cancellationToken));

    public async Task<GetUsagePlansResponse> GetUsagePlansAsync(GetUsagePlansRequest request, CancellationToken cancellationToken) =>
        Read<GetUsagePlansResponse>(await protocol.InvokeJsonAsync("GetUsagePlans", HttpMethod.Get,
            Path("/usageplans", ("keyId", request.KeyId), ("limit", request.Limit?.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("position", request.Position)),
            null, cancellationToken));

    /// <summary>The path with the given query parameters (those with a value), URI-encoded.</summary>
    private static string Path(string path, params (string Name, string? Value)[] query)
    {
        var given = query.Where(q => q.Value is not null).Select(q => $"{q.Name}={Uri.EscapeDataString(q.Value!)}").ToList();
        return given.Count == 0 ? path : $"{path}?{string.Join("&", given)}";
    }

    private static T Read<T>(JsonElement body) where T : new() => body.ValueKind == JsonValueKind.Object ? body.Deserialize<T>(Json) ?? new T() : new T();
}
