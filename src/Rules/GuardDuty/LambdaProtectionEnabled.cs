using Compliance.Rules.Inventory;

namespace Compliance.Rules.GuardDuty;

/// <summary>GuardDuty Lambda Protection (LAMBDA_NETWORK_LOGS) is enabled on the detector of every covered region.</summary>
public sealed class LambdaProtectionEnabled : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.GuardDutyDetector2,
        Title = "GuardDuty Lambda Protection is enabled in every Region",
        Rationale = "Lambda Protection watches the network activity of every function invocation; without it, a function turned into a crypto miner or a command-and-control client goes unseen.",
        Severity = Severity.High,
        ResourceTypes = [ResourceTypes.GuardDutyDetector, ResourceTypes.Account],
        Modes = EvaluationModes.TemplateAndLive,
        Frameworks =
        [
            new(Frameworks.PciDss40, "11.5.1", MappingConfidence.Published),
            new(Frameworks.AwsFsbp, "GuardDuty.6", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "GUARDDUTY_LAMBDA_PROTECTION_ENABLED", MappingConfidence.Published),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context) =>
        ProtectionPlan.Evaluate(Descriptor, context, "LAMBDA_NETWORK_LOGS", "Lambda Protection");
}
