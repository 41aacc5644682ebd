namespace Compliance.Checker.Function;

/// <summary>What an invocation asks for, after parsing. Every input maps to exactly one of these.</summary>
public abstract record FunctionRequest
{
    /// <summary>The EventBridge schedule: a full scan of the configured scope.</summary>
    public sealed record Scheduled(string? Account, string? Region, string? EventId) : FunctionRequest;

    /// <summary>
    /// A security-group API call recorded by CloudTrail: a targeted scan of the groups it touched.
    /// Groups named only by name (default VPC, older callers) are resolved to ids before the scan.
    /// </summary>
    public sealed record SecurityGroupChange(
        string Account,
        string Region,
        string EventName,
        string? EventId,
        IReadOnlyList<string> GroupIds,
        IReadOnlyList<string> GroupNames,
        IReadOnlyList<string> RuleIds) : FunctionRequest;

    /// <summary>An on-demand request (dotnet lambda invoke-function, aws lambda invoke, compliance invoke).</summary>
    public sealed record OnDemand(
        IReadOnlyList<string> Rules,
        IReadOnlyList<string> Exclude,
        IReadOnlyList<string> Regions,
        RemediationMode? Remediation,
        IReadOnlyList<string> SecurityGroupIds) : FunctionRequest;

    /// <summary>A well-formed event that needs no scan (the API call failed: errorCode is set).</summary>
    public sealed record Ignored(string Reason) : FunctionRequest;

    /// <summary>Input the function does not understand: malformed JSON or an unknown event.</summary>
    public sealed record Invalid(string Reason) : FunctionRequest;
}
