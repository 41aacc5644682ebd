using Compliance.Rules.Inventory;

namespace Compliance.Rules.S3;

/// <summary>Log and audit buckets have Object Lock with a default retention of at least the retention period.</summary>
public sealed class LogBucketObjectLockEnabled : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.S3Bucket9,
        Title = "Log and audit buckets have Object Lock with default retention of 365+ days",
        Rationale = "Object Lock makes log objects write-once for the retention period, so an intruder or an administrator cannot delete or overwrite the audit trail.",
        Severity = Severity.Medium,
        ResourceTypes = [ResourceTypes.Bucket, ResourceTypes.Trail, ResourceTypes.FlowLog],
        Frameworks =
        [
            new(Frameworks.PciDss40, "10.5.1", MappingConfidence.Published),
            new(Frameworks.PciDss40, "10.3.2", MappingConfidence.Proposed),
            new(Frameworks.AwsSecurityHub, "S3.15", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "S3_BUCKET_DEFAULT_LOCK_ENABLED", MappingConfidence.Published),
        ],
        Parameters = [new("minRetentionDays", "365", "The shortest default Object Lock retention, in days, accepted on a log or audit bucket.")],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var minRetention = context.IntParameter("minRetentionDays");
        var logBuckets = LogBuckets.Of(context.Inventory);
        foreach (var bucket in context.Inventory.Buckets)
        {
            var roles = logBuckets.RolesOf(bucket);
            if (roles.Count == 0)
            {
                yield return Descriptor.NotApplicable(bucket.Ref, $"Bucket {bucket.DisplayName} is not a log or audit bucket (no logging, CloudTrail or flow log delivers to it and it is not tagged Purpose=logs or audit).");
                continue;
            }

            var evidence = new Dictionary<string, string> { ["logBucket"] = string.Join("; ", roles) };
            if (logBuckets.AccessLogSourcesOf(bucket) is { Count: > 0 } sources)
            {
                evidence["accessLogSources"] = string.Join(",", sources);
                yield return Descriptor.NotApplicable(bucket.Ref,
                    $"Bucket {bucket.DisplayName} is the server access log destination of {Wording.Prose(sources, limit: 3)}, and S3 does not deliver server access logs to a bucket with an Object Lock default retention.", evidence);
                continue;
            }
            if (bucket.ObjectLock is not { } objectLock)
            {
                yield return Descriptor.Error(bucket.Ref, $"Bucket {bucket.DisplayName}: its Object Lock configuration could not be read.", evidence);
                continue;
            }

            evidence["objectLockEnabled"] = objectLock.Enabled ? "Enabled" : "Disabled";
            evidence["mode"] = objectLock.Mode ?? "";
            evidence["retentionDays"] = objectLock.RetentionDays?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";

            if (!objectLock.Enabled)
            {
                yield return Descriptor.Fail(bucket.Ref, $"Log bucket {bucket.DisplayName} ({roles[0]}) does not have Object Lock enabled.", evidence);
            }
            else if (objectLock.RetentionDays is not { } days)
            {
                yield return Descriptor.Fail(bucket.Ref, $"Log bucket {bucket.DisplayName} ({roles[0]}) has Object Lock enabled but no default retention, so new log objects are not locked.", evidence);
            }
            else if (days < minRetention)
            {
                yield return Descriptor.Fail(bucket.Ref, $"Log bucket {bucket.DisplayName} ({roles[0]}) locks objects for {days} days by default, fewer than {minRetention}.", evidence);
            }
            else
            {
                yield return Descriptor.Pass(bucket.Ref, $"Log bucket {bucket.DisplayName} has Object Lock enabled with a default retention of {days} days ({objectLock.Mode}).", evidence);
            }
        }
    }
}
