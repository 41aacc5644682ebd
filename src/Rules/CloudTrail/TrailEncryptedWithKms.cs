using Compliance.Rules.Inventory;

namespace Compliance.Rules.CloudTrail;

/// <summary>Trails encrypt their log files with SSE-KMS (a KMS key set on the trail) rather than only SSE-S3.</summary>
public sealed class TrailEncryptedWithKms : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.CloudTrailTrail2,
        Title = "Trails encrypt log files with SSE-KMS using a customer managed key",
        Rationale = "With SSE-KMS, reading the audit trail needs kms:Decrypt under a key policy the security team controls, so access to the log bucket alone does not reveal the activity record.",
        Severity = Severity.Medium,
        ResourceTypes = [ResourceTypes.Trail, ResourceTypes.KmsKey],
        Modes = EvaluationModes.TemplateAndLive,
        Frameworks =
        [
            new(Frameworks.PciDss40, "10.3.2", MappingConfidence.Published),
            new(Frameworks.CisAws30, "3.5", MappingConfidence.Published),
            new(Frameworks.AwsFsbp, "CloudTrail.2", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "CLOUD_TRAIL_ENCRYPTION_ENABLED", MappingConfidence.Published),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        foreach (var trail in TrailFacts.Distinct(context.Inventory))
        {
            var subject = TrailFacts.Subject(trail);
            var evidence = TrailFacts.Evidence(trail);
            evidence["kmsKeyId"] = trail.KmsKeyId ?? "";
            if (string.IsNullOrWhiteSpace(trail.KmsKeyId))
            {
                yield return Descriptor.Fail(trail.Ref, $"{subject} has no KMS key, so its log files are encrypted only with SSE-S3.", evidence);
                continue;
            }

            // CloudTrail accepts only customer managed symmetric keys, so a key set on the trail is one; the inventory
            // can still show that the key is AWS managed (a template naming alias/aws/...) or no longer usable.
            var key = context.Index.ResolveKey(trail.KmsKeyId, trail.Region, trail.AccountId);
            evidence["keyOwnership"] = key.Ownership.ToString();
            if (key.Key?.KeyState is { } state)
            {
                evidence["keyState"] = state;
            }

            if (key.Ownership == KeyOwnership.AwsManaged)
            {
                yield return Descriptor.Fail(trail.Ref, $"{subject} names the AWS managed key {trail.KmsKeyId}, which CloudTrail cannot use; log files need a customer managed key.", evidence);
            }
            else if (key.Key?.KeyState is { } keyState && keyState != "Enabled")
            {
                yield return Descriptor.Fail(trail.Ref, $"{subject} encrypts with KMS key {trail.KmsKeyId}, which is {keyState}, so CloudTrail cannot encrypt and deliver new log files.", evidence);
            }
            else
            {
                yield return Descriptor.Pass(trail.Ref, $"{subject} encrypts its log files with SSE-KMS using key {trail.KmsKeyId}.", evidence);
            }
        }
    }
}
