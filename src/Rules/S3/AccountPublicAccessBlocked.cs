using Compliance.Rules.Inventory;

namespace Compliance.Rules.S3;

/// <summary>Account-level S3 Block Public Access has all four settings on.</summary>
public sealed class AccountPublicAccessBlocked : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.S3Account1,
        Title = "Account-level S3 Block Public Access has all four settings on",
        Rationale = "The account-level block overrides every bucket's own settings, so one misconfigured bucket policy or ACL cannot expose data to the internet.",
        Severity = Severity.Medium,
        ResourceTypes = [ResourceTypes.Account, ResourceTypes.AccountPublicAccessBlock],
        Modes = EvaluationModes.LiveOnly,
        Frameworks =
        [
            new(Frameworks.PciDss40, "1.4.4", MappingConfidence.Published),
            new(Frameworks.CisAws30, "2.1.4", MappingConfidence.Published),
            new(Frameworks.AwsFsbp, "S3.1", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "S3_ACCOUNT_LEVEL_PUBLIC_ACCESS_BLOCKS_PERIODIC", MappingConfidence.Published),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        foreach (var accountId in context.Inventory.AccountIds)
        {
            var account = new ResourceRef(ResourceTypes.Account, accountId, null, "global", accountId);
            var record = context.Inventory.AccountPublicAccessBlocks.FirstOrDefault(a => a.AccountId == accountId);
            if (record is null)
            {
                yield return Descriptor.Error(account, $"Account {accountId}: its account-level S3 Block Public Access settings were not collected.");
                continue;
            }

            if (record.Settings is not { } settings)
            {
                yield return Descriptor.Error(account, $"Account {accountId}: its account-level S3 Block Public Access settings could not be read.");
                continue;
            }

            var evidence = new Dictionary<string, string>
            {
                ["blockPublicAcls"] = Text(settings.BlockPublicAcls),
                ["ignorePublicAcls"] = Text(settings.IgnorePublicAcls),
                ["blockPublicPolicy"] = Text(settings.BlockPublicPolicy),
                ["restrictPublicBuckets"] = Text(settings.RestrictPublicBuckets),
            };

            if (settings.AllBlocked)
            {
                yield return Descriptor.Pass(account, $"Account {accountId} has all four account-level S3 Block Public Access settings on.", evidence);
                continue;
            }

            var disabled = settings.Disabled();
            evidence["disabledSettings"] = string.Join(",", disabled);
            yield return Descriptor.Fail(account, $"Account {accountId} has account-level S3 Block Public Access settings off: {string.Join(", ", disabled)}.", evidence);
        }
    }

    private static string Text(bool value) => value ? "true" : "false";
}
