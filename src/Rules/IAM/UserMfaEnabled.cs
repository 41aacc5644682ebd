using Compliance.Rules.Inventory;

namespace Compliance.Rules.IAM;

/// <summary>Every IAM user that can sign in has an MFA device.</summary>
public sealed class UserMfaEnabled : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.IamUser1,
        Title = "IAM users that can sign in have MFA enabled",
        Rationale = "A password or access key alone falls to phishing, reuse and leaks; a second factor keeps a stolen secret from opening the account.",
        Severity = Severity.Medium,
        ResourceTypes = [ResourceTypes.IamUser, ResourceTypes.IamCredentialReport],
        Modes = EvaluationModes.LiveOnly,
        Frameworks =
        [
            new(Frameworks.PciDss40, "8.4.2", MappingConfidence.Published),
            new(Frameworks.CisAws30, "1.10", MappingConfidence.Published),
            new(Frameworks.AwsFsbp, "IAM.5", MappingConfidence.Published),
            new(Frameworks.AwsSecurityHub, "IAM.19", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "MFA_ENABLED_FOR_IAM_CONSOLE_ACCESS", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "IAM_USER_MFA_ENABLED", MappingConfidence.Published),
        ],
        Parameters = [new("consoleUsersOnly", "false", "true: only users with a console password need MFA (IAM.5); false: every user with a password or an active access key does (IAM.19).")],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var consoleOnly = bool.Parse(context.Parameter("consoleUsersOnly"));
        foreach (var user in context.Inventory.IamUsers)
        {
            if (user.Credentials is not { } credentials)
            {
                yield return Descriptor.Error(user.Ref, $"IAM user {user.DisplayName} is not in the credential report that was read, so whether it has MFA is unknown.");
                continue;
            }

            var password = credentials.PasswordEnabled == true;
            var activeKeys = credentials.AccessKeys.Count(k => k.Active);
            var evidence = new Dictionary<string, string>
            {
                ["passwordEnabled"] = IamFacts.Text(credentials.PasswordEnabled),
                ["activeAccessKeys"] = IamFacts.Text(activeKeys),
                ["mfaActive"] = IamFacts.Text(credentials.MfaActive),
                ["reportGeneratedAt"] = IamFacts.Text(credentials.ReportGeneratedAt),
            };

            if (!password && (consoleOnly || activeKeys == 0))
            {
                yield return Descriptor.NotApplicable(user.Ref,
                    consoleOnly ? $"IAM user {user.DisplayName} has no console password." : $"IAM user {user.DisplayName} has neither a console password nor an active access key, so it cannot sign in.",
                    evidence);
                continue;
            }

            var means = password && activeKeys > 0 ? "a console password and active access keys" : password ? "a console password" : "active access keys";
            yield return credentials.MfaActive
                ? Descriptor.Pass(user.Ref, $"IAM user {user.DisplayName} has {means} and an MFA device.", evidence)
                : Descriptor.Fail(user.Ref, $"IAM user {user.DisplayName} has {means} but no MFA device.", evidence);
        }
    }
}
