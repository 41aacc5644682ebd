using System.Text.Json.Serialization;

namespace Compliance.Checker.Live.Clients.APIGateway;

// Request and response shapes named as AWSSDK.APIGateway names them (API 2015-07-09). Collections are paged with
// position/limit; on the wire a page's list is "item" (the SDK calls it Items).

public sealed record GetRestApisRequest
{
    /// <summary>1 to 500 (default 25).</summary>
    public int? Limit { get; init; }
    public string? Position { get; init; }
}

public sealed record GetRestApisResponse
{
    [JsonPropertyName("item")]
    public IReadOnlyList<RestApi>? Items { get; init; }
    public string? Position { get; init; }
}

public sealed record GetRestApiRequest(string RestApiId);

/// <summary>The SDK's GetRestApiResponse has the RestApi members at the top level; the one API is kept whole here.</summary>
public sealed record GetRestApiResponse(RestApi RestApi);

public sealed record RestApi
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }
    public string? ApiKeySource { get; init; }
    public EndpointConfiguration? EndpointConfiguration { get; init; }

    /// <summary>The resource policy as a JSON string whose quotes (and slashes) are escaped once more: {\"Version\":...}.</summary>
    public string? Policy { get; init; }

    public bool? DisableExecuteApiEndpoint { get; init; }
    public string? RootResourceId { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

public sealed record EndpointConfiguration
{
    /// <summary>EDGE, REGIONAL or PRIVATE (one value).</summary>
    public IReadOnlyList<string>? Types { get; init; }
    public IReadOnlyList<string>? VpcEndpointIds { get; init; }
}

public sealed record GetStagesRequest(string RestApiId)
{
    public string? DeploymentId { get; init; }
}

/// <summary>Not paged: every stage of the API.</summary>
public sealed record GetStagesResponse
{
    public IReadOnlyList<Stage>? Item { get; init; }
}

public sealed record Stage
{
    public string? StageName { get; init; }
    public string? DeploymentId { get; init; }
    public string? Description { get; init; }
    public bool? CacheClusterEnabled { get; init; }
    public string? CacheClusterSize { get; init; }
    public string? CacheClusterStatus { get; init; }

    /// <summary>Keyed "*/*" (the whole stage) or "{resource_path}/{http_method}" (one method's override).</summary>
    public IReadOnlyDictionary<string, MethodSetting>? MethodSettings { get; init; }

    public AccessLogSettings? AccessLogSettings { get; init; }
    public bool? TracingEnabled { get; init; }
    public string? WebAclArn { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

public sealed record MethodSetting
{
    public bool? MetricsEnabled { get; init; }

    /// <summary>OFF, ERROR or INFO.</summary>
    public string? LoggingLevel { get; init; }

    public bool? DataTraceEnabled { get; init; }
    public int? ThrottlingBurstLimit { get; init; }
    public double? ThrottlingRateLimit { get; init; }
    public bool? CachingEnabled { get; init; }
    public int? CacheTtlInSeconds { get; init; }
    public bool? CacheDataEncrypted { get; init; }
}

public sealed record AccessLogSettings
{
    public string? Format { get; init; }

    /// <summary>A CloudWatch Logs log group ARN, or a Firehose stream ARN (amazon-apigateway-...).</summary>
    public string? DestinationArn { get; init; }
}

public sealed record GetResourcesRequest(string RestApiId)
{
    /// <summary>["methods"] embeds each resource's Method objects (with their integration).</summary>
    public IReadOnlyList<string> Embed { get; init; } = [];
    public int? Limit { get; init; }
    public string? Position { get; init; }
}

public sealed record GetResourcesResponse
{
    [JsonPropertyName("item")]
    public IReadOnlyList<Resource>? Items { get; init; }
    public string? Position { get; init; }
}

public sealed record Resource
{
    public string? Id { get; init; }
    public string? ParentId { get; init; }
    public string? Path { get; init; }
    public string? PathPart { get; init; }

    /// <summary>Methods by HTTP verb; without embed=methods each value is an empty object.</summary>
    public IReadOnlyDictionary<string, Method>? ResourceMethods { get; init; }
}

public sealed record Method
{
    public string? HttpMethod { get; init; }

    /// <summary>NONE, AWS_IAM, CUSTOM or COGNITO_USER_POOLS.</summary>
    public string? AuthorizationType { get; init; }

    public string? AuthorizerId { get; init; }
    public bool? ApiKeyRequired { get; init; }
    public IReadOnlyList<string>? AuthorizationScopes { get; init; }
    public Integration? MethodIntegration { get; init; }
}

public sealed record Integration
{
    /// <summary>HTTP, AWS, MOCK, HTTP_PROXY or AWS_PROXY.</summary>
    public string? Type { get; init; }
    public string? Uri { get; init; }
}

public sealed record GetUsagePlansRequest
{
    public string? KeyId { get; init; }
    public int? Limit { get; init; }
    public string? Position { get; init; }
}

public sealed record GetUsagePlansResponse
{
    [JsonPropertyName("item")]
    public IReadOnlyList<UsagePlan>? Items { get; init; }
    public string? Position { get; init; }
}

public sealed record UsagePlan
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<ApiStage>? ApiStages { get; init; }
    public ThrottleSettings? Throttle { get; init; }
    public QuotaSettings? Quota { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

public sealed record ApiStage
{
    public string? ApiId { get; init; }
    public string? Stage { get; init; }

    /// <summary>Per-method throttles keyed "{resourcePath}/{httpMethod}".</summary>
    public IReadOnlyDictionary<string, ThrottleSettings>? Throttle { get; init; }
}

public sealed record ThrottleSettings
{
    public int? BurstLimit { get; init; }
    public double? RateLimit { get; init; }
}

public sealed record QuotaSettings
{
    public int? Limit { get; init; }
    public int? Offset { get; init; }

    /// <summary>DAY, WEEK or MONTH.</summary>
    public string? Period { get; init; }
}
