namespace Compliance.Rules;

/// <summary>The verdict of one rule on one resource.</summary>
public sealed record Finding
{
    /// <summary>The rule's catalog id, e.g. "EC2.SecurityGroup.2".</summary>
    public required string RuleId { get; init; }

    /// <summary>The verdict.</summary>
    public required ComplianceStatus Status { get; init; }

    /// <summary>The rule's severity; scored for FAIL and ERROR.</summary>
    public required Severity Severity { get; init; }

    /// <summary>The resource judged.</summary>
    public required ResourceRef Resource { get; init; }

    /// <summary>One sentence naming the resource and the reason.</summary>
    public required string Message { get; init; }

    /// <summary>The settings read and the exact offending values, as data.</summary>
    public IReadOnlyDictionary<string, string> Evidence { get; init; } = StringMap.Empty;

    /// <summary>Where the resource is declared, when the inventory came from a template.</summary>
    public SourceLocation? Location { get; init; }
}

/// <summary>A place in a source file (a template resource).</summary>
/// <param name="File">The file path as given to the scan.</param>
/// <param name="LogicalId">The resource's logical id.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
public sealed record SourceLocation(string File, string LogicalId, int Line, int Column);
