using System.Text.Json.Serialization;

namespace Compliance.Rules.Inventory;

/// <summary>An API Gateway usage plan (GetUsagePlans). Id is the plan id; the ARN is arn:aws:apigateway:region::/usageplans/id.</summary>
public sealed record ApiGatewayUsagePlan : AwsResource
{
    public override string ResourceType => ResourceTypes.ApiGatewayUsagePlan;

    public string Name { get; init; } = "";

    /// <summary>The plan-wide throttle; null means the plan sets none (AWS omits it then).</summary>
    public ApiGatewayThrottle? Throttle { get; init; }

    /// <summary>The API stages the plan is bound to; empty when none.</summary>
    public IReadOnlyList<ApiGatewayUsagePlanStage> ApiStages { get; init; } = [];
}

/// <summary>One API stage of a usage plan.</summary>
public sealed record ApiGatewayUsagePlanStage
{
    public required string ApiId { get; init; }
    public required string Stage { get; init; }

    /// <summary>Per-method throttles keyed "{resourcePath}/{httpMethod}" (e.g. "/pets/GET"); empty when none.</summary>
    public IReadOnlyDictionary<string, ApiGatewayThrottle> Throttle { get; init; } = new Dictionary<string, ApiGatewayThrottle>();
}

/// <summary>Throttle settings: the steady request rate per second and the burst bucket size.</summary>
public sealed record ApiGatewayThrottle
{
    public double? RateLimit { get; init; }
    public int? BurstLimit { get; init; }

    /// <summary>True when the throttle caps the request rate (a positive rate limit).</summary>
    [JsonIgnore]
    public bool Limits => RateLimit is > 0;
}
