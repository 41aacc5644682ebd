using Amazon;

namespace Compliance.Checker.Live.Http;

/// <summary>Where a service lives: the public regional endpoint, or an override (LocalStack, moto, a VPC endpoint).</summary>
public static class AwsEndpoints
{
    /// <summary>https://{prefix}.{region}.{partition suffix}, or the override when one is given.</summary>
    public static Uri Regional(string endpointPrefix, string region, string? overrideUrl) =>
        overrideUrl is { Length: > 0 }
            ? new Uri(overrideUrl.TrimEnd('/') + "/")
            : new Uri($"https://{endpointPrefix}.{region}.{RegionEndpoint.GetBySystemName(region).PartitionDnsSuffix}/");

    /// <summary>IAM's one global endpoint per partition, and the region it is signed for.</summary>
    public static (Uri Uri, string SigningRegion) Iam(string anyRegion, string? overrideUrl)
    {
        var partition = RegionEndpoint.GetBySystemName(anyRegion).PartitionName;
        var (host, signingRegion) = partition switch
        {
            "aws-cn" => ("iam.cn-north-1.amazonaws.com.cn", "cn-north-1"),
            "aws-us-gov" => ("iam.us-gov.amazonaws.com", "us-gov-west-1"),
            _ => ("iam.amazonaws.com", "us-east-1"),
        };
        return (overrideUrl is { Length: > 0 } ? new Uri(overrideUrl.TrimEnd('/') + "/") : new Uri($"https://{host}/"), signingRegion);
    }
}
