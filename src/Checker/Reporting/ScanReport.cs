using Compliance.Rules;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Reporting;

/// <summary>
/// The full result of one scan: the document written as JSON to S3 and by --format json.
/// Its shape is versioned by <see cref="SchemaVersion"/> and documented in docs/report-format.md.
/// </summary>
public sealed record ScanReport
{
    public const string CurrentSchemaVersion = "1.0";

    public string SchemaVersion { get; init; } = CurrentSchemaVersion;
    public required string ScanId { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required DateTimeOffset FinishedAt { get; init; }
    public required ToolInfo Tool { get; init; }
    public required ScanSource Source { get; init; }
    public required ScanScope Scope { get; init; }

    /// <summary>100 × Σw·PASS / Σw·(PASS+FAIL+ERROR); null when nothing was scored.</summary>
    public double? Score { get; init; }

    public required ReportSummary Summary { get; init; }
    public required IReadOnlyList<RuleSummary> Rules { get; init; }
    public required IReadOnlyList<FrameworkSummary> Frameworks { get; init; }
    public required IReadOnlyList<Finding> Findings { get; init; }
    public required IReadOnlyList<CollectionError> CollectionErrors { get; init; }
    public required IReadOnlyList<CoverageEntry> Coverage { get; init; }

    /// <summary>What remediation planned or did (before, actions, after, result), when it ran.</summary>
    public Remediation.RemediationRun? Remediation { get; init; }

    /// <summary>Live scans: collection time per service and region, and API calls by operation.</summary>
    public Live.CollectionStats? Collection { get; init; }

    /// <summary>True when some data could not be collected, so some verdicts are ERROR.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Incomplete => CollectionErrors.Count > 0;
}

public sealed record ToolInfo(string Name, string Version);

/// <summary>Where the inventory came from: kind "live", "snapshot" or "template", and the file or endpoint.</summary>
public sealed record ScanSource(string Kind, string Location);

public sealed record ScanScope(IReadOnlyList<string> AccountIds, IReadOnlyList<string> Regions, IReadOnlyList<string> RuleIds);

/// <summary>Counts by status, and by severity then status (wire names as keys).</summary>
public sealed record ReportSummary(
    int Total,
    IReadOnlyDictionary<string, int> ByStatus,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> BySeverity);

/// <summary>One rule's results.</summary>
public sealed record RuleSummary
{
    public required string RuleId { get; init; }
    public required string Title { get; init; }
    public required string Rationale { get; init; }
    public required Severity Severity { get; init; }
    public required IReadOnlyDictionary<string, int> Counts { get; init; }

    /// <summary>The rule's overall status: FAIL if any fail, else ERROR if any error, else PASS if any pass, else NOT_APPLICABLE.</summary>
    public required ComplianceStatus Status { get; init; }
    public required string HelpLink { get; init; }
}

/// <summary>One framework's requirements, each with the rules mapped to it and their combined status.</summary>
public sealed record FrameworkSummary(string Framework, string Name, IReadOnlyList<RequirementSummary> Requirements);

public sealed record RequirementSummary(
    string ControlId,
    ComplianceStatus Status,
    IReadOnlyList<RequirementRule> Rules);

/// <summary>A rule's part in a requirement, with how firm that mapping is.</summary>
public sealed record RequirementRule(string RuleId, MappingConfidence Confidence, ComplianceStatus Status);

/// <summary>What was collected of one resource type in one region, and why not when it was not.</summary>
public sealed record CoverageEntry(string ResourceType, string Region, int Count, bool Complete, string? Error);
