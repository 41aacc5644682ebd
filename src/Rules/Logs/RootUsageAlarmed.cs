using Compliance.Rules.Inventory;

namespace Compliance.Rules.Logs;

/// <summary>
/// Per account, the events of Security Hub CloudWatch.1 (CIS 4.3) reach an alarm that notifies a
/// confirmed SNS subscriber, through a metric filter on the log group of a logging multi-Region trail (see <see cref="MonitoredEvents"/>).
/// </summary>
public sealed class RootUsageAlarmed : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.LogsMetricFilter1,
        Title = "A metric filter and alarm notify on any use of the root user",
        Rationale = "The root user bypasses every IAM control; each use should reach a person within minutes so that an unexpected one is investigated at once.",
        Severity = Severity.Low,
        ResourceTypes = [ResourceTypes.Account, ResourceTypes.LogsMetricFilter, ResourceTypes.CloudWatchAlarm, ResourceTypes.Trail, ResourceTypes.SnsTopic],
        Modes = EvaluationModes.TemplateAndLive,
        Frameworks =
        [
            new(Frameworks.PciDss40, "10.2.1.2", MappingConfidence.Proposed),
            new(Frameworks.PciDss40, "10.4.1.1", MappingConfidence.Proposed),
            new(Frameworks.CisAws30, "4.3", MappingConfidence.Proposed),
            new(Frameworks.AwsSecurityHub, "CloudWatch.1", MappingConfidence.Published),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context) =>
        new MonitoredEvents(Descriptor, context).Evaluate([MonitoredEventSets.RootUsage]);
}
