using System.Globalization;
using Compliance.Rules.Inventory;

namespace Compliance.Rules.SecretsManager;

/// <summary>Secrets rotate automatically, at most every maxRotationDays days.</summary>
public sealed class SecretRotationEnabled : IComplianceRule
{
    /// <summary>The CloudFormation type that declares a secret's rotation; it has no inventory record of its own.</summary>

    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.SecretsManagerSecret1,
        Title = "Secrets rotate automatically at least every 90 days",
        Rationale = "A credential that never changes stays valid for as long as a copy of it survives anywhere; scheduled rotation bounds that window.",
        Severity = Severity.Medium,
        ResourceTypes = [ResourceTypes.Secret, ResourceTypes.SecretRotationSchedule],
        Modes = EvaluationModes.TemplateAndLive,
        Frameworks =
        [
            new(Frameworks.PciDss40, "8.3.9", MappingConfidence.Published),
            new(Frameworks.PciDss40, "8.6.3", MappingConfidence.Published),
            new(Frameworks.AwsFsbp, "SecretsManager.1", MappingConfidence.Published),
            new(Frameworks.AwsFsbp, "SecretsManager.4", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "SECRETSMANAGER_ROTATION_ENABLED_CHECK", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "SECRETSMANAGER_SECRET_PERIODIC_ROTATION", MappingConfidence.Published),
        ],
        Parameters = [new("maxRotationDays", "90", "The longest allowed interval between automatic rotations, in days.")],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var maximum = context.IntParameter("maxRotationDays");
        foreach (var secret in context.Inventory.Secrets)
        {
            var evidence = new Dictionary<string, string>
            {
                ["rotationEnabled"] = secret.RotationEnabled ? "true" : "false",
                ["rotationIntervalDays"] = secret.RotationIntervalDays?.ToString(CultureInfo.InvariantCulture) ?? "unknown",
                ["maxRotationDays"] = maximum.ToString(CultureInfo.InvariantCulture),
            };

            if (!secret.RotationEnabled)
            {
                yield return Descriptor.Fail(secret.Ref, $"Secret {secret.DisplayName} has automatic rotation disabled.", evidence);
            }
            else if (secret.RotationIntervalDays is not { } days)
            {
                yield return Descriptor.Error(secret.Ref, $"Secret {secret.DisplayName} has automatic rotation enabled, but its rotation interval is unknown.", evidence);
            }
            else if (days > maximum)
            {
                yield return Descriptor.Fail(secret.Ref, $"Secret {secret.DisplayName} rotates every {days} days, longer than the allowed {maximum}.", evidence);
            }
            else
            {
                yield return Descriptor.Pass(secret.Ref, $"Secret {secret.DisplayName} rotates automatically every {days} days, within the allowed {maximum}.", evidence);
            }
        }
    }
}
