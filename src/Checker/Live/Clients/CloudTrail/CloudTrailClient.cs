using System.Text.Json;
using System.Text.Json.Nodes;
using Compliance.Checker.Live.Http;

namespace Compliance.Checker.Live.Clients.CloudTrail;

/// <summary>
/// The part of CloudTrail we call, shaped like the SDK's IAmazonCloudTrail (AWSSDK.CloudTrail is not served here), so
/// the official package can replace this file. Protocol: awsJson1_1, target prefix
/// com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101. Records are in CloudTrailModel.cs.
/// </summary>
public interface IAmazonCloudTrail
{
    Task<DescribeTrailsResponse> DescribeTrailsAsync(DescribeTrailsRequest request, CancellationToken cancellationToken);
    Task<GetTrailStatusResponse> GetTrailStatusAsync(GetTrailStatusRequest request, CancellationToken cancellationToken);
    Task<GetEventSelectorsResponse> GetEventSelectorsAsync(GetEventSelectorsRequest request, CancellationToken cancellationToken);

    /// <summary>Changes the settings named in the request and no others; must be called in the trail's home Region.</summary>
    Task<UpdateTrailResponse> UpdateTrailAsync(UpdateTrailRequest request, CancellationToken cancellationToken);
}

public sealed class CloudTrailClient(JsonProtocol protocol) : IAmazonCloudTrail
{
    private const string TargetPrefix = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101";
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static CloudTrailClient For(AwsSession session, string region) =>
        new(session.Json("cloudtrail", "cloudtrail", "cloudtrail", TargetPrefix, "1.1", region));

    public async Task<DescribeTrailsResponse> DescribeTrailsAsync(DescribeTrailsRequest request, CancellationToken cancellationToken)
    {
        var body = new JsonObject();
        if (request.TrailNameList is { Count: > 0 } names)
        {
            body["trailNameList"] = new JsonArray(names.Select(n => (JsonNode)JsonValue.Create(n)).ToArray());
        }

        if (request.IncludeShadowTrails is { } shadows)
        {
            body["includeShadowTrails"] = shadows;
        }

        var response = await protocol.InvokeAsync("DescribeTrails", body, cancellationToken);
        return new DescribeTrailsResponse(ListOf<Trail>(response, "trailList"));
    }

    public async Task<GetTrailStatusResponse> GetTrailStatusAsync(GetTrailStatusRequest request, CancellationToken cancellationToken)
    {
        var response = await protocol.InvokeAsync("GetTrailStatus", new JsonObject { ["Name"] = request.Name }, cancellationToken);
        return new GetTrailStatusResponse
        {
            IsLogging = response.TryGetProperty("IsLogging", out var logging) && logging.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? logging.GetBoolean()
                : null,
        };
    }

    public async Task<GetEventSelectorsResponse> GetEventSelectorsAsync(GetEventSelectorsRequest request, CancellationToken cancellationToken)
    {
        var response = await protocol.InvokeAsync("GetEventSelectors", new JsonObject { ["TrailName"] = request.TrailName }, cancellationToken);
        return new GetEventSelectorsResponse
        {
            TrailARN = response.TryGetProperty("TrailARN", out var arn) && arn.ValueKind == JsonValueKind.String ? arn.GetString() : null,
            EventSelectors = ListOf<EventSelector>(response, "EventSelectors"),
            AdvancedEventSelectors = ListOf<AdvancedEventSelector>(response, "AdvancedEventSelectors"),
        };
    }

    public async Task<UpdateTrailResponse> UpdateTrailAsync(UpdateTrailRequest request, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["Name"] = request.Name };
        if (request.EnableLogFileValidation is { } validation)
        {
            body["EnableLogFileValidation"] = validation;
        }

        var response = await protocol.InvokeAsync("UpdateTrail", body, cancellationToken);
        return new UpdateTrailResponse
        {
            TrailARN = response.TryGetProperty("TrailARN", out var arn) && arn.ValueKind == JsonValueKind.String ? arn.GetString() : null,
            LogFileValidationEnabled = response.TryGetProperty("LogFileValidationEnabled", out var enabled) && enabled.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? enabled.GetBoolean()
                : null,
        };
    }

    private static List<T> ListOf<T>(JsonElement response, string name) =>
        response.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array ? list.Deserialize<List<T>>(Json) ?? [] : [];
}
