using Compliance.Rules.Inventory;

namespace Compliance.Rules.Logs;

/// <summary>
/// Per account, the events of Security Hub CloudWatch.4, CloudWatch.5, CloudWatch.7, CloudWatch.8, CloudWatch.9 (CIS 4.4, 4.5, 4.7, 4.8, 4.9) reach an alarm that notifies a
/// confirmed SNS subscriber, through a metric filter on the log group of a logging multi-Region trail (see <see cref="MonitoredEvents"/>).
/// </summary>
public sealed class AuditAndKeyChangesAlarmed : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.LogsMetricFilter3,
        Title = "Filters and alarms cover IAM, CloudTrail, Config, KMS and bucket policy changes",
        Rationale = "Changes to IAM policies, the audit trail, AWS Config, encryption keys and bucket policies can switch off controls or open data; each should notify the security team as it happens.",
        Severity = Severity.Low,
        ResourceTypes = [ResourceTypes.Account, ResourceTypes.LogsMetricFilter, ResourceTypes.CloudWatchAlarm, ResourceTypes.Trail, ResourceTypes.SnsTopic],
        Modes = EvaluationModes.TemplateAndLive,
        Frameworks =
        [
            new(Frameworks.PciDss40, "10.2.1.5", MappingConfidence.Proposed),
            new(Frameworks.PciDss40, "10.2.1.6", MappingConfidence.Proposed),
            new(Frameworks.PciDss40, "10.2.1.7", MappingConfidence.Proposed),
            new(Frameworks.PciDss40, "10.4.1.1", MappingConfidence.Proposed),
            new(Frameworks.CisAws30, "4.4", MappingConfidence.Proposed),
            new(Frameworks.CisAws30, "4.5", MappingConfidence.Proposed),
            new(Frameworks.CisAws30, "4.7", MappingConfidence.Proposed),
            new(Frameworks.CisAws30, "4.8", MappingConfidence.Proposed),
            new(Frameworks.CisAws30, "4.9", MappingConfidence.Proposed),
            new(Frameworks.AwsSecurityHub, "CloudWatch.4", MappingConfidence.Published),
            new(Frameworks.AwsSecurityHub, "CloudWatch.5", MappingConfidence.Published),
            new(Frameworks.AwsSecurityHub, "CloudWatch.7", MappingConfidence.Published),
            new(Frameworks.AwsSecurityHub, "CloudWatch.8", MappingConfidence.Published),
            new(Frameworks.AwsSecurityHub, "CloudWatch.9", MappingConfidence.Published),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context) =>
        new MonitoredEvents(Descriptor, context).Evaluate([MonitoredEventSets.IamPolicyChanges, MonitoredEventSets.CloudTrailChanges, MonitoredEventSets.ConfigChanges, MonitoredEventSets.KeyDisableOrDeletion, MonitoredEventSets.BucketPolicyChanges]);
}
