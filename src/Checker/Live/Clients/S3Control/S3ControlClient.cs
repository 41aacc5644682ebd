using System.Xml.Linq;
using Amazon;
using Compliance.Checker.Live.Http;

namespace Compliance.Checker.Live.Clients.S3Control;

/// <summary>
/// The part of S3 Control we call, shaped like the SDK's IAmazonS3Control (AWSSDK.S3Control is not served here), so
/// the official package can replace this file. Protocol: restXml on {account}.s3-control.{region}.{suffix}, signed as "s3".
/// </summary>
public interface IAmazonS3Control
{
    Task<GetPublicAccessBlockResponse> GetPublicAccessBlockAsync(GetPublicAccessBlockRequest request, CancellationToken cancellationToken);
}

public sealed record GetPublicAccessBlockRequest
{
    public required string AccountId { get; init; }
}

public sealed record GetPublicAccessBlockResponse(PublicAccessBlockConfiguration PublicAccessBlockConfiguration);

/// <summary>The account's settings; a member absent from the answer is null, as in the SDK.</summary>
public sealed record PublicAccessBlockConfiguration
{
    public bool? BlockPublicAcls { get; init; }
    public bool? IgnorePublicAcls { get; init; }
    public bool? BlockPublicPolicy { get; init; }
    public bool? RestrictPublicBuckets { get; init; }
}

public sealed class S3ControlClient(AwsSession session, string region) : IAmazonS3Control
{
    public const string PublicAccessBlockPath = "/v20180820/configuration/publicAccessBlock";

    /// <summary>
    /// GET /v20180820/configuration/publicAccessBlock with x-amz-account-id. An account without a configuration answers
    /// 404 NoSuchPublicAccessBlockConfiguration, which surfaces as <see cref="AwsServiceError"/> like every error.
    /// </summary>
    public async Task<GetPublicAccessBlockResponse> GetPublicAccessBlockAsync(GetPublicAccessBlockRequest request, CancellationToken cancellationToken)
    {
        var protocol = session.Rest("s3control", "s3", region, Endpoint(request.AccountId, region, session.Options.EndpointUrl));
        var root = await protocol.InvokeXmlAsync("GetPublicAccessBlock", HttpMethod.Get, PublicAccessBlockPath,
            new Dictionary<string, string> { ["x-amz-account-id"] = request.AccountId }, null, cancellationToken);
        var configuration = root is null ? null : root.Name.LocalName == "PublicAccessBlockConfiguration" ? root : root.Element("PublicAccessBlockConfiguration");
        return new GetPublicAccessBlockResponse(new PublicAccessBlockConfiguration
        {
            BlockPublicAcls = Bool(configuration, "BlockPublicAcls"),
            IgnorePublicAcls = Bool(configuration, "IgnorePublicAcls"),
            BlockPublicPolicy = Bool(configuration, "BlockPublicPolicy"),
            RestrictPublicBuckets = Bool(configuration, "RestrictPublicBuckets"),
        });
    }

    /// <summary>https://{account}.s3-control.{region}.{partition suffix}/, or the override (moto, LocalStack) as the base URL.</summary>
    public static Uri Endpoint(string accountId, string region, string? overrideUrl) =>
        overrideUrl is { Length: > 0 }
            ? new Uri(overrideUrl.TrimEnd('/') + "/")
            : new Uri($"https://{accountId}.s3-control.{region}.{RegionEndpoint.GetBySystemName(region).PartitionDnsSuffix}/");

    private static bool? Bool(XElement? parent, string name) =>
        parent?.Element(name)?.Value.Trim() is { } text ? string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) : null;
}
