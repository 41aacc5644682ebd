using Compliance.Rules.Inventory;

namespace Compliance.Rules.EC2;

/// <summary>EBS encryption by default is on in every region of every account.</summary>
public sealed class AccountEbsEncryptionByDefault : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.Ec2Account2,
        Title = "EBS encryption by default is enabled in every region",
        Rationale = "With encryption by default on, every new volume and snapshot copy in the region is encrypted whatever the launch request says, so no one can create unencrypted storage by omission.",
        Severity = Severity.Medium,
        ResourceTypes = [ResourceTypes.Account, ResourceTypes.EbsEncryptionByDefault],
        Modes = EvaluationModes.LiveOnly,
        Frameworks =
        [
            new(Frameworks.PciDss40, "3.5.1", MappingConfidence.Published),
            new(Frameworks.CisAws30, "2.2.1", MappingConfidence.Published),
            new(Frameworks.AwsFsbp, "EC2.7", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "EC2_EBS_ENCRYPTION_BY_DEFAULT", MappingConfidence.Published),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        foreach (var (accountId, region) in context.Inventory.AccountRegions())
        {
            var subject = new ResourceRef(ResourceTypes.Account, accountId, null, region, accountId);
            var settings = context.Inventory.RegionSettings.FirstOrDefault(s => s.AccountId == accountId && s.Region == region);
            if (settings is null)
            {
                yield return Descriptor.Error(subject, $"Account {accountId} in {region}: the EBS encryption-by-default setting was not collected.");
                continue;
            }

            if (settings.EbsEncryptionByDefault is not { } enabled)
            {
                yield return Descriptor.Error(subject, $"Account {accountId} in {region}: whether EBS encryption by default is enabled is unknown.");
                continue;
            }

            var evidence = new Dictionary<string, string> { ["ebsEncryptionByDefault"] = enabled ? "true" : "false" };
            if (settings.EbsDefaultKmsKeyId is not null)
            {
                evidence["ebsDefaultKmsKeyId"] = settings.EbsDefaultKmsKeyId;
            }

            if (enabled)
            {
                var key = settings.EbsDefaultKmsKeyId is null ? "" : $" with key {settings.EbsDefaultKmsKeyId}";
                yield return Descriptor.Pass(subject, $"Account {accountId} has EBS encryption by default enabled in {region}{key}.", evidence);
            }
            else
            {
                yield return Descriptor.Fail(subject, $"Account {accountId} has EBS encryption by default disabled in {region}, so new volumes there can be created unencrypted.", evidence);
            }
        }
    }
}
