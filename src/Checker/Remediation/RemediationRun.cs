using Compliance.Checker.Function;
using Compliance.Rules;

namespace Compliance.Checker.Remediation;

/// <summary>What happened to one FAIL finding a remediation exists for.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<RemediationStatus>))]
public enum RemediationStatus
{
    /// <summary>Dry run: this would be done.</summary>
    Planned,
    /// <summary>Enforce: done and re-verified.</summary>
    Applied,
    /// <summary>Enforce: tried and failed, or re-verification showed it did not hold.</summary>
    Failed,
    /// <summary>Not attempted: not allow-listed, suppressed, exempt by tag, over the cap, or the fix cannot safely apply.</summary>
    Skipped,
}

/// <summary>One remediation decision, recorded before and after, for the report and the summary.</summary>
public sealed record RemediationRecord
{
    public required string RuleId { get; init; }
    public required ResourceRef Resource { get; init; }
    public required RemediationStatus Outcome { get; init; }

    /// <summary>Why it was skipped or failed; what was done otherwise.</summary>
    public required string Detail { get; init; }

    public RemediationPlan? Plan { get; init; }
    public IReadOnlyDictionary<string, string>? Before { get; init; }
    public IReadOnlyDictionary<string, string>? After { get; init; }
}

/// <summary>The remediation part of one scan.</summary>
public sealed record RemediationRun(RemediationMode Mode, IReadOnlyList<RemediationRecord> Records)
{
    public int Count(RemediationStatus outcome) => Records.Count(r => r.Outcome == outcome);
}
