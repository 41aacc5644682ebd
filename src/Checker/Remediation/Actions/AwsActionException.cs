namespace Compliance.Checker.Remediation.Actions;

/// <summary>An AWS call made for a remediation failed; the message names the action, the error code and AWS's message.</summary>
public sealed class AwsActionException(string action, string errorCode, string message, Exception? inner = null)
    : Exception($"{action} failed with {errorCode}: {message}", inner)
{
    public string Action { get; } = action;
    public string ErrorCode { get; } = errorCode;
}
