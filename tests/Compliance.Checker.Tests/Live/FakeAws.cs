using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Web;
using Amazon.Runtime;
using Compliance.Checker.Live;
using Compliance.Checker.Live.Http;

namespace Compliance.Checker.Tests.Live;

/// <summary>One request as the fake saw it. Service and region come from the SigV4 credential scope, so routing proves signing happened.</summary>
public sealed record FakeRequest(string Service, string Region, string Operation, HttpMethod Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>A form or query parameter (Query protocol, EC2).</summary>
    public string? Param(string name) => HttpUtility.ParseQueryString(Method == HttpMethod.Get ? Query : Body)[name];
}

/// <summary>
/// An HTTP-level stand-in for AWS: every SDK client and every client of ours sends through it, real parsing runs on
/// the canned bodies (taken from the AWS API reference examples), and every request is recorded for call counting.
/// A request nobody expected gets a 501 whose error code says so, which a test will see as a collection error.
/// </summary>
public sealed partial class FakeAws : HttpMessageHandler
{
    public const string AccessKey = "AKIAIOSFODNN7EXAMPLE";
    private readonly List<(Func<FakeRequest, bool> Match, Queue<Func<FakeRequest, HttpResponseMessage>> Replies, Func<FakeRequest, HttpResponseMessage> Last)> _routes = [];
    private readonly ConcurrentQueue<FakeRequest> _requests = new();
    private int _inFlight;
    private int _peakInFlight;

    public IReadOnlyCollection<FakeRequest> Requests => _requests;

    /// <summary>How long every answer takes, like a slow network; cancellable like a real connection, so concurrent callers overlap.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>The most requests that were being answered at once.</summary>
    public int PeakInFlight => Volatile.Read(ref _peakInFlight);

    /// <summary>Requests for one operation.</summary>
    public IReadOnlyList<FakeRequest> Calls(string service, string operation) =>
        _requests.Where(r => r.Service == service && r.Operation == operation).ToList();

    /// <summary>Answers matching requests with the replies in order; the last one repeats.</summary>
    public FakeAws On(Func<FakeRequest, bool> match, params Func<FakeRequest, HttpResponseMessage>[] replies)
    {
        lock (_routes)
        {
            _routes.Add((match, new Queue<Func<FakeRequest, HttpResponseMessage>>(replies[..^1]), replies[^1]));
        }

        return this;
    }

    /// <summary>Answers service/operation (any region unless given).</summary>
    public FakeAws On(string service, string operation, params Func<FakeRequest, HttpResponseMessage>[] replies) =>
        On(r => r.Service == service && r.Operation == operation, replies);

    public FakeAws On(string service, string operation, string region, params Func<FakeRequest, HttpResponseMessage>[] replies) =>
        On(r => r.Service == service && r.Operation == operation && r.Region == region, replies);

    public static Func<FakeRequest, HttpResponseMessage> Json(string body, HttpStatusCode status = HttpStatusCode.OK) =>
        _ => Response(status, body, "application/x-amz-json-1.1");

    public static Func<FakeRequest, HttpResponseMessage> Xml(string body, HttpStatusCode status = HttpStatusCode.OK) =>
        _ => Response(status, body, "text/xml");

    /// <summary>An awsJson error: {"__type": code, "message": message}.</summary>
    public static Func<FakeRequest, HttpResponseMessage> JsonError(string code, string message, HttpStatusCode status = HttpStatusCode.BadRequest) =>
        Json($$"""{"__type":"{{code}}","message":"{{message}}"}""", status);

    /// <summary>An awsQuery / EC2 / S3 style XML error.</summary>
    public static Func<FakeRequest, HttpResponseMessage> XmlError(string code, string message, HttpStatusCode status = HttpStatusCode.Forbidden) =>
        Xml($"<ErrorResponse><Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error><RequestId>4b0a3c1e-0000-0000-0000-000000000000</RequestId></ErrorResponse>", status);

    /// <summary>A session whose every request goes to this fake, with fast retries.</summary>
    public AwsSession Session(LiveOptions? options = null) =>
        new((options ?? new LiveOptions()) with
        {
            AccountId = options?.AccountId ?? "123456789012",
            Retry = new RetryOptions { MaxAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) },
        }, new BasicAWSCredentials(AccessKey, "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"), this);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .GroupBy(h => h.Key.ToLowerInvariant()).ToDictionary(g => g.Key, g => string.Join(",", g.SelectMany(h => h.Value)));
        var scope = CredentialScope().Match(headers.GetValueOrDefault("authorization", ""));
        if (!scope.Success)
        {
            return Response(HttpStatusCode.Forbidden, "<Error><Code>MissingAuthenticationToken</Code><Message>unsigned request</Message></Error>", "text/xml");
        }

        var fake = new FakeRequest(scope.Groups["service"].Value, scope.Groups["region"].Value, Operation(request, headers, body),
            request.Method, request.RequestUri!.AbsolutePath, request.RequestUri.Query.TrimStart('?'), headers, body);
        _requests.Enqueue(fake);
        if (Latency > TimeSpan.Zero)
        {
            var now = Interlocked.Increment(ref _inFlight);
            for (var peak = Volatile.Read(ref _peakInFlight); now > peak; peak = Volatile.Read(ref _peakInFlight))
            {
                Interlocked.CompareExchange(ref _peakInFlight, now, peak);
            }

            try
            {
                await Task.Delay(Latency, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }

        Func<FakeRequest, HttpResponseMessage>? reply = null;
        lock (_routes)
        {
            foreach (var route in _routes.Where(r => r.Match(fake)))
            {
                reply = route.Replies.Count > 0 ? route.Replies.Dequeue() : route.Last;
                break;
            }
        }

        return reply?.Invoke(fake)
            ?? Response(HttpStatusCode.NotImplemented, $$"""{"__type":"UnexpectedRequest","message":"no fake for {{fake.Service}} {{fake.Operation}} {{fake.Method}} {{fake.Path}}"}""", "application/json");
    }

    private static string Operation(HttpRequestMessage request, IReadOnlyDictionary<string, string> headers, string body)
    {
        if (headers.TryGetValue("x-amz-target", out var target))
        {
            return target[(target.LastIndexOf('.') + 1)..];
        }

        var form = HttpUtility.ParseQueryString(request.Method == HttpMethod.Get ? request.RequestUri!.Query : body);
        return form["Action"] ?? $"{request.Method.Method} {request.RequestUri!.AbsolutePath}{(request.RequestUri.Query.Length > 1 ? request.RequestUri.Query : "")}";
    }

    private static HttpResponseMessage Response(HttpStatusCode status, string body, string contentType) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, contentType) };

    [GeneratedRegex(@"Credential=[^/]+/\d{8}/(?<region>[^/]+)/(?<service>[^/]+)/aws4_request")]
    private static partial Regex CredentialScope();
}
