using Amazon.Runtime;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Live.Collection;

/// <summary>What a collector works with, and the one way it calls AWS.</summary>
public sealed class CollectorContext
{
    public required AwsSession Session { get; init; }

    /// <summary>The region to collect; for a global collector, the region its calls are made from.</summary>
    public required string Region { get; init; }

    /// <summary>Every region of the scan (a global collector such as S3 keeps only resources in these).</summary>
    public required IReadOnlyList<string> Regions { get; init; }

    public required string AccountId { get; init; }
    public required CollectionScope Scope { get; init; }
    public required InventoryBuilder Builder { get; init; }

    /// <summary>The calls the running collector declared (service:operation → IAM action); null outside a collector (STS, region listing).</summary>
    public IReadOnlyDictionary<string, string>? Permissions { get; init; }

    /// <summary>
    /// Makes one API call. On success returns the response; on any failure (an AWS error after retries, an unreachable
    /// endpoint, a timeout, the scan deadline, missing credentials) records a <see cref="CollectionError"/> for
    /// <paramref name="resourceType"/> (and <paramref name="resourceId"/> when the call was about one resource) and returns null.
    /// An answer the API documents as "not configured" is not a failure: catch it inside <paramref name="call"/> and return a value.
    /// </summary>
    public async Task<T?> CallAsync<T>(
        string service,
        string operation,
        string resourceType,
        Func<CancellationToken, Task<T>> call,
        CancellationToken cancellationToken,
        string? resourceId = null)
        where T : class
    {
        if (Permissions is not null && !Permissions.ContainsKey($"{service}:{operation}"))
        {
            throw new InvalidOperationException($"{service}:{operation} is called but not declared in the collector's Permissions.");
        }

        try
        {
            var result = await call(cancellationToken);
            Session.Calls.Record(service, operation, succeeded: true);
            return result;
        }
        catch (Exception ex) when (Classify(ex, cancellationToken) is { } failure)
        {
            Session.Calls.Record(service, operation, succeeded: false);
            Builder.AddError(new CollectionError
            {
                Service = service,
                Operation = operation,
                Region = Region,
                AccountId = AccountId,
                ResourceType = resourceType,
                ResourceId = resourceId,
                ErrorCode = failure.Code,
                Message = failure.Message,
            });
            return null;
        }
    }

    /// <summary>Records that a type could not be collected here, for a reason found without a call.</summary>
    public void Missing(string service, string operation, string resourceType, string errorCode, string message, string? resourceId = null) =>
        Builder.AddError(new CollectionError
        {
            Service = service, Operation = operation, Region = Region, AccountId = AccountId,
            ResourceType = resourceType, ResourceId = resourceId, ErrorCode = errorCode, Message = message,
        });

    /// <summary>The error code and message recorded for a failed call; null for exceptions that are defects, which propagate.</summary>
    public static (string Code, string Message)? Classify(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested => ("DeadlineExceeded", "The scan deadline passed before this call completed."),
        AmazonServiceException service => (service.ErrorCode is { Length: > 0 } code ? code : $"Http{(int)service.StatusCode}", FirstLine(service.Message)),
        HttpRequestException http => ("EndpointUnreachable", FirstLine(http.InnerException?.Message ?? http.Message)),
        TimeoutException or TaskCanceledException => ("RequestTimeout", FirstLine(ex.Message)),
        AmazonClientException client when client.Message.Contains("credentials", StringComparison.OrdinalIgnoreCase) => ("CredentialsUnavailable", FirstLine(client.Message)),
        AmazonClientException client => (client.InnerException is HttpRequestException ? "EndpointUnreachable" : "ClientError", FirstLine(client.InnerException?.Message ?? client.Message)),
        _ => null,
    };

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
