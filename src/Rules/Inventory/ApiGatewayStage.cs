using System.Text.Json.Serialization;

namespace Compliance.Rules.Inventory;

/// <summary>
/// A stage of a REST API (GetStages). Id is "restApiId/stageName"; the ARN is
/// arn:aws:apigateway:region::/restapis/api/stages/stage (the form WAF and Config use).
/// </summary>
public sealed record ApiGatewayStage : AwsResource
{
    /// <summary>The methodSettings key of the settings that apply to every method of the stage.</summary>
    public const string AllMethods = "*/*";

    public override string ResourceType => ResourceTypes.ApiGatewayStage;

    public required string RestApiId { get; init; }
    public required string StageName { get; init; }

    /// <summary>The deployment the stage serves; "" when none.</summary>
    public string DeploymentId { get; init; } = "";

    /// <summary>
    /// methodSettings as AWS keys them: "*/*" for the whole stage, "{resourcePath}/{httpMethod}" (e.g. "pets/GET") for one
    /// method's override. Empty when none is set (every method then runs with the defaults: logging OFF, no caching).
    /// Null when unknown.
    /// </summary>
    public IReadOnlyDictionary<string, ApiGatewayMethodSetting>? MethodSettings { get; init; }

    /// <summary>accessLogSettings.destinationArn: a log group or Firehose stream ARN; "" when access logging is off; null when unknown.</summary>
    public string? AccessLogDestinationArn { get; init; }

    /// <summary>The associated AWS WAF web ACL ARN; "" when none; null when unknown.</summary>
    public string? WebAclArn { get; init; }

    /// <summary>Whether the stage has a cache cluster; null when unknown.</summary>
    public bool? CacheClusterEnabled { get; init; }

    /// <summary>"stage prod of REST API a1b2c3d4e5".</summary>
    [JsonIgnore]
    public string Label => $"stage {StageName} of REST API {RestApiId}";
}

/// <summary>One methodSettings entry. Each value is null when unknown; a live source fills AWS's defaults for absent members.</summary>
public sealed record ApiGatewayMethodSetting
{
    /// <summary>Execution logging: OFF, ERROR or INFO.</summary>
    public string? LoggingLevel { get; init; }

    /// <summary>Full request/response data in execution logs.</summary>
    public bool? DataTraceEnabled { get; init; }

    public bool? MetricsEnabled { get; init; }

    /// <summary>Responses are cached (effective only with the stage's cache cluster).</summary>
    public bool? CachingEnabled { get; init; }

    /// <summary>Cached responses are encrypted at rest.</summary>
    public bool? CacheDataEncrypted { get; init; }
}
