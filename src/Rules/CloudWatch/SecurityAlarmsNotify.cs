using Compliance.Rules.Inventory;
using Compliance.Rules.Policies;

namespace Compliance.Rules.CloudWatch;

/// <summary>
/// Security alarms have their actions enabled and an ALARM action to an SNS topic that is encrypted with a customer managed
/// KMS key and has at least one confirmed subscription. Security alarms are those on a metric a metric filter publishes
/// from a CloudTrail log group, and those whose name matches a configured pattern.
/// </summary>
public sealed class SecurityAlarmsNotify : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.CloudWatchAlarm1,
        Title = "Security alarms notify a subscribed, KMS-encrypted SNS topic",
        Rationale = "A security alarm helps only if it reaches someone: disabled actions, a topic nobody has confirmed or a topic readable outside the owner's key policy turn detection into silence or leakage.",
        Severity = Severity.High,
        ResourceTypes = [ResourceTypes.CloudWatchAlarm, ResourceTypes.SnsTopic, ResourceTypes.KmsKey, ResourceTypes.LogsMetricFilter, ResourceTypes.Trail],
        Modes = EvaluationModes.TemplateAndLive,
        Frameworks =
        [
            new(Frameworks.PciDss40, "10.7.2", MappingConfidence.Proposed),
            new(Frameworks.PciDss40, "12.10.5", MappingConfidence.Proposed),
            new(Frameworks.AwsSecurityHub, "CloudWatch.15", MappingConfidence.Published),
            new(Frameworks.AwsSecurityHub, "CloudWatch.17", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "CLOUDWATCH_ALARM_ACTION_CHECK", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "CLOUDWATCH_ALARM_ACTION_ENABLED_CHECK", MappingConfidence.Published),
        ],
        Parameters =
        [
            new("securityAlarmNamePatterns", "*security*,cis-*", "Alarm name patterns (case-insensitive, * = any characters) that mark an alarm as a security alarm."),
            new("includeTrailMetricFilterAlarms", "true", "Also treat as security alarms those on a metric published by a metric filter on a log group a CloudTrail trail delivers to."),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var inventory = context.Inventory;
        var patterns = context.ListParameter("securityAlarmNamePatterns");
        var trailMetrics = bool.Parse(context.Parameter("includeTrailMetricFilterAlarms")) ? TrailFilterMetrics(inventory) : new Dictionary<(string, string, string, string), MetricFilter>();
        var notification = new AlarmNotification(inventory, context.Index);

        foreach (var alarm in inventory.CloudWatchAlarms)
        {
            var why = Why(alarm, patterns, trailMetrics);
            if (why is null)
            {
                continue;
            }

            var evidence = new Dictionary<string, string>
            {
                ["securityAlarmBecause"] = why,
                ["actionsEnabled"] = alarm.ActionsEnabled switch { true => "true", false => "false", null => "unknown" },
                ["alarmActions"] = alarm.AlarmActions is null ? "unknown" : string.Join(",", alarm.AlarmActions),
            };
            var reach = notification.Judge(alarm, requireCustomerKey: true);
            var subject = $"Security alarm {alarm.DisplayName} ({why})";
            yield return reach.Reach switch
            {
                Reach.Notifies => Descriptor.Pass(alarm.Ref, $"{subject} has actions enabled and notifies topic {reach.Topic}, which is encrypted with a customer managed key and has a confirmed subscription.", evidence),
                Reach.Unknown => Descriptor.Error(alarm.Ref, $"{subject}: whether it notifies a subscribed, encrypted topic is unknown: {reach.Describe}.", evidence),
                _ => Descriptor.Fail(alarm.Ref, $"{subject} notifies no subscribed, customer-key-encrypted SNS topic: {reach.Describe}.", evidence),
            };
        }
    }

    /// <summary>Why the alarm is a security alarm, or null when it is not one.</summary>
    private static string? Why(CloudWatchAlarm alarm, IReadOnlyList<string> patterns, IReadOnlyDictionary<(string, string, string, string), MetricFilter> trailMetrics)
    {
        var metrics = alarm.Metrics.Count == 0
            ? [(alarm.Namespace, alarm.MetricName)]
            : alarm.Metrics.Where(q => q.Expression.Length == 0).Select(q => (q.Namespace, q.MetricName)).ToList();
        foreach (var (ns, name) in metrics)
        {
            if (trailMetrics.TryGetValue((alarm.AccountId, alarm.Region, ns, name), out var filter))
            {
                return $"metric {ns}/{name} of metric filter {filter.Id} on CloudTrail log group {filter.LogGroupName}";
            }
        }

        var pattern = patterns.FirstOrDefault(p => PolicyAnalysis.WildcardMatch(p.ToLowerInvariant(), alarm.Id.ToLowerInvariant()));
        return pattern is null ? null : $"name matches {pattern}";
    }

    /// <summary>The metrics published by metric filters on log groups that trails deliver to, by (account, Region, namespace, name).</summary>
    private static IReadOnlyDictionary<(string, string, string, string), MetricFilter> TrailFilterMetrics(AwsInventory inventory)
    {
        var groups = inventory.Trails
            .Select(t => AwsArn.Parse(t.CloudWatchLogsLogGroupArn))
            .OfType<AwsArn>()
            .Where(a => a.Service == "logs" && a.Resource.StartsWith("log-group:", StringComparison.Ordinal))
            .Select(a => (a.Account, a.Region, Name: TrimWildcard(a.Resource["log-group:".Length..])))
            .ToHashSet();
        var metrics = new Dictionary<(string, string, string, string), MetricFilter>();
        foreach (var filter in inventory.MetricFilters.Where(f => groups.Contains((f.AccountId, f.Region, f.LogGroupName))))
        {
            foreach (var t in filter.MetricTransformations)
            {
                metrics.TryAdd((filter.AccountId, filter.Region, t.MetricNamespace, t.MetricName), filter);
            }
        }

        return metrics;
    }

    private static string TrimWildcard(string name) => name.EndsWith(":*", StringComparison.Ordinal) ? name[..^2] : name;
}
