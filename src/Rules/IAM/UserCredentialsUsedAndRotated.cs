using Compliance.Rules.Inventory;
using static Compliance.Rules.IAM.IamFacts;

namespace Compliance.Rules.IAM;

/// <summary>No IAM user keeps a password or active access key unused for too long, and no active key is too old.</summary>
public sealed class UserCredentialsUsedAndRotated : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.IamUser2,
        Title = "IAM user credentials unused 45 days are disabled; access keys under 90 days",
        Rationale = "A forgotten password or key is a standing door nobody watches, and an old key has had years to leak; disabling unused credentials and rotating keys closes both.",
        Severity = Severity.Medium,
        ResourceTypes = [ResourceTypes.IamUser, ResourceTypes.IamCredentialReport],
        Modes = EvaluationModes.LiveOnly,
        Frameworks =
        [
            new(Frameworks.PciDss40, "8.2.6", MappingConfidence.Published),
            new(Frameworks.PciDss40, "8.3.9", MappingConfidence.Published),
            new(Frameworks.PciDss40, "8.6.3", MappingConfidence.Published),
            new(Frameworks.CisAws30, "1.12", MappingConfidence.Published),
            new(Frameworks.CisAws30, "1.14", MappingConfidence.Published),
            new(Frameworks.AwsSecurityHub, "IAM.22", MappingConfidence.Published),
            new(Frameworks.AwsFsbp, "IAM.8", MappingConfidence.Published),
            new(Frameworks.AwsFsbp, "IAM.3", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "IAM_USER_UNUSED_CREDENTIALS_CHECK", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "ACCESS_KEYS_ROTATED", MappingConfidence.Published),
        ],
        Parameters =
        [
            new("maxCredentialUnusedDays", "45", "A password or active access key unused for this many days or more fails."),
            new("maxAccessKeyAgeDays", "90", "An active access key created or rotated more than this many days ago fails."),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var maxUnused = context.IntParameter("maxCredentialUnusedDays");
        var maxAge = context.IntParameter("maxAccessKeyAgeDays");
        foreach (var user in context.Inventory.IamUsers)
        {
            if (user.Credentials is not { } credentials)
            {
                yield return Descriptor.Error(user.Ref, $"IAM user {user.DisplayName} is not in the credential report that was read, so its credentials' use and age are unknown.");
                continue;
            }

            var now = credentials.ReportGeneratedAt;
            var problems = new List<string>();
            var evidence = new Dictionary<string, string>
            {
                ["reportGeneratedAt"] = Text(now),
                ["passwordEnabled"] = Text(credentials.PasswordEnabled),
                ["passwordLastUsed"] = Text(credentials.PasswordLastUsed),
            };

            if (credentials.PasswordEnabled == true)
            {
                // Never used: the clock runs from when the password was set (CIS 1.12), or from the user's creation.
                var since = credentials.PasswordLastUsed ?? credentials.PasswordLastChanged ?? credentials.UserCreationTime;
                if (since is { } sinceWhen && DaysBetween(sinceWhen, now) >= maxUnused)
                {
                    problems.Add(credentials.PasswordLastUsed is null
                        ? $"its password was never used in the {DaysBetween(sinceWhen, now)} days since it was set"
                        : $"its password was last used {DaysBetween(sinceWhen, now)} days ago");
                }
            }

            foreach (var key in credentials.AccessKeys.Where(k => k.Active))
            {
                evidence[$"accessKey{key.Slot}LastRotated"] = Text(key.LastRotated);
                evidence[$"accessKey{key.Slot}LastUsedDate"] = Text(key.LastUsedDate);
                if (key.LastRotated is { } rotated && DaysBetween(rotated, now) > maxAge)
                {
                    problems.Add($"active access key {key.Slot} is {DaysBetween(rotated, now)} days old");
                }

                if ((key.LastUsedDate ?? key.LastRotated) is { } lastUse && DaysBetween(lastUse, now) >= maxUnused)
                {
                    problems.Add(key.LastUsedDate is null
                        ? $"active access key {key.Slot} was never used in {DaysBetween(lastUse, now)} days"
                        : $"active access key {key.Slot} was last used {DaysBetween(lastUse, now)} days ago");
                }
            }

            if (problems.Count > 0)
            {
                evidence["problems"] = string.Join("; ", problems);
                yield return Descriptor.Fail(user.Ref, $"IAM user {user.DisplayName}: {string.Join("; ", problems)}.", evidence);
            }
            else
            {
                yield return Descriptor.Pass(user.Ref,
                    $"IAM user {user.DisplayName} has no credential unused for {maxUnused} days and no active access key older than {maxAge} days.", evidence);
            }
        }
    }
}
