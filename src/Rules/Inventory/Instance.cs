namespace Compliance.Rules.Inventory;

/// <summary>An EC2 instance (DescribeInstances).</summary>
public sealed record Instance : AwsResource
{
    public override string ResourceType => ResourceTypes.Instance;

    /// <summary>pending, running, stopping, stopped, shutting-down, terminated.</summary>
    public required string State { get; init; }

    public string? VpcId { get; init; }
    public string? SubnetId { get; init; }
    /// <summary>The public IPv4 address; "" when the instance has none; null when unknown.</summary>
    public string? PublicIpAddress { get; init; }

    /// <summary>The instance metadata service options; null when unknown.</summary>
    public InstanceMetadataOptions? MetadataOptions { get; init; }
}

/// <summary>IMDS settings of an instance.</summary>
/// <param name="HttpTokens">"required" (IMDSv2 only) or "optional".</param>
/// <param name="HttpEndpoint">"enabled" or "disabled".</param>
public sealed record InstanceMetadataOptions(string HttpTokens, string HttpEndpoint);
