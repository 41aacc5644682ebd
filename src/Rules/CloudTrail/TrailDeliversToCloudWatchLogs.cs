using Compliance.Rules.Inventory;

namespace Compliance.Rules.CloudTrail;

/// <summary>Trails also deliver their events to a CloudWatch Logs log group, where metric filters and alarms can watch them.</summary>
public sealed class TrailDeliversToCloudWatchLogs : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.CloudTrailTrail4,
        Title = "Trails deliver events to a CloudWatch Logs log group",
        Rationale = "Events in CloudWatch Logs can be matched by metric filters and raise alarms within minutes; log files in S3 alone are only read after the fact.",
        Severity = Severity.Low,
        ResourceTypes = [ResourceTypes.Trail, ResourceTypes.LogGroup],
        Modes = EvaluationModes.TemplateAndLive,
        Frameworks =
        [
            new(Frameworks.PciDss40, "10.4.1.1", MappingConfidence.Proposed),
            new(Frameworks.AwsFsbp, "CloudTrail.5", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "CLOUD_TRAIL_CLOUD_WATCH_LOGS_ENABLED", MappingConfidence.Published),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        foreach (var trail in TrailFacts.Distinct(context.Inventory))
        {
            var evidence = TrailFacts.Evidence(trail);
            evidence["cloudWatchLogsLogGroupArn"] = trail.CloudWatchLogsLogGroupArn ?? "";
            yield return string.IsNullOrWhiteSpace(trail.CloudWatchLogsLogGroupArn)
                ? Descriptor.Fail(trail.Ref, $"{TrailFacts.Subject(trail)} does not deliver its events to CloudWatch Logs, so no metric filter or alarm can watch them.", evidence)
                : Descriptor.Pass(trail.Ref, $"{TrailFacts.Subject(trail)} delivers its events to CloudWatch Logs log group {trail.CloudWatchLogsLogGroupArn}.", evidence);
        }
    }
}
