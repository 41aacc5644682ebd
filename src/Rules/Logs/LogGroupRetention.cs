using System.Globalization;
using Compliance.Rules.Inventory;

namespace Compliance.Rules.Logs;

/// <summary>Log groups keep their events at least the minimum retention period.</summary>
public sealed class LogGroupRetention : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.LogsLogGroup2,
        Title = "Log groups retain events for at least 365 days",
        Rationale = "Investigations regularly reach back months; audit logs that expire sooner than a year leave no trail to follow.",
        Severity = Severity.Medium,
        ResourceTypes = [ResourceTypes.LogGroup],
        Modes = EvaluationModes.TemplateAndLive,
        Frameworks =
        [
            new(Frameworks.PciDss40, "10.5.1", MappingConfidence.Proposed),
            new(Frameworks.AwsSecurityHub, "CloudWatch.16", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "CW_LOGGROUP_RETENTION_PERIOD_CHECK", MappingConfidence.Published),
        ],
        Parameters = [new("minRetentionDays", "365", "The fewest days a log group may keep its events; never-expire always passes.")],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var minimum = context.IntParameter("minRetentionDays");
        foreach (var group in context.Inventory.LogGroups)
        {
            var evidence = new Dictionary<string, string>
            {
                ["retentionInDays"] = group.RetentionInDays?.ToString(CultureInfo.InvariantCulture) ?? "never expire",
                ["minRetentionDays"] = minimum.ToString(CultureInfo.InvariantCulture),
            };

            if (group.RetentionInDays is not { } days)
            {
                yield return Descriptor.Pass(group.Ref, $"Log group {group.DisplayName} keeps its events indefinitely (no retention limit is set).", evidence);
            }
            else if (days < minimum)
            {
                yield return Descriptor.Fail(group.Ref, $"Log group {group.DisplayName} keeps its events for {days} days, fewer than the required {minimum}.", evidence);
            }
            else
            {
                yield return Descriptor.Pass(group.Ref, $"Log group {group.DisplayName} keeps its events for {days} days, at least the required {minimum}.", evidence);
            }
        }
    }
}
