using Compliance.Rules.Inventory;

namespace Compliance.Rules.EC2;

/// <summary>Every EBS volume, attached or not, is encrypted.</summary>
public sealed class VolumeEncrypted : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.Ec2Volume1,
        Title = "EBS volumes are encrypted, attached or not",
        Rationale = "An unencrypted volume leaves its data, and every snapshot taken of it, readable by anyone who gets hold of the blocks; detached volumes are easily forgotten copies of production data.",
        Severity = Severity.Medium,
        ResourceTypes = [ResourceTypes.Volume],
        Frameworks =
        [
            new(Frameworks.PciDss40, "3.5.1", MappingConfidence.Proposed),
            new(Frameworks.AwsFsbp, "EC2.3", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "ENCRYPTED_VOLUMES", MappingConfidence.Published),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        foreach (var volume in context.Inventory.Volumes)
        {
            var attachment = volume.AttachedInstanceIds.Count == 0 ? "unattached" : $"attached to {string.Join(", ", volume.AttachedInstanceIds)}";
            var evidence = new Dictionary<string, string>
            {
                ["encrypted"] = volume.Encrypted ? "true" : "false",
                ["attachedInstanceIds"] = string.Join(",", volume.AttachedInstanceIds),
            };
            if (volume.State is not null)
            {
                evidence["state"] = volume.State;
            }

            if (volume.KmsKeyId is not null)
            {
                evidence["kmsKeyId"] = volume.KmsKeyId;
            }

            if (volume.Encrypted)
            {
                var key = volume.KmsKeyId is null ? "" : $" with key {volume.KmsKeyId}";
                yield return Descriptor.Pass(volume.Ref, $"EBS volume {volume.DisplayName} ({attachment}) is encrypted{key}.", evidence);
            }
            else
            {
                yield return Descriptor.Fail(volume.Ref, $"EBS volume {volume.DisplayName} ({attachment}) is not encrypted.", evidence);
            }
        }
    }
}
