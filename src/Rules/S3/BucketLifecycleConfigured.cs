using System.Globalization;
using Compliance.Rules.Inventory;

namespace Compliance.Rules.S3;

/// <summary>
/// A lifecycle configuration cleans up what accumulates (noncurrent versions, incomplete multipart uploads)
/// without expiring log and audit records early.
/// </summary>
public sealed class BucketLifecycleConfigured : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.S3Bucket6,
        Title = "Lifecycle rules expire stale data and keep logs for the retention period",
        Rationale = "Without lifecycle rules noncurrent versions and abandoned uploads are kept, and paid for, forever; log buckets must not expire audit records before the retention period.",
        Severity = Severity.Medium,
        ResourceTypes = [ResourceTypes.Bucket, ResourceTypes.Trail, ResourceTypes.FlowLog],
        Frameworks =
        [
            new(Frameworks.PciDss40, "3.2.1", MappingConfidence.Proposed),
            new(Frameworks.PciDss40, "10.5.1", MappingConfidence.Proposed),
            new(Frameworks.AwsSecurityHub, "S3.10", MappingConfidence.Published),
            new(Frameworks.AwsFsbp, "S3.13", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "S3_VERSION_LIFECYCLE_POLICY_CHECK", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "S3_LIFECYCLE_POLICY_CHECK", MappingConfidence.Published),
        ],
        Parameters =
        [
            new("requireAbortIncompleteUploads", "true", "Require an enabled rule with AbortIncompleteMultipartUpload."),
            new("minLogRetentionDays", "365", "Log and audit buckets must not expire current objects sooner than this many days (PCI DSS 10.5.1 keeps audit logs 12 months)."),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var requireAbort = bool.Parse(context.Parameter("requireAbortIncompleteUploads"));
        var minLogRetention = context.IntParameter("minLogRetentionDays");
        var logBuckets = LogBuckets.Of(context.Inventory);
        foreach (var bucket in context.Inventory.Buckets)
        {
            if (bucket.LifecycleRules is not { } rules)
            {
                yield return Descriptor.Error(bucket.Ref, $"Bucket {bucket.DisplayName}: its lifecycle configuration could not be read.");
                continue;
            }

            var enabled = rules.Where(r => r.Enabled).ToList();
            var logRoles = logBuckets.RolesOf(bucket);
            var evidence = new Dictionary<string, string>
            {
                ["lifecycleRules"] = rules.Count.ToString(CultureInfo.InvariantCulture),
                ["enabledRules"] = string.Join(",", enabled.Select(Label)),
                ["versioningStatus"] = bucket.Versioning?.Status ?? "unknown",
                ["logBucket"] = logRoles.Count > 0 ? string.Join("; ", logRoles) : "false",
            };

            var failures = new List<string>();
            string? unknown = null;
            if (enabled.Count == 0)
            {
                failures.Add(rules.Count == 0 ? "has no lifecycle rules" : "has no enabled lifecycle rule");
            }
            else
            {
                var noncurrent = enabled.Where(r => r.NoncurrentVersionExpirationDays is not null || r.NoncurrentVersionTransitions.Count > 0).ToList();
                if (noncurrent.Count == 0)
                {
                    if (bucket.Versioning is null)
                    {
                        unknown = "its versioning status is unknown, so whether it needs a noncurrent-version rule is unknown";
                    }
                    else if (bucket.Versioning.Enabled)
                    {
                        failures.Add("is versioned but no enabled rule expires or transitions noncurrent versions");
                    }
                }

                if (requireAbort && !enabled.Any(r => r.AbortIncompleteMultipartUploadDays is not null))
                {
                    failures.Add("has no enabled rule that aborts incomplete multipart uploads");
                }

                if (logRoles.Count > 0)
                {
                    var early = enabled.Where(r => r.ExpirationDays < minLogRetention).ToList();
                    if (early.Count > 0)
                    {
                        evidence["earlyExpiration"] = string.Join(",", early.Select(r => $"{Label(r)}:{r.ExpirationDays}d"));
                        failures.Add($"is a log bucket ({logRoles[0]}) but rule {Label(early[0])} expires current objects after {early[0].ExpirationDays} days, fewer than {minLogRetention}");
                    }
                }
            }

            if (failures.Count > 0)
            {
                evidence["failures"] = string.Join("; ", failures);
                yield return Descriptor.Fail(bucket.Ref, $"Bucket {bucket.DisplayName} {string.Join(", and ", failures)}.", evidence);
            }
            else if (unknown is not null)
            {
                yield return Descriptor.Error(bucket.Ref, $"Bucket {bucket.DisplayName}: {unknown}.", evidence);
            }
            else
            {
                var retention = logRoles.Count > 0 ? $", and as a log bucket keeps current objects at least {minLogRetention} days" : "";
                yield return Descriptor.Pass(bucket.Ref, $"Bucket {bucket.DisplayName} has enabled lifecycle rules covering noncurrent versions and incomplete uploads as required{retention}.", evidence);
            }
        }
    }

    private static string Label(LifecycleRule rule) => rule.Id is { Length: > 0 } id ? id : "(unnamed)";
}
