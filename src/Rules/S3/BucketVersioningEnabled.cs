using Compliance.Rules.Inventory;

namespace Compliance.Rules.S3;

/// <summary>Versioning is enabled.</summary>
public sealed class BucketVersioningEnabled : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.S3Bucket5,
        Title = "Bucket versioning is enabled",
        Rationale = "Versioning keeps every overwritten or deleted object recoverable, so a mistaken or malicious write does not destroy records.",
        Severity = Severity.Low,
        ResourceTypes = [ResourceTypes.Bucket],
        Frameworks =
        [
            new(Frameworks.PciDss40, "10.3.3", MappingConfidence.Proposed),
            new(Frameworks.AwsSecurityHub, "S3.14", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "S3_BUCKET_VERSIONING_ENABLED", MappingConfidence.Published),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        foreach (var bucket in context.Inventory.Buckets)
        {
            if (bucket.Versioning is not { } versioning)
            {
                yield return Descriptor.Error(bucket.Ref, $"Bucket {bucket.DisplayName}: its versioning status could not be read.");
                continue;
            }

            var evidence = new Dictionary<string, string>
            {
                ["versioningStatus"] = versioning.Status,
                ["mfaDelete"] = versioning.MfaDelete ? "Enabled" : "Disabled",
            };

            if (versioning.Enabled)
            {
                yield return Descriptor.Pass(bucket.Ref, $"Bucket {bucket.DisplayName} has versioning enabled.", evidence);
                continue;
            }

            var status = versioning.Status == "Off" ? "never been enabled" : $"status {versioning.Status}";
            yield return Descriptor.Fail(bucket.Ref, $"Bucket {bucket.DisplayName} does not have versioning enabled (it has {status}).", evidence);
        }
    }
}
