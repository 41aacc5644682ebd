using Compliance.Rules;

namespace Compliance.Checker.Reporting.FrameworkReports;

/// <summary>
/// One framework's view of a scan, for an auditor: every requirement the rule pack maps to, the rules behind it with
/// how firm each mapping is, and the statuses. Built from a scan report, so it reads the same from a fresh scan, a
/// saved JSON report, or the nightly report the function writes to S3.
/// </summary>
public sealed record FrameworkReport
{
    public required string Framework { get; init; }
    public required string Name { get; init; }
    public required ScanSource Source { get; init; }
    public required DateTimeOffset ScanFinishedAt { get; init; }
    public double? Score { get; init; }
    public required FrameworkReportSummary Summary { get; init; }
    public required IReadOnlyList<FrameworkRequirement> Requirements { get; init; }

    /// <summary>The frameworks a report can be asked for: those whose requirements a rule maps to.</summary>
    public static IReadOnlyList<string> Supported { get; } = [Frameworks.PciDss40, Frameworks.CisAws30, Frameworks.AwsFsbp];

    /// <summary>The report of <paramref name="framework"/> from a scan's rule and framework summaries.</summary>
    public static FrameworkReport From(string framework, ScanSource source, DateTimeOffset finishedAt, double? score, IReadOnlyList<RuleSummary> rules, IReadOnlyList<FrameworkSummary> frameworks)
    {
        var byRule = rules.ToDictionary(r => r.RuleId, StringComparer.Ordinal);
        var summary = frameworks.FirstOrDefault(f => f.Framework == framework);
        var requirements = (summary?.Requirements ?? [])
            .Select(r => new FrameworkRequirement
            {
                ControlId = r.ControlId,
                Status = r.Status,
                NeedsAssessorConfirmation = r.Rules.All(m => m.Confidence != MappingConfidence.Published),
                Rules = [.. r.Rules.Select(m =>
                {
                    var rule = byRule.GetValueOrDefault(m.RuleId);
                    return new FrameworkRequirementRule
                    {
                        RuleId = m.RuleId,
                        Title = rule?.Title ?? "",
                        Severity = rule?.Severity,
                        Confidence = m.Confidence,
                        Status = m.Status,
                        Counts = rule?.Counts ?? new Dictionary<string, int>(),
                    };
                })],
            })
            .ToList();

        return new FrameworkReport
        {
            Framework = framework,
            Name = Frameworks.DisplayName(framework),
            Source = source,
            ScanFinishedAt = finishedAt,
            Score = score,
            Requirements = requirements,
            Summary = new FrameworkReportSummary
            {
                Requirements = requirements.Count,
                ByStatus = Enum.GetValues<ComplianceStatus>().ToDictionary(s => s.ToWireName(), s => requirements.Count(r => r.Status == s)),
                PublishedMappingOnly = requirements.Count(r => r.Rules.All(m => m.Confidence == MappingConfidence.Published)),
                NeedingAssessorConfirmation = requirements.Count(r => r.NeedsAssessorConfirmation),
            },
        };
    }

    /// <summary>The report of a framework from a full scan report.</summary>
    public static FrameworkReport From(string framework, ScanReport report) =>
        From(framework, report.Source, report.FinishedAt, report.Score, report.Rules, report.Frameworks);
}

/// <summary>Counts over the requirements of one framework report.</summary>
public sealed record FrameworkReportSummary
{
    /// <summary>Requirements at least one rule maps to (coverage; requirements no rule maps to are not listed).</summary>
    public required int Requirements { get; init; }

    /// <summary>Requirements by their combined status (worst of their rules).</summary>
    public required IReadOnlyDictionary<string, int> ByStatus { get; init; }

    /// <summary>Requirements whose every mapping is published by AWS or the framework.</summary>
    public required int PublishedMappingOnly { get; init; }

    /// <summary>Requirements backed only by inferred or proposed mappings: an assessor must confirm they apply.</summary>
    public required int NeedingAssessorConfirmation { get; init; }
}

/// <summary>One requirement: its combined status and the rules mapped to it.</summary>
public sealed record FrameworkRequirement
{
    public required string ControlId { get; init; }
    public required ComplianceStatus Status { get; init; }

    /// <summary>True when no mapping to this requirement is published: the requirement's status rests on our proposal.</summary>
    public required bool NeedsAssessorConfirmation { get; init; }
    public required IReadOnlyList<FrameworkRequirementRule> Rules { get; init; }
}

/// <summary>A rule's part in a requirement.</summary>
public sealed record FrameworkRequirementRule
{
    public required string RuleId { get; init; }
    public required string Title { get; init; }
    public Severity? Severity { get; init; }
    public required MappingConfidence Confidence { get; init; }
    public required ComplianceStatus Status { get; init; }

    /// <summary>The rule's findings by status.</summary>
    public required IReadOnlyDictionary<string, int> Counts { get; init; }
}
