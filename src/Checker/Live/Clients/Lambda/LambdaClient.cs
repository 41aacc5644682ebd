using System.Text.Json;
using Compliance.Checker.Live.Http;

namespace Compliance.Checker.Live.Clients.Lambda;

/// <summary>
/// The part of Lambda we call, shaped like the SDK's IAmazonLambda (AWSSDK.Lambda is not served here), so the official
/// package can replace this file. Protocol: restJson1, endpoint prefix and signing name "lambda".
/// </summary>
public interface IAmazonLambda
{
    Task<ListFunctionsResponse> ListFunctionsAsync(ListFunctionsRequest request, CancellationToken cancellationToken);

    Task<GetPolicyResponse> GetPolicyAsync(GetPolicyRequest request, CancellationToken cancellationToken);

    Task<ListFunctionUrlConfigsResponse> ListFunctionUrlConfigsAsync(ListFunctionUrlConfigsRequest request, CancellationToken cancellationToken);

    Task<ListTagsResponse> ListTagsAsync(ListTagsRequest request, CancellationToken cancellationToken);
}

public sealed class LambdaClient(RestProtocol protocol) : IAmazonLambda
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static LambdaClient For(AwsSession session, string region) =>
        new(session.Rest("lambda", "lambda", region, AwsEndpoints.Regional("lambda", region, session.Options.EndpointUrl)));

    public async Task<ListFunctionsResponse> ListFunctionsAsync(ListFunctionsRequest request, CancellationToken cancellationToken) =>
        Read<ListFunctionsResponse>(await protocol.InvokeJsonAsync(
            "ListFunctions", HttpMethod.Get, WithQuery("/2015-03-31/functions/", ("Marker", request.Marker), ("MaxItems", request.MaxItems?.ToString(System.Globalization.CultureInfo.InvariantCulture))), null, cancellationToken));

    public async Task<GetPolicyResponse> GetPolicyAsync(GetPolicyRequest request, CancellationToken cancellationToken) =>
        Read<GetPolicyResponse>(await protocol.InvokeJsonAsync(
            "GetPolicy", HttpMethod.Get, $"/2015-03-31/functions/{Uri.EscapeDataString(request.FunctionName)}/policy", null, cancellationToken));

    public async Task<ListFunctionUrlConfigsResponse> ListFunctionUrlConfigsAsync(ListFunctionUrlConfigsRequest request, CancellationToken cancellationToken) =>
        Read<ListFunctionUrlConfigsResponse>(await protocol.InvokeJsonAsync(
            "ListFunctionUrlConfigs", HttpMethod.Get,
            WithQuery($"/2021-10-31/functions/{Uri.EscapeDataString(request.FunctionName)}/urls", ("Marker", request.Marker), ("MaxItems", request.MaxItems?.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            null, cancellationToken));

    public async Task<ListTagsResponse> ListTagsAsync(ListTagsRequest request, CancellationToken cancellationToken) =>
        Read<ListTagsResponse>(await protocol.InvokeJsonAsync(
            "ListTags", HttpMethod.Get, $"/2017-03-31/tags/{Uri.EscapeDataString(request.Resource)}", null, cancellationToken));

    private static string WithQuery(string path, params (string Name, string? Value)[] parameters)
    {
        var query = string.Join("&", parameters.Where(p => p.Value is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}"));
        return query.Length == 0 ? path : $"{path}?{query}";
    }

    private static T Read<T>(JsonElement body) where T : new() => body.ValueKind == JsonValueKind.Object ? body.Deserialize<T>(Json) ?? new T() : new T();
}
