using Compliance.Rules.Inventory;

namespace Compliance.Rules.CloudTrail;

/// <summary>Trails have log file integrity validation enabled (signed digest files).</summary>
public sealed class TrailLogFileValidationEnabled : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.CloudTrailTrail3,
        Title = "Trails have log file integrity validation enabled",
        Rationale = "Signed hourly digest files let an investigator prove that no log file was changed or deleted after delivery; without them tampering with the audit trail goes unnoticed.",
        Severity = Severity.Low,
        ResourceTypes = [ResourceTypes.Trail],
        Modes = EvaluationModes.TemplateAndLive,
        Frameworks =
        [
            new(Frameworks.PciDss40, "10.3.2", MappingConfidence.Inferred),
            new(Frameworks.PciDss40, "10.3.4", MappingConfidence.Proposed),
            new(Frameworks.CisAws30, "3.2", MappingConfidence.Published),
            new(Frameworks.AwsFsbp, "CloudTrail.4", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED", MappingConfidence.Published),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        foreach (var trail in TrailFacts.Distinct(context.Inventory))
        {
            var evidence = TrailFacts.Evidence(trail);
            evidence["logFileValidationEnabled"] = trail.LogFileValidationEnabled ? "true" : "false";
            yield return trail.LogFileValidationEnabled
                ? Descriptor.Pass(trail.Ref, $"{TrailFacts.Subject(trail)} has log file integrity validation enabled.", evidence)
                : Descriptor.Fail(trail.Ref, $"{TrailFacts.Subject(trail)} has log file integrity validation disabled, so changes to delivered log files cannot be detected.", evidence);
        }
    }
}
