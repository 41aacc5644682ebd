using System.Text.Json.Serialization;

namespace Compliance.Rules.Inventory;

/// <summary>
/// One method of a REST API resource (GetResources with embed=methods). Id is "restApiId/resourceId/HTTPMETHOD";
/// the ARN is arn:aws:apigateway:region::/restapis/api/resources/resource/methods/METHOD.
/// </summary>
public sealed record ApiGatewayMethod : AwsResource
{
    public override string ResourceType => ResourceTypes.ApiGatewayMethod;

    public required string RestApiId { get; init; }

    /// <summary>The API resource's id ("3kzxbg5sa2").</summary>
    public required string ResourceId { get; init; }

    /// <summary>The resource's full path ("/pets/{petId}"); null when unknown.</summary>
    public string? ResourcePath { get; init; }

    /// <summary>GET, POST, PUT, DELETE, PATCH, HEAD, OPTIONS or ANY.</summary>
    public required string HttpMethod { get; init; }

    /// <summary>NONE, AWS_IAM, CUSTOM (Lambda authorizer) or COGNITO_USER_POOLS; null when unknown.</summary>
    public string? AuthorizationType { get; init; }

    /// <summary>The authorizer of a CUSTOM or COGNITO_USER_POOLS method; "" when none.</summary>
    public string AuthorizerId { get; init; } = "";

    /// <summary>Whether callers must send an API key; null when unknown.</summary>
    public bool? ApiKeyRequired { get; init; }

    /// <summary>The integration type: MOCK, AWS, AWS_PROXY, HTTP, HTTP_PROXY; "" when the method has no integration; null when unknown.</summary>
    public string? IntegrationType { get; init; }

    /// <summary>"GET /pets/{petId}" (the resource id when the path is unknown).</summary>
    [JsonIgnore]
    public string Route => $"{HttpMethod} {ResourcePath ?? ResourceId}";
}
