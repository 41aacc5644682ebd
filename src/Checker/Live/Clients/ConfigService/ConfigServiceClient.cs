using System.Text.Json;
using System.Text.Json.Nodes;
using Compliance.Checker.Live.Http;

namespace Compliance.Checker.Live.Clients.ConfigService;

/// <summary>
/// The part of AWS Config we call, shaped like the SDK's IAmazonConfigService (AWSSDK.ConfigService is not served
/// here), so the official package can replace this file. Protocol: awsJson1_1, target prefix StarlingDoveService.
/// Without names both operations answer for the customer managed recorder of the Region (none → an empty list).
/// </summary>
public interface IAmazonConfigService
{
    Task<DescribeConfigurationRecordersResponse> DescribeConfigurationRecordersAsync(DescribeConfigurationRecordersRequest request, CancellationToken cancellationToken);

    Task<DescribeConfigurationRecorderStatusResponse> DescribeConfigurationRecorderStatusAsync(DescribeConfigurationRecorderStatusRequest request, CancellationToken cancellationToken);

    /// <summary>The delivery channels of the Region (at most one); no pagination.</summary>
    Task<DescribeDeliveryChannelsResponse> DescribeDeliveryChannelsAsync(DescribeDeliveryChannelsRequest request, CancellationToken cancellationToken);

    /// <summary>Config rules, all of them or up to 25 by name; paginated by NextToken.</summary>
    Task<DescribeConfigRulesResponse> DescribeConfigRulesAsync(DescribeConfigRulesRequest request, CancellationToken cancellationToken);

    /// <summary>Evaluation status, of all rules (Limit up to 50 a page) or up to 25 by name; paginated by NextToken.</summary>
    Task<DescribeConfigRuleEvaluationStatusResponse> DescribeConfigRuleEvaluationStatusAsync(DescribeConfigRuleEvaluationStatusRequest request, CancellationToken cancellationToken);
}

public sealed record DescribeConfigurationRecordersRequest
{
    /// <summary>At most one name.</summary>
    public IReadOnlyList<string>? ConfigurationRecorderNames { get; init; }
}

public sealed record DescribeConfigurationRecordersResponse(IReadOnlyList<ConfigurationRecorder> ConfigurationRecorders);

public sealed record ConfigurationRecorder
{
    public string? Arn { get; init; }
    public string? Name { get; init; }
    public string? RoleARN { get; init; }
    public RecordingGroup? RecordingGroup { get; init; }
}

public sealed record RecordingGroup
{
    public bool? AllSupported { get; init; }
    public bool? IncludeGlobalResourceTypes { get; init; }
    public IReadOnlyList<string>? ResourceTypes { get; init; }
    public ExclusionByResourceTypes? ExclusionByResourceTypes { get; init; }
    public RecordingStrategy? RecordingStrategy { get; init; }
}

public sealed record ExclusionByResourceTypes
{
    public IReadOnlyList<string>? ResourceTypes { get; init; }
}

/// <summary>UseOnly: ALL_SUPPORTED_RESOURCE_TYPES, INCLUSION_BY_RESOURCE_TYPES or EXCLUSION_BY_RESOURCE_TYPES.</summary>
public sealed record RecordingStrategy
{
    public string? UseOnly { get; init; }
}

public sealed record DescribeConfigurationRecorderStatusRequest
{
    /// <summary>At most one name.</summary>
    public IReadOnlyList<string>? ConfigurationRecorderNames { get; init; }
}

public sealed record DescribeConfigurationRecorderStatusResponse(IReadOnlyList<ConfigurationRecorderStatus> ConfigurationRecordersStatus);

public sealed record ConfigurationRecorderStatus
{
    public string? Name { get; init; }
    public bool? Recording { get; init; }

    /// <summary>The status of the latest recording event: SUCCESS, PENDING or FAILURE.</summary>
    public string? LastStatus { get; init; }
}

public sealed class ConfigServiceClient(JsonProtocol protocol) : IAmazonConfigService
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static ConfigServiceClient For(AwsSession session, string region) =>
        new(session.Json("config", "config", "config", "StarlingDoveService", "1.1", region));

    public async Task<DescribeConfigurationRecordersResponse> DescribeConfigurationRecordersAsync(DescribeConfigurationRecordersRequest request, CancellationToken cancellationToken)
    {
        var response = await protocol.InvokeAsync("DescribeConfigurationRecorders", Names(request.ConfigurationRecorderNames), cancellationToken);
        return new DescribeConfigurationRecordersResponse(ListOf<ConfigurationRecorder>(response, "ConfigurationRecorders"));
    }

    public async Task<DescribeConfigurationRecorderStatusResponse> DescribeConfigurationRecorderStatusAsync(DescribeConfigurationRecorderStatusRequest request, CancellationToken cancellationToken)
    {
        var response = await protocol.InvokeAsync("DescribeConfigurationRecorderStatus", Names(request.ConfigurationRecorderNames), cancellationToken);
        return new DescribeConfigurationRecorderStatusResponse(ListOf<ConfigurationRecorderStatus>(response, "ConfigurationRecordersStatus"));
    }

    public async Task<DescribeDeliveryChannelsResponse> DescribeDeliveryChannelsAsync(DescribeDeliveryChannelsRequest request, CancellationToken cancellationToken)
    {
        var body = new JsonObject();
        if (request.DeliveryChannelNames is { Count: > 0 } names)
        {
            body["DeliveryChannelNames"] = Array(names);
        }

        var response = await protocol.InvokeAsync("DescribeDeliveryChannels", body, cancellationToken);
        return new DescribeDeliveryChannelsResponse(ListOf<DeliveryChannel>(response, "DeliveryChannels"));
    }

    public async Task<DescribeConfigRulesResponse> DescribeConfigRulesAsync(DescribeConfigRulesRequest request, CancellationToken cancellationToken)
    {
        var body = new JsonObject();
        if (request.ConfigRuleNames is { Count: > 0 } names)
        {
            body["ConfigRuleNames"] = Array(names);
        }

        if (request.NextToken is { } token)
        {
            body["NextToken"] = token;
        }

        var response = await protocol.InvokeAsync("DescribeConfigRules", body, cancellationToken);
        return new DescribeConfigRulesResponse(ListOf<ConfigRule>(response, "ConfigRules"), Text(response, "NextToken"));
    }

    public async Task<DescribeConfigRuleEvaluationStatusResponse> DescribeConfigRuleEvaluationStatusAsync(DescribeConfigRuleEvaluationStatusRequest request, CancellationToken cancellationToken)
    {
        var body = new JsonObject();
        if (request.ConfigRuleNames is { Count: > 0 } names)
        {
            body["ConfigRuleNames"] = Array(names);
        }

        if (request.NextToken is { } token)
        {
            body["NextToken"] = token;
        }

        if (request.Limit is { } limit)
        {
            body["Limit"] = limit;
        }

        var response = await protocol.InvokeAsync("DescribeConfigRuleEvaluationStatus", body, cancellationToken);
        return new DescribeConfigRuleEvaluationStatusResponse(ListOf<ConfigRuleEvaluationStatus>(response, "ConfigRulesEvaluationStatus"), Text(response, "NextToken"));
    }

    private static JsonArray Array(IReadOnlyList<string> names) => new(names.Select(n => (JsonNode)JsonValue.Create(n)).ToArray());

    private static string? Text(JsonElement response, string name) =>
        response.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    private static JsonObject Names(IReadOnlyList<string>? names) => names is { Count: > 0 }
        ? new JsonObject { ["ConfigurationRecorderNames"] = new JsonArray(names.Select(n => (JsonNode)JsonValue.Create(n)).ToArray()) }
        : new JsonObject();

    private static List<T> ListOf<T>(JsonElement response, string name) =>
        response.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array ? list.Deserialize<List<T>>(Json) ?? [] : [];
}
