using Compliance.Rules.KMS;
using Compliance.Rules.Inventory;

namespace Compliance.Rules.Logs;

/// <summary>Every log group is encrypted with a customer managed KMS key.</summary>
public sealed class LogGroupEncryptedWithCustomerKey : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.LogsLogGroup1,
        Title = "Log groups are encrypted with a customer managed KMS key",
        Rationale = "Log events often carry identifiers and request data; a customer managed key lets the owner decide who can read them and revoke that access by changing one key policy.",
        Severity = Severity.Medium,
        ResourceTypes = [ResourceTypes.LogGroup],
        Modes = EvaluationModes.TemplateAndLive,
        Frameworks =
        [
            new(Frameworks.PciDss40, "3.5.1", MappingConfidence.Proposed),
            new(Frameworks.PciDss40, "10.3.2", MappingConfidence.Proposed),
            new(Frameworks.AwsConfig, "CLOUDWATCH_LOG_GROUP_ENCRYPTED", MappingConfidence.Published),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        foreach (var group in context.Inventory.LogGroups)
        {
            var evidence = new Dictionary<string, string> { ["kmsKeyId"] = group.KmsKeyId ?? "none" };
            yield return CustomerKeyVerdict.Judge(
                Descriptor, group.Ref, $"Log group {group.DisplayName}", context.Index.ResolveKey(group.KmsKeyId, group.Region, group.AccountId),
                () => Descriptor.Fail(group.Ref, $"Log group {group.DisplayName} has no KMS key and relies on CloudWatch Logs service-managed encryption only.", evidence),
                evidence);
        }
    }
}
