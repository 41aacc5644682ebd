using Compliance.Rules.Inventory;

namespace Compliance.Rules.S3;

/// <summary>Server access logging is on and delivers to a different (dedicated) bucket.</summary>
public sealed class BucketAccessLoggingEnabled : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.S3Bucket7,
        Title = "Server access logging delivers to a separate log bucket",
        Rationale = "Access logs record every request to the bucket for investigation; written into the bucket itself they mix with the data they audit and share its permissions.",
        Severity = Severity.Medium,
        ResourceTypes = [ResourceTypes.Bucket],
        Frameworks =
        [
            new(Frameworks.PciDss40, "10.2.1", MappingConfidence.Published),
            new(Frameworks.AwsFsbp, "S3.9", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "S3_BUCKET_LOGGING_ENABLED", MappingConfidence.Published),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var logBuckets = LogBuckets.Of(context.Inventory);
        foreach (var bucket in context.Inventory.Buckets)
        {
            if (bucket.Logging is not { } logging)
            {
                yield return Descriptor.Error(bucket.Ref, $"Bucket {bucket.DisplayName}: its server access logging configuration could not be read.");
                continue;
            }

            var evidence = new Dictionary<string, string>
            {
                ["targetBucket"] = logging.TargetBucket ?? "",
                ["targetPrefix"] = logging.TargetPrefix ?? "",
            };

            if (!logging.Enabled && logBuckets.AccessLogSourcesOf(bucket) is { Count: > 0 } sources)
            {
                evidence["accessLogSources"] = string.Join(",", sources);
                yield return Descriptor.NotApplicable(bucket.Ref,
                    $"Bucket {bucket.DisplayName} is the server access log destination of {Wording.Prose(sources, limit: 3)}; logging it would record every log delivery, which AWS recommends against.", evidence);
            }
            else if (!logging.Enabled)
            {
                yield return Descriptor.Fail(bucket.Ref, $"Bucket {bucket.DisplayName} does not have server access logging enabled.", evidence);
            }
            else if (logging.TargetBucket == bucket.Id)
            {
                yield return Descriptor.Fail(bucket.Ref, $"Bucket {bucket.DisplayName} writes its server access logs into itself rather than to a dedicated log bucket.", evidence);
            }
            else
            {
                yield return Descriptor.Pass(bucket.Ref, $"Bucket {bucket.DisplayName} delivers server access logs to bucket {logging.TargetBucket}.", evidence);
            }
        }
    }
}
