using Compliance.Rules.Inventory;

namespace Compliance.Rules.CloudTrail;

/// <summary>The bucket a trail delivers to has S3 server access logging enabled.</summary>
public sealed class TrailBucketAccessLogging : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.CloudTrailTrail6,
        Title = "The S3 bucket a trail delivers to has server access logging enabled",
        Rationale = "Access logs on the trail bucket record who read, changed or deleted audit log files, which CloudTrail itself does not log unless data events are on.",
        Severity = Severity.Low,
        ResourceTypes = [ResourceTypes.Bucket, ResourceTypes.Trail],
        Modes = EvaluationModes.TemplateAndLive,
        Frameworks =
        [
            new(Frameworks.PciDss40, "10.2.1", MappingConfidence.Inferred),
            new(Frameworks.CisAws30, "3.4", MappingConfidence.Published),
            new(Frameworks.AwsSecurityHub, "CloudTrail.7", MappingConfidence.Published),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        foreach (var target in TrailBucket.Of(context))
        {
            if (target.Bucket is not { } bucket)
            {
                yield return target.NotInInventory(Descriptor, context, "server access logging");
                continue;
            }

            var evidence = target.Evidence();
            if (bucket.Logging is not { } logging)
            {
                yield return Descriptor.Error(bucket.Ref, $"{target.Subject} has a server access logging configuration that could not be read.", evidence);
                continue;
            }

            evidence["targetBucket"] = logging.TargetBucket ?? "";
            evidence["targetPrefix"] = logging.TargetPrefix ?? "";
            yield return logging.Enabled
                ? Descriptor.Pass(bucket.Ref, $"{target.Subject} has server access logging enabled to bucket {logging.TargetBucket}.", evidence)
                : Descriptor.Fail(bucket.Ref, $"{target.Subject} does not have server access logging enabled, so reads and deletions of log files leave no record.", evidence);
        }
    }
}
