using Compliance.Rules.Inventory;

namespace Compliance.Rules.Logs;

/// <summary>
/// Per account, the events of Security Hub CloudWatch.10, CloudWatch.11, CloudWatch.12, CloudWatch.13, CloudWatch.14 (CIS 4.10, 4.11, 4.12, 4.13, 4.14) reach an alarm that notifies a
/// confirmed SNS subscriber, through a metric filter on the log group of a logging multi-Region trail (see <see cref="MonitoredEvents"/>).
/// </summary>
public sealed class NetworkChangesAlarmed : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.LogsMetricFilter4,
        Title = "Filters and alarms cover security group, NACL, gateway, route and VPC changes",
        Rationale = "Network changes can expose the cardholder data environment or route traffic around inspection; alarms make every such change visible when it is made.",
        Severity = Severity.Low,
        ResourceTypes = [ResourceTypes.Account, ResourceTypes.LogsMetricFilter, ResourceTypes.CloudWatchAlarm, ResourceTypes.Trail, ResourceTypes.SnsTopic],
        Modes = EvaluationModes.TemplateAndLive,
        Frameworks =
        [
            new(Frameworks.PciDss40, "1.2.2", MappingConfidence.Proposed),
            new(Frameworks.PciDss40, "10.4.1.1", MappingConfidence.Proposed),
            new(Frameworks.CisAws30, "4.10", MappingConfidence.Proposed),
            new(Frameworks.CisAws30, "4.11", MappingConfidence.Proposed),
            new(Frameworks.CisAws30, "4.12", MappingConfidence.Proposed),
            new(Frameworks.CisAws30, "4.13", MappingConfidence.Proposed),
            new(Frameworks.CisAws30, "4.14", MappingConfidence.Proposed),
            new(Frameworks.AwsSecurityHub, "CloudWatch.10", MappingConfidence.Published),
            new(Frameworks.AwsSecurityHub, "CloudWatch.11", MappingConfidence.Published),
            new(Frameworks.AwsSecurityHub, "CloudWatch.12", MappingConfidence.Published),
            new(Frameworks.AwsSecurityHub, "CloudWatch.13", MappingConfidence.Published),
            new(Frameworks.AwsSecurityHub, "CloudWatch.14", MappingConfidence.Published),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context) =>
        new MonitoredEvents(Descriptor, context).Evaluate([MonitoredEventSets.SecurityGroupChanges, MonitoredEventSets.NetworkAclChanges, MonitoredEventSets.NetworkGatewayChanges, MonitoredEventSets.RouteTableChanges, MonitoredEventSets.VpcChanges]);
}
