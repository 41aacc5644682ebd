using System.Text.Json.Serialization;

namespace Compliance.Rules.Inventory;

/// <summary>A VPC endpoint (DescribeVpcEndpoints).</summary>
public sealed record VpcEndpoint : AwsResource
{
    public override string ResourceType => ResourceTypes.VpcEndpoint;

    public required string VpcId { get; init; }

    /// <summary>e.g. "com.amazonaws.eu-west-1.s3".</summary>
    public required string ServiceName { get; init; }

    /// <summary>Gateway, Interface, GatewayLoadBalancer, Resource or ServiceNetwork.</summary>
    public required string VpcEndpointType { get; init; }

    /// <summary>available, pending, deleting, ...</summary>
    public string? State { get; init; }

    /// <summary>Private DNS on an interface endpoint.</summary>
    public bool PrivateDnsEnabled { get; init; }

    /// <summary>The endpoint policy; AWS returns the full-access default when none was set; null when unknown.</summary>
    public PolicyDocument? PolicyDocument { get; init; }

    /// <summary>The short service name: "s3" from "com.amazonaws.eu-west-1.s3".</summary>
    [JsonIgnore]
    public string ShortServiceName =>
        ServiceName.StartsWith("com.amazonaws.", StringComparison.Ordinal) && ServiceName.Split('.') is { Length: >= 4 } parts
            ? string.Join('.', parts[3..])
            : ServiceName;
}
