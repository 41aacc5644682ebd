using System.Text.Json.Serialization;

namespace Compliance.Rules.Inventory;

/// <summary>An API Gateway REST API (GetRestApis). Id is the API id ("a1b2c3d4e5"); the ARN is arn:aws:apigateway:region::/restapis/id.</summary>
public sealed record ApiGatewayRestApi : AwsResource
{
    public override string ResourceType => ResourceTypes.ApiGatewayRestApi;

    /// <summary>The API's name; "" when the source has none.</summary>
    public string Name { get; init; } = "";

    /// <summary>endpointConfiguration.types: one of EDGE, REGIONAL, PRIVATE; null when unknown.</summary>
    public IReadOnlyList<string>? EndpointTypes { get; init; }

    /// <summary>endpointConfiguration.vpcEndpointIds (private APIs associated with interface endpoints); empty when none.</summary>
    public IReadOnlyList<string> VpcEndpointIds { get; init; } = [];

    /// <summary>The resource policy; <see cref="PolicyDocument.Empty"/> when the API has none; null when unknown or unparseable.</summary>
    public PolicyDocument? Policy { get; init; }

    /// <summary>"REST API a1b2c3d4e5 (orders)": the id with the API's name.</summary>
    [JsonIgnore]
    public string Label => Name.Length > 0 ? $"REST API {Id} ({Name})" : $"REST API {Id}";
}
