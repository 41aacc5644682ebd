using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Compliance.Checker.Live.Http;

/// <summary>
/// The awsJson1_0 / awsJson1_1 protocol (CloudWatch Logs, Secrets Manager, CloudTrail, Config, ...):
/// POST / with X-Amz-Target "{TargetPrefix}.{Operation}" and a JSON body; errors carry "__type".
/// </summary>
public sealed class JsonProtocol(AwsTransport transport, string service, string signingName, string targetPrefix, string jsonVersion, string region, Uri endpoint)
{
    public string Region => region;

    /// <summary>Calls one operation and returns the response document.</summary>
    public async Task<JsonElement> InvokeAsync(string operation, JsonObject request, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(request.ToJsonString());
        var response = await transport.SendAsync(
            new AwsHttpRequest(service, operation, signingName, region, HttpMethod.Post, endpoint)
            {
                Headers = new Dictionary<string, string>
                {
                    ["Content-Type"] = $"application/x-amz-json-{jsonVersion}",
                    ["X-Amz-Target"] = $"{targetPrefix}.{operation}",
                },
                Body = body,
            },
            ParseError,
            cancellationToken);
        return response.Body.Length == 0 ? JsonDocument.Parse("{}").RootElement : JsonDocument.Parse(response.Body).RootElement.Clone();
    }

    /// <summary>"__type" (possibly "namespace#Code") or the x-amzn-ErrorType header, and "message"/"Message".</summary>
    public static (string Code, string Message) ParseError(AwsHttpResponse response)
    {
        string? code = response.Headers.TryGetValue("x-amzn-errortype", out var header) ? header : null;
        string? message = null;
        try
        {
            using var doc = JsonDocument.Parse(response.Body);
            foreach (var property in doc.RootElement.EnumerateObject())
            {
                if (property.NameEquals("__type") || property.NameEquals("code") || property.NameEquals("Code"))
                {
                    code ??= property.Value.GetString();
                }
                else if (property.Name.Equals("message", StringComparison.OrdinalIgnoreCase))
                {
                    message = property.Value.GetString();
                }
            }
        }
        catch (JsonException)
        {
            message = Encoding.UTF8.GetString(response.Body);
        }

        return (NormalizeCode(code) ?? $"Http{(int)response.Status}", message ?? response.Status.ToString());
    }

    /// <summary>"com.amazonaws.logs#ResourceNotFoundException:http://..." → "ResourceNotFoundException".</summary>
    public static string? NormalizeCode(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        var text = code.Split(':')[0];
        return text[(text.LastIndexOf('#') + 1)..];
    }
}
