using System.Net;
using Compliance.Checker.Live;

namespace Compliance.IntegrationTests;

/// <summary>
/// The endpoint under test (COMPLIANCE_IT_ENDPOINT), the two regions the suite plants in, and the credentials: the
/// standard chain, as the CLI uses it, with moto's fake keys put in the environment when none are configured.
/// </summary>
public static class ItEndpoint
{
    public const string Home = "us-east-1";
    public const string Other = "eu-west-1";

    /// <summary>Where the scans look, in the order given to --regions (the first is Config's home Region).</summary>
    public static readonly IReadOnlyList<string> Regions = [Home, Other];

    /// <summary>A closed loopback port (discard, never served here): every call is refused at once.</summary>
    public const string Unreachable = "http://127.0.0.1:9";

    /// <summary>The endpoint every service is called at; null for "aws", which means each service's own AWS endpoint (a sandbox account).</summary>
    public static string? Url => Environment.GetEnvironmentVariable(IntegrationFactAttribute.EndpointVariable)?.Trim() switch
    {
        null or "" => throw new InvalidOperationException($"{IntegrationFactAttribute.EndpointVariable} is not set."),
        var aws when aws.Equals("aws", StringComparison.OrdinalIgnoreCase) => null,
        var url => url,
    };

    /// <summary>A session on <paramref name="endpoint"/> (null: AWS itself) for both regions, with the standard credential chain.</summary>
    public static AwsSession Session(string? endpoint)
    {
        EnsureCredentials();
        return new AwsSession(new LiveOptions { EndpointUrl = endpoint, Regions = Regions }, CredentialResolver.Resolve(profile: null));
    }

    /// <summary>
    /// Puts moto's documented fake keys in the process environment unless credentials are configured there (keys or a
    /// profile), so the CLI's own credential chain finds the same ones.
    /// </summary>
    public static void EnsureCredentials()
    {
        if (Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID") is { Length: > 0 } || Environment.GetEnvironmentVariable("AWS_PROFILE") is { Length: > 0 })
        {
            return;
        }

        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    }

    /// <summary>
    /// Clears a moto server (POST /moto-api/reset). Only a loopback endpoint is ever asked; true when it answered 200,
    /// which is how the suite knows it is talking to moto.
    /// </summary>
    public static async Task<bool> TryResetMotoAsync(string? endpoint)
    {
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || !IsLoopback(uri))
        {
            return false;
        }

        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            using var response = await http.PostAsync(new Uri(uri, "/moto-api/reset"), content: null);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>True for a loopback endpoint that serves moto's management API (a read-only probe).</summary>
    public static bool IsMoto(string? endpoint)
    {
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || !IsLoopback(uri))
        {
            return false;
        }

        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = http.GetAsync(new Uri(uri, "/moto-api/data.json")).GetAwaiter().GetResult();
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
