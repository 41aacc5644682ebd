using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Compliance.Checker.Live.Http;

/// <summary>
/// The restJson1 (GuardDuty) and restXml (S3 Control) protocols: the operation is the method and path;
/// errors come as a JSON body / x-amzn-ErrorType header, or as an XML &lt;Error&gt;.
/// </summary>
public sealed class RestProtocol(AwsTransport transport, string service, string signingName, string signingRegion, Uri endpoint)
{
    /// <summary>Calls a REST-JSON operation; the response body as JSON ({} when empty).</summary>
    public async Task<JsonElement> InvokeJsonAsync(string operation, HttpMethod method, string pathAndQuery, JsonObject? body, CancellationToken cancellationToken)
    {
        var response = await transport.SendAsync(
            Request(operation, method, pathAndQuery, body is null ? [] : Encoding.UTF8.GetBytes(body.ToJsonString()), body is null ? null : "application/json"),
            JsonProtocol.ParseError,
            cancellationToken);
        return response.Body.Length == 0 ? JsonDocument.Parse("{}").RootElement : JsonDocument.Parse(response.Body).RootElement.Clone();
    }

    /// <summary>Calls a REST-XML operation; the response root element (namespaces stripped), or null for an empty body.</summary>
    public async Task<XElement?> InvokeXmlAsync(string operation, HttpMethod method, string pathAndQuery, IReadOnlyDictionary<string, string> headers, string? xmlBody, CancellationToken cancellationToken)
    {
        var request = Request(operation, method, pathAndQuery, xmlBody is null ? [] : Encoding.UTF8.GetBytes(xmlBody), xmlBody is null ? null : "application/xml");
        request = request with { Headers = request.Headers.Concat(headers).ToDictionary(h => h.Key, h => h.Value) };
        var response = await transport.SendAsync(request, QueryProtocol.ParseError, cancellationToken);
        return response.Body.Length == 0 ? null : QueryProtocol.StripNamespaces(XDocument.Parse(Encoding.UTF8.GetString(response.Body)).Root!);
    }

    private AwsHttpRequest Request(string operation, HttpMethod method, string pathAndQuery, byte[] body, string? contentType) =>
        new(service, operation, signingName, signingRegion, method, new Uri(endpoint, pathAndQuery.TrimStart('/')))
        {
            Headers = contentType is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["Content-Type"] = contentType },
            Body = body,
        };
}
