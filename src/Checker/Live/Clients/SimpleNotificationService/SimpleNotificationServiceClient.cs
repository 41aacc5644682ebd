using System.Xml.Linq;
using Compliance.Checker.Live.Http;

namespace Compliance.Checker.Live.Clients.SimpleNotificationService;

/// <summary>
/// The part of SNS we call, shaped like the SDK's IAmazonSimpleNotificationService (AWSSDK.SimpleNotificationService is
/// not served here), so the official package can replace this file. Protocol: awsQuery, Version 2010-03-31,
/// endpoint prefix and signing name "sns"; lists are &lt;member&gt; elements, maps &lt;entry&gt;&lt;key/&gt;&lt;value/&gt;&lt;/entry&gt;.
/// </summary>
public interface IAmazonSimpleNotificationService
{
    Task<ListTopicsResponse> ListTopicsAsync(ListTopicsRequest request, CancellationToken cancellationToken);

    Task<GetTopicAttributesResponse> GetTopicAttributesAsync(GetTopicAttributesRequest request, CancellationToken cancellationToken);
}

public sealed record ListTopicsRequest
{
    public string? NextToken { get; init; }
}

/// <summary>Up to 100 topics a page; NextToken when there are more.</summary>
public sealed record ListTopicsResponse(IReadOnlyList<Topic> Topics, string? NextToken);

public sealed record Topic(string TopicArn);

public sealed record GetTopicAttributesRequest(string TopicArn);

/// <summary>
/// The attribute map: Policy (JSON text), KmsMasterKeyId (only on encrypted topics), Owner, TopicArn, DisplayName, ...
/// </summary>
public sealed record GetTopicAttributesResponse(IReadOnlyDictionary<string, string> Attributes);

public sealed class SimpleNotificationServiceClient(QueryProtocol protocol) : IAmazonSimpleNotificationService
{
    public static SimpleNotificationServiceClient For(AwsSession session, string region) =>
        new(session.Query("sns", "sns", "sns", "2010-03-31", region));

    public async Task<ListTopicsResponse> ListTopicsAsync(ListTopicsRequest request, CancellationToken cancellationToken)
    {
        var parameters = request.NextToken is { } token ? [KeyValuePair.Create("NextToken", token)] : Array.Empty<KeyValuePair<string, string>>();
        var result = await protocol.InvokeAsync("ListTopics", parameters, cancellationToken);
        var topics = Members(result.Element("Topics"))
            .Select(m => m.Element("TopicArn")?.Value)
            .OfType<string>()
            .Select(arn => new Topic(arn))
            .ToList();
        return new ListTopicsResponse(topics, NonEmpty(result.Element("NextToken")?.Value));
    }

    public async Task<GetTopicAttributesResponse> GetTopicAttributesAsync(GetTopicAttributesRequest request, CancellationToken cancellationToken)
    {
        var result = await protocol.InvokeAsync("GetTopicAttributes", [KeyValuePair.Create("TopicArn", request.TopicArn)], cancellationToken);
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in result.Element("Attributes")?.Elements("entry") ?? [])
        {
            if (entry.Element("key")?.Value is { } key)
            {
                attributes[key] = entry.Element("value")?.Value ?? "";
            }
        }

        return new GetTopicAttributesResponse(attributes);
    }

    private static IEnumerable<XElement> Members(XElement? list) => list?.Elements("member") ?? [];

    private static string? NonEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
