using Compliance.Rules.Inventory;
using static Compliance.Rules.IAM.IamFacts;

namespace Compliance.Rules.IAM;

/// <summary>The root user has no access keys, active or inactive.</summary>
public sealed class RootUserNoAccessKeys : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.IamAccount2,
        Title = "The root user has no access keys",
        Rationale = "A root access key is a long-lived secret that signs any API call with unlimited power and no MFA; nothing in the account should ever need one.",
        Severity = Severity.Critical,
        ResourceTypes = [ResourceTypes.Account, ResourceTypes.IamRootUser],
        Modes = EvaluationModes.LiveOnly,
        Frameworks =
        [
            new(Frameworks.PciDss40, "7.2.1", MappingConfidence.Proposed),
            new(Frameworks.PciDss40, "8.2.2", MappingConfidence.Proposed),
            new(Frameworks.CisAws30, "1.4", MappingConfidence.Published),
            new(Frameworks.AwsFsbp, "IAM.4", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "IAM_ROOT_ACCESS_KEY_CHECK", MappingConfidence.Published),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        foreach (var account in context.Inventory.AccountIds)
        {
            var subject = AccountRef(account);
            if (Root(context.Inventory, account) is not { } root)
            {
                yield return Descriptor.Error(subject, $"Account {account}: the root user's credentials were not collected, so its access keys are unknown.");
                continue;
            }

            var activeSlots = root.CredentialReport?.AccessKeys.Where(k => k.Active).Select(k => k.Slot).ToList() ?? [];
            var evidence = new Dictionary<string, string>
            {
                ["accountAccessKeysPresent"] = Text(root.AccessKeysPresent),
                ["activeKeySlots"] = root.CredentialReport is null ? "unknown" : string.Join(",", activeSlots),
            };

            switch (root.AccessKeysPresent)
            {
                case true:
                    yield return Descriptor.Fail(subject,
                        $"The root user of account {account} has access keys" + (activeSlots.Count > 0 ? $" ({activeSlots.Count} active)" : "") + ", which sign any API call with unlimited power.",
                        evidence);
                    break;
                case false:
                    yield return Descriptor.Pass(subject, $"The root user of account {account} has no access keys.", evidence);
                    break;
                case null when activeSlots.Count > 0:
                    yield return Descriptor.Fail(subject, $"The credential report shows {activeSlots.Count} active access key(s) for the root user of account {account}.", evidence);
                    break;
                default:
                    // The credential report shows only active keys: an inactive key would not appear, so it cannot prove there are none.
                    yield return Descriptor.Error(subject, $"Account {account}: whether the root user has access keys is unknown (the account summary was not read).", evidence);
                    break;
            }
        }
    }
}
