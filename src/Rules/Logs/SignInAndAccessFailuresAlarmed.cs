using Compliance.Rules.Inventory;

namespace Compliance.Rules.Logs;

/// <summary>
/// Per account, the events of Security Hub CloudWatch.2, CloudWatch.3, CloudWatch.6 (CIS 4.1, 4.2, 4.6) reach an alarm that notifies a
/// confirmed SNS subscriber, through a metric filter on the log group of a logging multi-Region trail (see <see cref="MonitoredEvents"/>).
/// </summary>
public sealed class SignInAndAccessFailuresAlarmed : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.LogsMetricFilter2,
        Title = "Metric filters and alarms cover denied API calls and risky console sign-ins",
        Rationale = "Bursts of denied calls, console sign-ins without MFA and failed sign-ins are early signs of stolen credentials or probing; alarms turn them into notifications instead of lines in a log.",
        Severity = Severity.Low,
        ResourceTypes = [ResourceTypes.Account, ResourceTypes.LogsMetricFilter, ResourceTypes.CloudWatchAlarm, ResourceTypes.Trail, ResourceTypes.SnsTopic],
        Modes = EvaluationModes.TemplateAndLive,
        Frameworks =
        [
            new(Frameworks.PciDss40, "10.2.1.4", MappingConfidence.Proposed),
            new(Frameworks.PciDss40, "10.4.1.1", MappingConfidence.Proposed),
            new(Frameworks.CisAws30, "4.1", MappingConfidence.Proposed),
            new(Frameworks.CisAws30, "4.2", MappingConfidence.Proposed),
            new(Frameworks.CisAws30, "4.6", MappingConfidence.Proposed),
            new(Frameworks.AwsSecurityHub, "CloudWatch.2", MappingConfidence.Published),
            new(Frameworks.AwsSecurityHub, "CloudWatch.3", MappingConfidence.Published),
            new(Frameworks.AwsSecurityHub, "CloudWatch.6", MappingConfidence.Published),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context) =>
        new MonitoredEvents(Descriptor, context).Evaluate([MonitoredEventSets.UnauthorizedApiCalls, MonitoredEventSets.ConsoleSignInWithoutMfa, MonitoredEventSets.ConsoleAuthenticationFailures]);
}
