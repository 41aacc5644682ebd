using System.Globalization;
using Compliance.Rules.Inventory;

namespace Compliance.Rules.SecretsManager;

/// <summary>No secret has gone unretrieved for longer than unusedForDays days.</summary>
public sealed class SecretNotUnused : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.SecretsManagerSecret4,
        Title = "No secret has gone unused for more than 90 days",
        Rationale = "A credential nobody retrieves is one nobody needs; left in place it can still be stolen and used, so it should be removed.",
        Severity = Severity.Medium,
        ResourceTypes = [ResourceTypes.Secret],
        Modes = EvaluationModes.LiveOnly,
        Frameworks =
        [
            new(Frameworks.PciDss40, "8.2.6", MappingConfidence.Proposed),
            new(Frameworks.AwsFsbp, "SecretsManager.3", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "SECRETSMANAGER_SECRET_UNUSED", MappingConfidence.Published),
        ],
        Parameters = [new("unusedForDays", "90", "Days a secret may go without being retrieved.")],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var days = context.IntParameter("unusedForDays");
        var now = context.Inventory.AsOf();
        var cutoff = now.AddDays(-days);
        foreach (var secret in context.Inventory.Secrets)
        {
            var evidence = new Dictionary<string, string>
            {
                ["lastAccessedDate"] = secret.LastAccessedDate is { } accessed ? Day(accessed) : "never",
                ["createdDate"] = secret.CreatedDate is { } createdOn ? Day(createdOn) : "unknown",
                ["unusedForDays"] = days.ToString(CultureInfo.InvariantCulture),
                ["asOf"] = Day(now),
            };
            var subject = $"Secret {secret.DisplayName}";
            if (secret.LastAccessedDate is { } last)
            {
                // AWS keeps only the day of the last retrieval: the secret may have been used until that day's end.
                var usedUntil = last.UtcDateTime.Date.AddDays(1);
                yield return usedUntil < cutoff
                    ? Descriptor.Fail(secret.Ref, $"{subject} was last retrieved on {Day(last)}, more than {days} days ago.", evidence)
                    : Descriptor.Pass(secret.Ref, $"{subject} was last retrieved on {Day(last)}, within {days} days.", evidence);
                continue;
            }

            yield return secret.CreatedDate switch
            {
                null => Descriptor.Error(secret.Ref, $"{subject} has never been retrieved, and when it was created is unknown.", evidence),
                { } created when created < cutoff => Descriptor.Fail(secret.Ref, $"{subject} has never been retrieved since it was created on {Day(created)}, more than {days} days ago.", evidence),
                { } created => Descriptor.Pass(secret.Ref, $"{subject} has not been retrieved yet, but was created on {Day(created)}, within {days} days.", evidence),
            };
        }
    }

    private static string Day(DateTimeOffset date) => date.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
