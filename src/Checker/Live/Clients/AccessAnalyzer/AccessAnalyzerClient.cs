using System.Text.Json;
using Compliance.Checker.Live.Http;

namespace Compliance.Checker.Live.Clients.AccessAnalyzer;

/// <summary>
/// The part of IAM Access Analyzer we call, shaped like the SDK's IAmazonAccessAnalyzer (AWSSDK.AccessAnalyzer is not
/// served here), so the official package can replace this file. Protocol: restJson1 (API 2019-11-01), endpoint prefix
/// and signing name "access-analyzer".
/// </summary>
public interface IAmazonAccessAnalyzer
{
    /// <summary>GET /analyzer?maxResults=&amp;nextToken=&amp;type=.</summary>
    Task<ListAnalyzersResponse> ListAnalyzersAsync(ListAnalyzersRequest request, CancellationToken cancellationToken);
}

public sealed record ListAnalyzersRequest
{
    /// <summary>ACCOUNT, ORGANIZATION, ACCOUNT_UNUSED_ACCESS, ...; null lists every type.</summary>
    public string? Type { get; init; }

    public int? MaxResults { get; init; }
    public string? NextToken { get; init; }
}

public sealed record ListAnalyzersResponse
{
    public IReadOnlyList<AnalyzerSummary>? Analyzers { get; init; }
    public string? NextToken { get; init; }
}

/// <summary>One analyzer; Status is ACTIVE, CREATING, DISABLED or FAILED.</summary>
public sealed record AnalyzerSummary
{
    public string? Arn { get; init; }
    public string? Name { get; init; }
    public string? Type { get; init; }
    public string? Status { get; init; }
    public string? CreatedAt { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

public sealed class AccessAnalyzerClient(RestProtocol protocol) : IAmazonAccessAnalyzer
{
    public const string SigningName = "access-analyzer";

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static AccessAnalyzerClient For(AwsSession session, string region) =>
        new(session.Rest(SigningName, SigningName, region, AwsEndpoints.Regional(SigningName, region, session.Options.EndpointUrl)));

    public async Task<ListAnalyzersResponse> ListAnalyzersAsync(ListAnalyzersRequest request, CancellationToken cancellationToken)
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

        if (request.Type is { } type)
        {
            query.Add($"type={Uri.EscapeDataString(type)}");
        }

        var path = query.Count == 0 ? "/analyzer" : $"/analyzer?{string.Join("&", query)}";
        var body = await protocol.InvokeJsonAsync("ListAnalyzers", HttpMethod.Get, path, null, cancellationToken);
        return body.ValueKind == JsonValueKind.Object ? body.Deserialize<ListAnalyzersResponse>(Json) ?? new() : new();
    }
}
