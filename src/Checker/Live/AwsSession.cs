using System.Collections.Concurrent;
using Amazon;
using Amazon.DynamoDBv2;
using Amazon.EC2;
using Amazon.KeyManagementService;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SecurityToken;
using Compliance.Checker.Live.Http;

namespace Compliance.Checker.Live;

/// <summary>
/// Everything needed to talk to one account for one scan: credentials, endpoint, retry and pacing, HTTP, and the
/// clients built from them (SDK clients where the registry serves the package, our own protocol clients otherwise).
/// Clients are created once per region and shared by the collectors.
/// </summary>
public sealed class AwsSession : IDisposable
{
    private readonly ConcurrentDictionary<string, object> _clients = new();
    private readonly HttpClient _http;
    private readonly HttpClientFactory? _sdkHttp;
    private readonly HttpMessageHandler? _ownedHandler;

    /// <param name="options">Regions, endpoint, concurrency, deadline, retries.</param>
    /// <param name="credentials">Resolved from the standard chain or a profile.</param>
    /// <param name="handler">An HTTP handler for every request (tests pass a fake); null uses the network.</param>
    /// <param name="clock">Time for backoff and pacing.</param>
    public AwsSession(LiveOptions options, AWSCredentials credentials, HttpMessageHandler? handler = null, TimeProvider? clock = null)
    {
        Options = options;
        Credentials = credentials;
        if (options.EndpointUrl is not null)
        {
            handler = _ownedHandler = new EndpointCompatibilityHandler(handler ?? new SocketsHttpHandler());
        }

        _http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        _http.Timeout = Timeout.InfiniteTimeSpan; // each attempt has its own timeout in AwsTransport
        _sdkHttp = handler is null ? null : new HandlerHttpClientFactory(handler);
        Transport = new AwsTransport(_http, credentials, options.Retry, clock ?? TimeProvider.System);
    }

    public LiveOptions Options { get; }
    public AWSCredentials Credentials { get; }
    public AwsTransport Transport { get; }
    public ApiCallLog Calls { get; } = new();

    public IAmazonEC2 Ec2(string region) => Client(region, () => new AmazonEC2Client(Credentials, Configure(new AmazonEC2Config(), region)));

    public IAmazonS3 S3(string region) => Client(region, () =>
        new AmazonS3Client(Credentials, Configure(new AmazonS3Config { ForcePathStyle = Options.EndpointUrl is not null }, region)));

    public IAmazonKeyManagementService Kms(string region) => Client(region, () => new AmazonKeyManagementServiceClient(Credentials, Configure(new AmazonKeyManagementServiceConfig(), region)));

    public IAmazonDynamoDB DynamoDb(string region) => Client(region, () => new AmazonDynamoDBClient(Credentials, Configure(new AmazonDynamoDBConfig(), region)));

    public Amazon.SimpleSystemsManagement.IAmazonSimpleSystemsManagement Ssm(string region) => Client(region, () =>
        new Amazon.SimpleSystemsManagement.AmazonSimpleSystemsManagementClient(Credentials, Configure(new Amazon.SimpleSystemsManagement.AmazonSimpleSystemsManagementConfig(), region)));

    public IAmazonSecurityTokenService Sts(string region) => Client(region, () => new AmazonSecurityTokenServiceClient(Credentials, Configure(new AmazonSecurityTokenServiceConfig(), region)));

    /// <summary>An awsJson client for one service in one region.</summary>
    public JsonProtocol Json(string service, string endpointPrefix, string signingName, string targetPrefix, string jsonVersion, string region) =>
        Client($"{service}/{region}", () => new JsonProtocol(Transport, service, signingName, targetPrefix, jsonVersion, region, AwsEndpoints.Regional(endpointPrefix, region, Options.EndpointUrl)));

    /// <summary>An awsQuery client for one service in one region.</summary>
    public QueryProtocol Query(string service, string endpointPrefix, string signingName, string version, string region) =>
        Client($"{service}/{region}", () => new QueryProtocol(Transport, service, signingName, version, region, AwsEndpoints.Regional(endpointPrefix, region, Options.EndpointUrl)));

    /// <summary>IAM's awsQuery client on the partition's global endpoint.</summary>
    public QueryProtocol Iam(string anyRegion)
    {
        var (uri, signingRegion) = AwsEndpoints.Iam(anyRegion, Options.EndpointUrl);
        return Client($"iam/{signingRegion}", () => new QueryProtocol(Transport, "iam", "iam", "2010-05-08", signingRegion, uri));
    }

    /// <summary>A REST (JSON or XML) client for one service in one region at the given endpoint.</summary>
    public RestProtocol Rest(string service, string signingName, string region, Uri endpoint) =>
        Client($"{service}/{region}/{endpoint.Host}", () => new RestProtocol(Transport, service, signingName, region, endpoint));

    public void Dispose()
    {
        foreach (var client in _clients.Values.OfType<IDisposable>())
        {
            client.Dispose();
        }

        _http.Dispose();
        _ownedHandler?.Dispose();
    }

    private T Client<T>(string key, Func<T> create) where T : class =>
        (T)_clients.GetOrAdd($"{typeof(T).Name}/{key}", _ => create());

    private TConfig Configure<TConfig>(TConfig config, string region) where TConfig : ClientConfig
    {
        config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        // Standard, not Adaptive: AWSSDK.Core 4.0's adaptive token bucket never refills while a lone request waits for a
        // send token, so the first throttle on a quiet client stalls ~26 s and then fails ("capacity could not be obtained").
        config.RetryMode = RequestRetryMode.Standard;
        config.MaxErrorRetry = Math.Max(0, Options.Retry.MaxAttempts - 1);
        config.Timeout = Options.Retry.AttemptTimeout;
        if (Options.EndpointUrl is { } endpoint)
        {
            config.ServiceURL = endpoint;
            config.AuthenticationRegion = region;
        }

        if (_sdkHttp is not null)
        {
            config.HttpClientFactory = _sdkHttp;
        }

        return config;
    }

    /// <summary>Routes the SDK clients' HTTP through the given handler (the tests' fake).</summary>
    private sealed class HandlerHttpClientFactory(HttpMessageHandler handler) : HttpClientFactory
    {
        public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(handler, disposeHandler: false);

        public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

        public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => true;
    }
}
