using Compliance.Rules.Inventory;
using static Compliance.Rules.IAM.IamFacts;

namespace Compliance.Rules.IAM;

/// <summary>The root user has MFA, and it is not a virtual device; an account without root credentials passes.</summary>
public sealed class RootUserHardwareMfa : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.IamAccount1,
        Title = "The root user has a hardware MFA device (or no root credentials at all)",
        Rationale = "The root user can do anything in the account and cannot be limited by IAM policies; a password alone, or a virtual MFA on a phone that can be lost or cloned, is too weak a guard for it.",
        Severity = Severity.Critical,
        ResourceTypes = [ResourceTypes.Account, ResourceTypes.IamRootUser],
        Modes = EvaluationModes.LiveOnly,
        Frameworks =
        [
            new(Frameworks.PciDss40, "8.4.2", MappingConfidence.Published),
            new(Frameworks.CisAws30, "1.5", MappingConfidence.Published),
            new(Frameworks.CisAws30, "1.6", MappingConfidence.Published),
            new(Frameworks.AwsSecurityHub, "IAM.9", MappingConfidence.Published),
            new(Frameworks.AwsFsbp, "IAM.6", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "ROOT_ACCOUNT_MFA_ENABLED", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "ROOT_ACCOUNT_HARDWARE_MFA_ENABLED", MappingConfidence.Published),
        ],
        Parameters = [new("requireHardwareMfa", "true", "Whether a virtual MFA device fails (true: CIS 1.6 / IAM.6) or any MFA passes (false: CIS 1.5 / IAM.9).")],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var requireHardware = bool.Parse(context.Parameter("requireHardwareMfa"));
        foreach (var account in context.Inventory.AccountIds)
        {
            var subject = AccountRef(account);
            if (Root(context.Inventory, account) is not { } root)
            {
                yield return Descriptor.Error(subject, $"Account {account}: the root user's credentials were not collected, so its MFA is unknown.");
                continue;
            }

            var mfa = root.MfaEnabled ?? root.CredentialReport?.MfaActive;
            var evidence = new Dictionary<string, string>
            {
                ["accountMfaEnabled"] = Text(mfa),
                ["accountPasswordPresent"] = Text(root.PasswordPresent),
                ["accountAccessKeysPresent"] = Text(root.AccessKeysPresent),
                ["virtualMfaDevices"] = root.VirtualMfaDevices is { } devices ? string.Join(",", devices) : "unknown",
            };

            if (root is { PasswordPresent: false, AccessKeysPresent: false } && root.SigningCertificatesPresent != true)
            {
                yield return Descriptor.Pass(subject,
                    $"The root user of account {account} has no password and no access keys (root credentials removed, as with centrally managed root access), so it cannot sign in at all.",
                    evidence);
                continue;
            }

            if (mfa is not { } enabled)
            {
                yield return Descriptor.Error(subject, $"Account {account}: whether the root user has MFA is unknown (the account summary and the credential report were not read).", evidence);
                continue;
            }

            if (!enabled)
            {
                yield return Descriptor.Fail(subject, $"The root user of account {account} has no MFA device, so its password alone opens the account.", evidence);
                continue;
            }

            if (!requireHardware)
            {
                yield return Descriptor.Pass(subject, $"The root user of account {account} has an MFA device.", evidence);
                continue;
            }

            if (root.VirtualMfaDevices is not { } virtualDevices)
            {
                yield return Descriptor.Error(subject, $"Account {account}: the root user has MFA, but whether it is a virtual device is unknown (virtual MFA devices were not listed).", evidence);
                continue;
            }

            yield return virtualDevices.Count > 0
                ? Descriptor.Fail(subject, $"The root user of account {account} uses the virtual MFA device {virtualDevices[0]}, not a hardware device.", evidence)
                : Descriptor.Pass(subject, $"The root user of account {account} has MFA and no virtual MFA device, so it uses a hardware device or security key.", evidence);
        }
    }
}
