using Compliance.Checker.Live.Collectors;
using Compliance.Checker.Templates.Intrinsics;
using Compliance.Checker.Templates.Mapping;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Templates.Mappers;

/// <summary>
/// Secrets and their rotation schedules. A secret rotates when a RotationSchedule of the scan names it; the interval
/// is AutomaticallyAfterDays or what the ScheduleExpression implies. Without KmsKeyId the secret uses aws/secretsmanager.
/// </summary>
public sealed class SecretsManagerMapper : IResourceMapper
{
    public IReadOnlyList<string> MappedTypes { get; } = [ResourceTypes.Secret, ResourceTypes.SecretRotationSchedule];

    public IReadOnlyList<ResourceNaming> Namings { get; } =
    [
        new()
        {
            Type = ResourceTypes.Secret, NameProperty = "Name", Ref = "arn:{partition}:secretsmanager:{region}:{account}:secret:{name}",
            Attributes = new Dictionary<string, string> { ["Id"] = "arn:{partition}:secretsmanager:{region}:{account}:secret:{name}" },
        },
    ];

    public void Map(MappingContext context)
    {
        var schedules = new Dictionary<string, Props>(StringComparer.Ordinal);
        foreach (var schedule in context.Resources(ResourceTypes.SecretRotationSchedule))
        {
            var p = schedule.Properties;
            if (context.Find(ResourceTypes.Secret, p.String("SecretId")) is { } secret)
            {
                schedules[secret.Name] = p;
            }
            else
            {
                context.NotJudged(schedule, $"its secret {p.String("SecretId") ?? "(unknown)"} is not declared in this scan");
            }
        }

        foreach (var secret in context.Resources(ResourceTypes.Secret))
        {
            var p = secret.Properties;
            if (p.Has("KmsKeyId") && p.String("KmsKeyId") is null)
            {
                context.NotJudged(secret, $"its KMS key cannot be decided ({p.UnknownReason("KmsKeyId")})");
                continue;
            }

            var schedule = schedules.GetValueOrDefault(secret.Name);
            context.Add(new Secret
            {
                Id = secret.Name, Region = secret.Region, AccountId = secret.AccountId, Tags = p.Tags(),
                Arn = secret.RefText,
                RotationEnabled = schedule is not null,
                RotationIntervalDays = schedule is null ? null : Interval(schedule),
                KmsKeyId = p.String("KmsKeyId"),
            }, secret);
        }
    }

    private static int? Interval(Props schedule)
    {
        var rules = schedule.Map("RotationRules");
        if (rules?.Int("AutomaticallyAfterDays") is > 0 and var days)
        {
            return days;
        }

        return rules?.String("ScheduleExpression") is { Length: > 0 } expression ? SecretRotationInterval.FromSchedule(expression.Trim()) : null;
    }
}
