using Compliance.Rules.Inventory;

namespace Compliance.Rules.CloudWatch;

/// <summary>Whether an alarm reaches a person: actions enabled, and an ALARM action to an SNS topic with a confirmed subscription.</summary>
internal enum Reach { Notifies, Unknown, Silent }

/// <summary>The verdict on one alarm's notification path, with the reasons behind it.</summary>
/// <param name="Reach">Whether it notifies.</param>
/// <param name="Topic">The topic that does, when one does.</param>
/// <param name="Reasons">Why it does not, or why that is unknown.</param>
internal sealed record AlarmReach(Reach Reach, string? Topic, IReadOnlyList<string> Reasons)
{
    public string Describe => Reach == Reach.Notifies ? $"notifies {Topic}" : string.Join("; ", Reasons);
}

/// <summary>The notification path of alarms, shared by CloudWatch.Alarm.1 and the Logs.MetricFilter rules.</summary>
internal sealed class AlarmNotification(AwsInventory inventory, InventoryIndex index)
{
    private readonly Dictionary<string, SnsTopic> _topics = inventory.SnsTopics
        .GroupBy(t => t.Arn ?? t.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    /// <summary>
    /// Judges the alarm's ALARM actions. With <paramref name="requireCustomerKey"/> a topic counts only when it is encrypted
    /// with a customer managed KMS key. One qualifying topic is enough.
    /// </summary>
    public AlarmReach Judge(CloudWatchAlarm alarm, bool requireCustomerKey)
    {
        switch (alarm.ActionsEnabled)
        {
            case false:
                return new(Reach.Silent, null, [$"alarm {alarm.Id} has its actions disabled"]);
            case null:
                return new(Reach.Unknown, null, [$"whether alarm {alarm.Id} has its actions enabled is unknown"]);
        }

        if (alarm.AlarmActions is null)
        {
            return new(Reach.Unknown, null, [$"the ALARM actions of alarm {alarm.Id} are unknown"]);
        }

        var topics = alarm.AlarmActions.Where(a => AwsArn.Parse(a) is { Service: "sns" }).ToList();
        if (topics.Count == 0)
        {
            return new(Reach.Silent, null, [$"alarm {alarm.Id} has no SNS topic among its ALARM actions"]);
        }

        var silent = new List<string>();
        var unknown = new List<string>();
        foreach (var arn in topics)
        {
            var (reach, reason) = JudgeTopic(arn, requireCustomerKey);
            switch (reach)
            {
                case Reach.Notifies:
                    return new(Reach.Notifies, arn, []);
                case Reach.Unknown:
                    unknown.Add(reason!);
                    break;
                default:
                    silent.Add(reason!);
                    break;
            }
        }

        return unknown.Count > 0 ? new(Reach.Unknown, null, [.. unknown, .. silent]) : new(Reach.Silent, null, silent);
    }

    private (Reach, string?) JudgeTopic(string arn, bool requireCustomerKey)
    {
        if (!_topics.TryGetValue(arn, out var topic))
        {
            return (Reach.Unknown, $"topic {arn} is not in the inventory");
        }

        var silent = new List<string>();
        var unknown = new List<string>();
        switch (topic.SubscriptionsConfirmed)
        {
            case null:
                unknown.Add("its confirmed subscriptions are unknown");
                break;
            case 0:
                silent.Add("has no confirmed subscription");
                break;
        }

        if (requireCustomerKey)
        {
            if (topic.Attributes is null)
            {
                unknown.Add("its encryption is unknown");
            }
            else
            {
                var key = index.ResolveKey(topic.Attributes.KmsMasterKeyId, topic.Region, topic.AccountId);
                switch (key.Ownership)
                {
                    case KeyOwnership.None:
                        silent.Add("is not encrypted");
                        break;
                    case KeyOwnership.AwsManaged:
                        silent.Add($"is encrypted with the AWS managed key {key.Reference}");
                        break;
                    case KeyOwnership.Unknown:
                        unknown.Add($"its key {key.Reference} is not known to be customer managed");
                        break;
                }
            }
        }

        return silent.Count > 0 ? (Reach.Silent, $"topic {arn} {Wording.Prose(silent)}")
            : unknown.Count > 0 ? (Reach.Unknown, $"topic {arn}: {Wording.Prose(unknown)}")
            : (Reach.Notifies, null);
    }

    /// <summary>
    /// Whether the alarm evaluates exactly the metric a filter publishes: a single-metric alarm on that namespace and name, or
    /// a metric-math alarm whose returned query is that metric. Dimensions must match too; a filter that publishes
    /// dimensions spreads its count over dimension values, which no single alarm on one value sees whole.
    /// </summary>
    public static bool Watches(CloudWatchAlarm alarm, MetricTransformation metric)
    {
        if (metric.Dimensions.Count > 0)
        {
            return false;
        }

        if (alarm.Metrics.Count == 0)
        {
            return alarm.Namespace == metric.MetricNamespace && alarm.MetricName == metric.MetricName && alarm.Dimensions.Count == 0;
        }

        return alarm.Metrics.Any(q => q.ReturnData && q.Expression.Length == 0
            && q.Namespace == metric.MetricNamespace && q.MetricName == metric.MetricName && q.Dimensions.Count == 0);
    }
}
