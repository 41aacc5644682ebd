using System.Net;
using Amazon.Runtime;

namespace Compliance.Checker.Live.Http;

/// <summary>
/// An error answer from a service called through our own clients. It derives from the SDK's exception so that
/// collectors treat SDK clients and ours alike (ErrorCode, StatusCode, Message).
/// </summary>
public sealed class AwsServiceError(string service, string operation, string errorCode, string message, HttpStatusCode status, string? requestId)
    : AmazonServiceException(message, ErrorType.Unknown, errorCode, requestId, status)
{
    public string Service { get; } = service;
    public string Operation { get; } = operation;
}

/// <summary>Well-known error codes and their families.</summary>
public static class AwsErrorCodes
{
    /// <summary>Codes AWS services use for throttling; retried with backoff and slow the client down.</summary>
    public static readonly IReadOnlySet<string> Throttling = new HashSet<string>(StringComparer.Ordinal)
    {
        "Throttling", "Throttled", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "ProvisionedThroughputExceededException", "TransactionInProgressException", "RequestLimitExceeded",
        "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
        "EC2ThrottledException",
    };

    /// <summary>True for throttling, or a transient server-side failure worth retrying.</summary>
    public static bool IsRetryable(string? errorCode, HttpStatusCode status) =>
        (errorCode is not null && (Throttling.Contains(errorCode) || errorCode is "RequestTimeout" or "RequestTimeoutException" or "InternalError" or "InternalFailure" or "ServiceUnavailable"))
        || (int)status >= 500
        || status == HttpStatusCode.TooManyRequests;
}
