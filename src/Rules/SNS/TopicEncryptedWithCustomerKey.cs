using Compliance.Rules.KMS;
using Compliance.Rules.Inventory;

namespace Compliance.Rules.SNS;

/// <summary>Topics are encrypted at rest with a customer managed KMS key.</summary>
public sealed class TopicEncryptedWithCustomerKey : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.SnsTopic1,
        Title = "SNS topics are encrypted with a customer managed KMS key",
        Rationale = "Messages held by a topic can carry sensitive data; a customer managed key lets the owner control, audit and revoke who may publish and read through its key policy, which the AWS managed key aws/sns does not allow.",
        Severity = Severity.Medium,
        ResourceTypes = [ResourceTypes.SnsTopic],
        Modes = EvaluationModes.TemplateAndLive,
        Frameworks =
        [
            new(Frameworks.PciDss40, "3.5.1", MappingConfidence.Proposed),
            new(Frameworks.AwsSecurityHub, "SNS.1", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "SNS_ENCRYPTED_KMS", MappingConfidence.Published),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        foreach (var topic in context.Inventory.SnsTopics)
        {
            if (topic.Attributes is null)
            {
                yield return Descriptor.Error(topic.Ref, $"SNS topic {topic.DisplayName}: its attributes could not be read.");
                continue;
            }

            var keyId = topic.Attributes.KmsMasterKeyId;
            var evidence = new Dictionary<string, string> { ["kmsMasterKeyId"] = keyId ?? "none" };
            yield return CustomerKeyVerdict.Judge(
                Descriptor, topic.Ref, $"SNS topic {topic.DisplayName}", context.Index.ResolveKey(keyId, topic.Region, topic.AccountId),
                () => Descriptor.Fail(topic.Ref, $"SNS topic {topic.DisplayName} is not encrypted at rest (no KmsMasterKeyId).", evidence),
                evidence);
        }
    }
}
