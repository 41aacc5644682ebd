using System.Net.Http.Headers;

namespace Compliance.Checker.Live.Http;

/// <summary>
/// For AWS-compatible endpoints (moto, LocalStack) only: some label XML or JSON error bodies "text/html", and the SDK
/// then discards the error code, so a documented "not configured" answer would read as unknown. This relabels an error
/// response whose body is plainly XML or JSON. Responses from AWS itself never pass through here.
/// </summary>
public sealed class EndpointCompatibilityHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType != "text/html")
        {
            return response;
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var start = System.Text.Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 64)).TrimStart();
        var mediaType = start.StartsWith("<?xml", StringComparison.Ordinal) || start.StartsWith("<Error", StringComparison.Ordinal) ? "application/xml"
            : start.StartsWith('{') ? "application/json"
            : null;
        if (mediaType is null)
        {
            return response;
        }

        var content = new ByteArrayContent(body);
        foreach (var header in response.Content.Headers.Where(h => !h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)))
        {
            content.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        response.Content = content;
        return response;
    }
}
