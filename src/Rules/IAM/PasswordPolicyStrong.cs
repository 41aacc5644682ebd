using Compliance.Rules.Inventory;

namespace Compliance.Rules.IAM;

/// <summary>The IAM account password policy requires long, complex, unrepeated and expiring passwords.</summary>
public sealed class PasswordPolicyStrong : IComplianceRule
{
    /// <summary>Evidence keys of a FAIL: the values the rule requires (0 = not checked; the classes as API member names).</summary>
    internal const string RequiredMinimumLength = "requiredMinimumPasswordLength";
    internal const string RequiredReusePrevention = "requiredPasswordReusePrevention";
    internal const string RequiredMaxAge = "requiredMaxPasswordAge";
    internal const string RequiredCharacterClasses = "requiredCharacterClasses";

    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.IamAccount3,
        Title = "IAM password policy enforces length, complexity, reuse prevention and expiry",
        Rationale = "IAM user passwords are a console credential; short, simple, reused or never-changing passwords fall to guessing and credential stuffing.",
        Severity = Severity.Medium,
        ResourceTypes = [ResourceTypes.Account, ResourceTypes.PasswordPolicy],
        Modes = EvaluationModes.LiveOnly,
        Frameworks =
        [
            new(Frameworks.PciDss40, "8.3.6", MappingConfidence.Published),
            new(Frameworks.PciDss40, "8.3.7", MappingConfidence.Published),
            new(Frameworks.PciDss40, "8.3.9", MappingConfidence.Published),
            new(Frameworks.PciDss40, "8.3.10.1", MappingConfidence.Published),
            new(Frameworks.CisAws30, "1.8", MappingConfidence.Published),
            new(Frameworks.CisAws30, "1.9", MappingConfidence.Published),
            new(Frameworks.AwsFsbp, "IAM.7", MappingConfidence.Published),
            new(Frameworks.AwsSecurityHub, "IAM.15", MappingConfidence.Published),
            new(Frameworks.AwsSecurityHub, "IAM.16", MappingConfidence.Published),
            new(Frameworks.AwsSecurityHub, "IAM.11", MappingConfidence.Published),
            new(Frameworks.AwsSecurityHub, "IAM.12", MappingConfidence.Published),
            new(Frameworks.AwsSecurityHub, "IAM.14", MappingConfidence.Published),
            new(Frameworks.AwsSecurityHub, "IAM.17", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "IAM_PASSWORD_POLICY", MappingConfidence.Published),
        ],
        Parameters =
        [
            new("minimumLength", "14", "The shortest MinimumPasswordLength accepted."),
            new("passwordReusePrevention", "24", "The fewest previous passwords that must be remembered; 0 means reuse is not checked."),
            new("maxPasswordAgeDays", "90", "The longest MaxPasswordAge accepted, in days; 0 means expiry is not checked."),
            new("requireSymbols", "true", "Whether RequireSymbols must be set."),
            new("requireNumbers", "true", "Whether RequireNumbers must be set."),
            new("requireUppercase", "true", "Whether RequireUppercaseCharacters must be set."),
            new("requireLowercase", "true", "Whether RequireLowercaseCharacters must be set."),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var minimumLength = context.IntParameter("minimumLength");
        var reuse = context.IntParameter("passwordReusePrevention");
        var maxAge = context.IntParameter("maxPasswordAgeDays");
        var characterClasses = new (string Parameter, string Name, Func<PasswordPolicy, bool> Required)[]
        {
            ("requireSymbols", "symbols", p => p.RequireSymbols),
            ("requireNumbers", "numbers", p => p.RequireNumbers),
            ("requireUppercase", "uppercase letters", p => p.RequireUppercaseCharacters),
            ("requireLowercase", "lowercase letters", p => p.RequireLowercaseCharacters),
        }.Where(c => bool.Parse(context.Parameter(c.Parameter))).ToList();

        // What the rule requires, carried on every FAIL so the remediation applies these values (parameter overrides included).
        var required = new Dictionary<string, string>
        {
            [RequiredMinimumLength] = Text(minimumLength),
            [RequiredReusePrevention] = Text(reuse),
            [RequiredMaxAge] = Text(maxAge),
            [RequiredCharacterClasses] = string.Join(",", new[]
            {
                ("requireSymbols", "RequireSymbols"), ("requireNumbers", "RequireNumbers"),
                ("requireUppercase", "RequireUppercaseCharacters"), ("requireLowercase", "RequireLowercaseCharacters"),
            }.Where(c => bool.Parse(context.Parameter(c.Item1))).Select(c => c.Item2)),
        };

        foreach (var account in context.Inventory.AccountIds)
        {
            var accountRef = new ResourceRef(ResourceTypes.Account, account, null, "global", account);
            var policy = context.Inventory.PasswordPolicies.FirstOrDefault(p => p.AccountId == account);
            if (policy is null)
            {
                yield return Descriptor.Error(accountRef, $"Account {account}: the IAM password policy was not collected, so its strength is unknown.");
                continue;
            }

            if (!policy.Configured)
            {
                yield return Descriptor.Fail(accountRef,
                    $"Account {account} has no IAM password policy, so the AWS default policy applies, which prevents no password reuse and never expires passwords.",
                    new Dictionary<string, string>(required) { ["configured"] = "false" });
                continue;
            }

            var evidence = new Dictionary<string, string>
            {
                ["configured"] = "true",
                ["minimumPasswordLength"] = Text(policy.MinimumPasswordLength),
                ["requireSymbols"] = Lower(policy.RequireSymbols),
                ["requireNumbers"] = Lower(policy.RequireNumbers),
                ["requireUppercaseCharacters"] = Lower(policy.RequireUppercaseCharacters),
                ["requireLowercaseCharacters"] = Lower(policy.RequireLowercaseCharacters),
                ["passwordReusePrevention"] = policy.PasswordReusePrevention is { } reusePrevention ? Text(reusePrevention) : "none",
                ["expirePasswords"] = Lower(policy.ExpirePasswords),
                ["maxPasswordAge"] = policy.MaxPasswordAge is { } passwordAge ? Text(passwordAge) : "none",
            };

            var unmet = new List<string>();
            if (policy.MinimumPasswordLength < minimumLength)
            {
                unmet.Add($"minimum length is {policy.MinimumPasswordLength}, below {minimumLength}");
            }

            unmet.AddRange(characterClasses.Where(c => !c.Required(policy)).Select(c => $"{c.Name} are not required"));

            if (reuse > 0)
            {
                if (policy.PasswordReusePrevention is not { } remembered || remembered <= 0)
                {
                    unmet.Add($"password reuse is not prevented ({reuse} previous passwords required)");
                }
                else if (remembered < reuse)
                {
                    unmet.Add($"only {remembered} previous passwords are remembered, fewer than {reuse}");
                }
            }

            if (maxAge > 0)
            {
                if (policy.MaxPasswordAge is not { } days || days <= 0)
                {
                    unmet.Add($"passwords never expire (at most {maxAge} days required)");
                }
                else if (days > maxAge)
                {
                    unmet.Add($"passwords expire after {days} days, more than {maxAge}");
                }
            }

            if (unmet.Count > 0)
            {
                evidence["unmetRequirements"] = string.Join("; ", unmet);
                foreach (var (key, value) in required)
                {
                    evidence[key] = value;
                }

                yield return Descriptor.Fail(accountRef, $"The IAM password policy of account {account} is too weak: {string.Join("; ", unmet)}.", evidence);
                continue;
            }

            yield return Descriptor.Pass(accountRef, $"The IAM password policy of account {account} requires at least {policy.MinimumPasswordLength} characters"
                + (characterClasses.Count > 0 ? $" with {string.Join(", ", characterClasses.Select(c => c.Name))}" : "")
                + (reuse > 0 ? $", remembers {policy.PasswordReusePrevention} previous passwords" : "")
                + (maxAge > 0 ? $" and expires passwords after {policy.MaxPasswordAge} days" : "")
                + ".", evidence);
        }
    }

    private static string Text(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Lower(bool value) => value ? "true" : "false";
}
