using Compliance.Rules.Inventory;
using Compliance.Rules.Policies;

namespace Compliance.Rules.KMS;

/// <summary>No key policy statement allows a public principal without a condition that pins the caller.</summary>
public sealed class KeyPolicyNotPublic : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.KmsKey3,
        Title = "KMS key policies grant nothing to the public",
        Rationale = "A key policy that allows any principal lets callers in every AWS account use or manage the key, and with it decrypt the data it protects.",
        Severity = Severity.Critical,
        ResourceTypes = [ResourceTypes.KmsKey],
        Modes = EvaluationModes.TemplateAndLive,
        Frameworks =
        [
            new(Frameworks.PciDss40, "3.6.1", MappingConfidence.Proposed),
            new(Frameworks.PciDss40, "7.2.1", MappingConfidence.Proposed),
            new(Frameworks.AwsFsbp, "KMS.5", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "KMS_KEY_POLICY_NO_PUBLIC_ACCESS", MappingConfidence.Published),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        foreach (var key in context.Inventory.KmsKeys)
        {
            var evidence = KmsKeyFacts.Evidence(key);
            if (key.Policy is null)
            {
                yield return Descriptor.Error(key.Ref, $"KMS key {key.DisplayName}: its key policy could not be read.", evidence);
                continue;
            }

            var publicStatements = key.Policy.Statements
                .Select((statement, index) => (statement, index))
                .Where(s => s.statement.IsPublicAllow())
                .ToList();

            if (publicStatements.Count == 0)
            {
                yield return Descriptor.Pass(key.Ref, $"KMS key {key.DisplayName} has a key policy in which every Allow names fixed principals or is restricted by a fixed-value condition.", evidence);
                continue;
            }

            var (first, firstIndex) = publicStatements[0];
            evidence["publicStatements"] = string.Join(",", publicStatements.Select(s => KmsKeyFacts.Label(s.statement, s.index)));
            evidence["actions"] = first.NotActions.Count > 0 ? "NotAction " + string.Join(",", first.NotActions) : string.Join(",", first.Actions);
            evidence["principal"] = first.NotPrincipal is not null ? "NotPrincipal" : "*";
            yield return Descriptor.Fail(key.Ref, $"KMS key {key.DisplayName} has a key policy statement {KmsKeyFacts.Label(first, firstIndex)} that allows {evidence["actions"]} to any principal with no condition restricting the caller.", evidence);
        }
    }
}
