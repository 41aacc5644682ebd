using System.Collections.Concurrent;
using System.Net;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace Compliance.Checker.Live.Http;

/// <summary>One HTTP request to an AWS API, before signing.</summary>
/// <param name="Service">Our service key, for accounting and errors: "logs", "sns", ...</param>
/// <param name="Operation">The API operation, e.g. "DescribeLogGroups".</param>
/// <param name="SigningName">The SigV4 signing name, e.g. "logs", "guardduty", "iam".</param>
/// <param name="SigningRegion">The SigV4 region (us-east-1 for IAM's global endpoint).</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Uri">The full request URI, query string included.</param>
public sealed record AwsHttpRequest(string Service, string Operation, string SigningName, string SigningRegion, HttpMethod Method, Uri Uri)
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
    public byte[] Body { get; init; } = [];
}

/// <summary>A raw response.</summary>
public sealed record AwsHttpResponse(HttpStatusCode Status, IReadOnlyDictionary<string, string> Headers, byte[] Body);

/// <summary>
/// Signs (AWSSDK.Core's SigV4 signer), sends, paces and retries requests for the clients we write ourselves.
/// Throttling and transient failures are retried with full-jitter backoff and slow the endpoint down;
/// whatever still fails surfaces as <see cref="AwsServiceError"/> (or the transport exception) for the collector to record.
/// </summary>
public sealed class AwsTransport
{
    private readonly HttpClient _http;
    private readonly AWSCredentials _credentials;
    private readonly RetryOptions _retry;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, AdaptiveRateLimiter> _limiters = new();
    private readonly Random _random = new();

    public AwsTransport(HttpClient http, AWSCredentials credentials, RetryOptions retry, TimeProvider clock)
    {
        _http = http;
        _credentials = credentials;
        _retry = retry;
        _clock = clock;
    }

    /// <summary>The pacing state of one endpoint (for tests and stats).</summary>
    public AdaptiveRateLimiter Limiter(string service, string region) => _limiters.GetOrAdd($"{service}/{region}", _ => new AdaptiveRateLimiter(_clock));

    /// <summary>Sends with retries. <paramref name="parseError"/> reads (code, message) from an error response of the service's protocol.</summary>
    public async Task<AwsHttpResponse> SendAsync(AwsHttpRequest request, Func<AwsHttpResponse, (string Code, string Message)> parseError, CancellationToken cancellationToken)
    {
        var limiter = Limiter(request.Service, request.SigningRegion);
        for (var attempt = 0; ; attempt++)
        {
            await limiter.WaitAsync(cancellationToken);
            AwsHttpResponse response;
            try
            {
                response = await SendOnceAsync(request, cancellationToken);
            }
            catch (Exception ex) when (ex is HttpRequestException or TimeoutException && attempt + 1 < _retry.MaxAttempts && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(_retry.Backoff(attempt, _random), _clock, cancellationToken);
                continue;
            }

            if ((int)response.Status < 300)
            {
                limiter.OnSuccess();
                return response;
            }

            var (code, message) = parseError(response);
            if (AwsErrorCodes.Throttling.Contains(code) || response.Status == HttpStatusCode.TooManyRequests)
            {
                limiter.OnThrottled();
            }

            if (!AwsErrorCodes.IsRetryable(code, response.Status) || attempt + 1 >= _retry.MaxAttempts)
            {
                response.Headers.TryGetValue("x-amzn-requestid", out var requestId);
                throw new AwsServiceError(request.Service, request.Operation, code, message, response.Status, requestId);
            }

            await Task.Delay(_retry.Backoff(attempt, _random), _clock, cancellationToken);
        }
    }

    private async Task<AwsHttpResponse> SendOnceAsync(AwsHttpRequest request, CancellationToken cancellationToken)
    {
        var credentials = await _credentials.GetCredentialsAsync();
        var signing = new AWSSigningRequest { HttpMethod = request.Method, RequestUri = request.Uri, Content = request.Body };
        foreach (var (name, value) in request.Headers)
        {
            signing.Headers[name] = value;
        }

        signing.Headers["Host"] = request.Uri.IsDefaultPort ? request.Uri.Host : $"{request.Uri.Host}:{request.Uri.Port}";
        var signed = AWSSigV4Signer.Sign(signing, new AWSSigV4Parameters
        {
            Credentials = new ImmutableCredentialsWrapper(credentials),
            Region = RegionEndpoint.GetBySystemName(request.SigningRegion),
            Service = request.SigningName,
            SignPayload = true,
        });

        using var message = new HttpRequestMessage(request.Method, request.Uri);
        var content = new ByteArrayContent(request.Body);
        foreach (var (name, value) in request.Headers.Concat(signed.Headers))
        {
            if (name.Equals("Host", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                content.Headers.TryAddWithoutValidation(name, value);
            }
            else
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }
        }

        if (request.Method != HttpMethod.Get || request.Body.Length > 0)
        {
            message.Content = content;
        }

        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(_retry.AttemptTimeout);
        try
        {
            using var response = await _http.SendAsync(message, attempt.Token);
            var body = await response.Content.ReadAsByteArrayAsync(attempt.Token);
            var headers = response.Headers.Concat(response.Content.Headers)
                .GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key.ToLowerInvariant(), g => string.Join(",", g.SelectMany(h => h.Value)));
            return new AwsHttpResponse(response.StatusCode, headers, body);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{request.Service}:{request.Operation} did not answer within {_retry.AttemptTimeout.TotalSeconds:0} s.");
        }
    }

    /// <summary>Presents already-resolved credentials to the signer without resolving them again.</summary>
    private sealed class ImmutableCredentialsWrapper(ImmutableCredentials credentials) : AWSCredentials
    {
        public override ImmutableCredentials GetCredentials() => credentials;
    }
}
