using Compliance.Rules.Inventory;
using Compliance.Rules.KMS;

namespace Compliance.Rules.SecretsManager;

/// <summary>Secrets are encrypted with a customer managed KMS key (optionally one of a configured set), not aws/secretsmanager.</summary>
public sealed class SecretEncryptedWithCustomerKey : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.SecretsManagerSecret3,
        Title = "Secrets are encrypted with a customer managed KMS key",
        Rationale = "With the AWS managed key aws/secretsmanager, anyone the account lets call Secrets Manager can decrypt; a customer managed key's policy decides who may, and can be revoked or audited on its own.",
        Severity = Severity.Medium,
        ResourceTypes = [ResourceTypes.Secret],
        Modes = EvaluationModes.TemplateAndLive,
        Frameworks =
        [
            new(Frameworks.PciDss40, "3.5.1", MappingConfidence.Proposed),
            new(Frameworks.PciDss40, "8.3.2", MappingConfidence.Proposed),
            new(Frameworks.AwsConfig, "SECRETSMANAGER_USING_CMK", MappingConfidence.Published),
        ],
        Parameters =
        [
            new("kmsKeyArns", "", "Comma-separated key ARNs (or alias names) secrets must use; empty accepts any customer managed key."),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var allowed = context.ListParameter("kmsKeyArns");
        foreach (var secret in context.Inventory.Secrets)
        {
            var evidence = new Dictionary<string, string> { ["kmsKeyId"] = secret.KmsKeyId ?? "none (aws/secretsmanager)" };
            var key = context.Index.ResolveKey(secret.KmsKeyId, secret.Region, secret.AccountId);
            var subject = $"Secret {secret.DisplayName}";
            var verdict = CustomerKeyVerdict.Judge(Descriptor, secret.Ref, subject, key,
                () => Descriptor.Fail(secret.Ref, $"{subject} is encrypted with the AWS managed key aws/secretsmanager (no KmsKeyId).", evidence),
                evidence);
            if (verdict.Status != ComplianceStatus.Pass || allowed.Count == 0)
            {
                yield return verdict;
                continue;
            }

            evidence["kmsKeyArns"] = string.Join(",", allowed);
            var names = new[] { key.Reference, key.Key?.Arn, key.Key?.Id }.Concat(key.Key?.Aliases ?? []).OfType<string>();
            yield return names.Any(n => allowed.Contains(n, StringComparer.Ordinal))
                ? verdict
                : Descriptor.Fail(secret.Ref, $"{subject} is encrypted with the customer managed key {key.Reference}, which is not one of the keys allowed for secrets ({string.Join(", ", allowed)}).", evidence);
        }
    }
}
