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

    /// <summary>Publishes one message to a topic (IAM action sns:Publish).</summary>
    Task<PublishResponse> PublishAsync(PublishRequest request, CancellationToken cancellationToken);

    /// <summary>The tags of a topic (at most 50, one page).</summary>
    Task<ListTagsForResourceResponse> ListTagsForResourceAsync(ListTagsForResourceRequest request, CancellationToken cancellationToken);

    /// <summary>Sets one attribute of a topic (an empty response).</summary>
    Task<SetTopicAttributesResponse> SetTopicAttributesAsync(SetTopicAttributesRequest request, CancellationToken cancellationToken);
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

public sealed record ListTagsForResourceRequest(string ResourceArn);

public sealed record ListTagsForResourceResponse(IReadOnlyList<Tag> Tags);

public sealed record Tag(string Key, string Value);

/// <param name="TopicArn">The topic.</param>
/// <param name="AttributeName">Policy, KmsMasterKeyId, DisplayName, ...</param>
/// <param name="AttributeValue">The new value.</param>
public sealed record SetTopicAttributesRequest(string TopicArn, string AttributeName, string AttributeValue);

public sealed record SetTopicAttributesResponse;

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

    public async Task<PublishResponse> PublishAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        var parameters = new List<KeyValuePair<string, string>>
        {
            KeyValuePair.Create("TopicArn", request.TopicArn),
            KeyValuePair.Create("Message", request.Message),
        };
        foreach (var (name, value) in new[] { ("Subject", request.Subject), ("MessageGroupId", request.MessageGroupId), ("MessageDeduplicationId", request.MessageDeduplicationId) })
        {
            if (value is not null)
            {
                parameters.Add(KeyValuePair.Create(name, value));
            }
        }

        // awsQuery map serialization (MessageAttributeMap: key locationName "Name", value "Value", entries numbered from 1).
        var index = 0;
        foreach (var (name, value) in request.MessageAttributes)
        {
            var prefix = $"MessageAttributes.entry.{++index}";
            parameters.Add(KeyValuePair.Create($"{prefix}.Name", name));
            parameters.Add(KeyValuePair.Create($"{prefix}.Value.DataType", value.DataType));
            parameters.Add(KeyValuePair.Create($"{prefix}.Value.StringValue", value.StringValue));
        }

        var result = await protocol.InvokeAsync("Publish", parameters, cancellationToken);
        return new PublishResponse(result.Element("MessageId")?.Value ?? "");
    }

    public async Task<ListTagsForResourceResponse> ListTagsForResourceAsync(ListTagsForResourceRequest request, CancellationToken cancellationToken)
    {
        var result = await protocol.InvokeAsync("ListTagsForResource", [KeyValuePair.Create("ResourceArn", request.ResourceArn)], cancellationToken);
        var tags = Members(result.Element("Tags"))
            .Where(m => m.Element("Key") is not null)
            .Select(m => new Tag(m.Element("Key")!.Value, m.Element("Value")?.Value ?? ""))
            .ToList();
        return new ListTagsForResourceResponse(tags);
    }

    public async Task<SetTopicAttributesResponse> SetTopicAttributesAsync(SetTopicAttributesRequest request, CancellationToken cancellationToken)
    {
        await protocol.InvokeAsync("SetTopicAttributes",
            [
                KeyValuePair.Create("TopicArn", request.TopicArn),
                KeyValuePair.Create("AttributeName", request.AttributeName),
                KeyValuePair.Create("AttributeValue", request.AttributeValue),
            ],
            cancellationToken);
        return new SetTopicAttributesResponse();
    }

    private static IEnumerable<XElement> Members(XElement? list) => list?.Elements("member") ?? [];

    private static string? NonEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
