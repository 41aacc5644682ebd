using System.Globalization;
using Compliance.Rules.Inventory;

namespace Compliance.Rules.SecretsManager;

/// <summary>A secret with rotation configured has rotated by the date Secrets Manager scheduled.</summary>
public sealed class SecretRotationSucceeding : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.SecretsManagerSecret2,
        Title = "Scheduled secret rotation is succeeding",
        Rationale = "A rotation schedule only limits a credential's life if the rotation runs; a failing rotation function leaves the old secret valid indefinitely while the schedule looks fine.",
        Severity = Severity.Medium,
        ResourceTypes = [ResourceTypes.Secret],
        Modes = EvaluationModes.LiveOnly,
        Frameworks =
        [
            new(Frameworks.PciDss40, "8.3.9", MappingConfidence.Published),
            new(Frameworks.PciDss40, "8.6.3", MappingConfidence.Published),
            new(Frameworks.AwsFsbp, "SecretsManager.2", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "SECRETSMANAGER_SCHEDULED_ROTATION_SUCCESS_CHECK", MappingConfidence.Published),
        ],
        Parameters =
        [
            new("graceDays", "1", "Days allowed past the scheduled rotation date before it counts as missed (the rotation window closes by the end of that UTC day)."),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var grace = TimeSpan.FromDays(context.IntParameter("graceDays"));
        var now = context.Inventory.AsOf();
        foreach (var secret in context.Inventory.Secrets)
        {
            var evidence = new Dictionary<string, string>
            {
                ["rotationEnabled"] = secret.RotationEnabled ? "true" : "false",
                ["nextRotationDate"] = Date(secret.NextRotationDate),
                ["lastRotatedDate"] = Date(secret.LastRotatedDate),
                ["rotationIntervalDays"] = secret.RotationIntervalDays?.ToString(CultureInfo.InvariantCulture) ?? "unknown",
                ["asOf"] = Date(now),
            };
            var subject = $"Secret {secret.DisplayName}";
            if (!secret.RotationEnabled)
            {
                yield return Descriptor.NotApplicable(secret.Ref, $"{subject} is not configured for rotation (SecretsManager.Secret.1 reports that).", evidence);
                continue;
            }

            // Secrets Manager computes the date the next rotation must happen by; once it is past, the rotation was missed.
            var (due, basis) = secret.NextRotationDate is { } next
                ? (next, "scheduled for")
                : (secret.LastRotatedDate ?? secret.CreatedDate) is { } from && secret.RotationIntervalDays is { } days
                    ? (from.AddDays(days), secret.LastRotatedDate is null ? "due (created + interval) by" : "due (last rotation + interval) by")
                    : (default(DateTimeOffset?), "");
            if (due is not { } dueDate)
            {
                yield return Descriptor.Error(secret.Ref, $"{subject} has rotation enabled, but neither its next rotation date nor its last rotation and interval are known.", evidence);
                continue;
            }

            var rotatedSince = secret.LastRotatedDate is { } last && last >= dueDate;
            if (now > dueDate + grace && !rotatedSince)
            {
                var lastText = secret.LastRotatedDate is { } l ? $"it last rotated on {Date(l)}" : "it has never rotated";
                yield return Descriptor.Fail(secret.Ref, $"{subject} missed its rotation {basis} {Date(dueDate)}: {lastText}.", evidence);
                continue;
            }

            yield return Descriptor.Pass(secret.Ref, $"{subject} is rotating on schedule: the next rotation is {basis} {Date(dueDate)}.", evidence);
        }
    }

    private static string Date(DateTimeOffset? date) => date?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture) ?? "unknown";
}
