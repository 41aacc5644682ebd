using System.Text.Json;
using System.Text.Json.Nodes;
using Compliance.Checker.Live.Http;

namespace Compliance.Checker.Live.Clients.EventBridge;

/// <summary>
/// The part of EventBridge we call, shaped like the SDK's IAmazonEventBridge (AWSSDK.EventBridge is not served here), so the
/// official package can replace this file. Protocol: awsJson1_1, target prefix AWSEvents, endpoint prefix and signing name "events".
/// </summary>
public interface IAmazonEventBridge
{
    Task<ListEventBusesResponse> ListEventBusesAsync(ListEventBusesRequest request, CancellationToken cancellationToken);

    Task<ListRulesResponse> ListRulesAsync(ListRulesRequest request, CancellationToken cancellationToken);

    Task<ListTargetsByRuleResponse> ListTargetsByRuleAsync(ListTargetsByRuleRequest request, CancellationToken cancellationToken);

    Task<ListTagsForResourceResponse> ListTagsForResourceAsync(ListTagsForResourceRequest request, CancellationToken cancellationToken);
}

public sealed class EventBridgeClient(JsonProtocol protocol) : IAmazonEventBridge
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static EventBridgeClient For(AwsSession session, string region) =>
        new(session.Json("events", "events", "events", "AWSEvents", "1.1", region));

    public async Task<ListEventBusesResponse> ListEventBusesAsync(ListEventBusesRequest request, CancellationToken cancellationToken) =>
        Read<ListEventBusesResponse>(await protocol.InvokeAsync("ListEventBuses",
            Body(("NamePrefix", request.NamePrefix), ("NextToken", request.NextToken), ("Limit", request.Limit)), cancellationToken));

    public async Task<ListRulesResponse> ListRulesAsync(ListRulesRequest request, CancellationToken cancellationToken) =>
        Read<ListRulesResponse>(await protocol.InvokeAsync("ListRules",
            Body(("EventBusName", request.EventBusName), ("NamePrefix", request.NamePrefix), ("NextToken", request.NextToken), ("Limit", request.Limit)), cancellationToken));

    public async Task<ListTargetsByRuleResponse> ListTargetsByRuleAsync(ListTargetsByRuleRequest request, CancellationToken cancellationToken) =>
        Read<ListTargetsByRuleResponse>(await protocol.InvokeAsync("ListTargetsByRule",
            Body(("Rule", request.Rule), ("EventBusName", request.EventBusName), ("NextToken", request.NextToken), ("Limit", request.Limit)), cancellationToken));

    public async Task<ListTagsForResourceResponse> ListTagsForResourceAsync(ListTagsForResourceRequest request, CancellationToken cancellationToken) =>
        Read<ListTagsForResourceResponse>(await protocol.InvokeAsync("ListTagsForResource", Body(("ResourceARN", request.ResourceARN)), cancellationToken));

    private static JsonObject Body(params (string Name, object? Value)[] members)
    {
        var body = new JsonObject();
        foreach (var (name, value) in members)
        {
            switch (value)
            {
                case string text:
                    body[name] = text;
                    break;
                case int number:
                    body[name] = number;
                    break;
            }
        }

        return body;
    }

    private static T Read<T>(JsonElement body) where T : new() => body.ValueKind == JsonValueKind.Object ? body.Deserialize<T>(Json) ?? new T() : new T();
}
