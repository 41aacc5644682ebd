using Compliance.Rules.Inventory;

namespace Compliance.Rules.GuardDuty;

/// <summary>GuardDuty S3 Protection (S3_DATA_EVENTS) is enabled on the detector of every covered region.</summary>
public sealed class S3ProtectionEnabled : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.GuardDutyDetector3,
        Title = "GuardDuty S3 Protection is enabled in every Region",
        Rationale = "S3 Protection reads the data events of every bucket, so unusual reads, exfiltration and access from known-bad addresses raise findings.",
        Severity = Severity.High,
        ResourceTypes = [ResourceTypes.GuardDutyDetector, ResourceTypes.Account],
        Modes = EvaluationModes.TemplateAndLive,
        Frameworks =
        [
            new(Frameworks.PciDss40, "11.5.1", MappingConfidence.Inferred),
            new(Frameworks.AwsFsbp, "GuardDuty.10", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "GUARDDUTY_S3_PROTECTION_ENABLED", MappingConfidence.Published),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context) =>
        ProtectionPlan.Evaluate(Descriptor, context, "S3_DATA_EVENTS", "S3 Protection");
}
