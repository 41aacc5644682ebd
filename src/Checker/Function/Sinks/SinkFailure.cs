using Amazon.Runtime;

namespace Compliance.Checker.Function.Sinks;

/// <summary>How a sink words a failed delivery: the AWS error code (or the exception type) and its message.</summary>
internal static class SinkFailure
{
    public static string Describe(Exception exception) => exception switch
    {
        AmazonServiceException service => $"{service.ErrorCode ?? $"Http{(int)service.StatusCode}"}: {service.Message}",
        OperationCanceledException => $"Cancelled: {exception.Message}",
        _ => $"{exception.GetType().Name}: {exception.Message}",
    };
}
