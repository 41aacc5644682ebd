using Compliance.Rules.Inventory;

namespace Compliance.Rules.S3;

/// <summary>Bucket-level S3 Block Public Access has all four settings on.</summary>
public sealed class BucketPublicAccessBlocked : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.S3Bucket1,
        Title = "Bucket-level S3 Block Public Access has all four settings on",
        Rationale = "A bucket's own public access block keeps it private even if the account-level block is later relaxed or the bucket moves to another account's control.",
        Severity = Severity.High,
        ResourceTypes = [ResourceTypes.Bucket],
        Frameworks =
        [
            new(Frameworks.PciDss40, "1.4.4", MappingConfidence.Published),
            new(Frameworks.CisAws30, "2.1.4", MappingConfidence.Published),
            new(Frameworks.AwsFsbp, "S3.8", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED", MappingConfidence.Published),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        foreach (var bucket in context.Inventory.Buckets)
        {
            if (bucket.PublicAccessBlock is not { } block)
            {
                yield return Descriptor.Error(bucket.Ref, $"Bucket {bucket.DisplayName}: its Block Public Access settings could not be read.");
                continue;
            }

            var evidence = new Dictionary<string, string>
            {
                ["blockPublicAcls"] = Text(block.BlockPublicAcls),
                ["ignorePublicAcls"] = Text(block.IgnorePublicAcls),
                ["blockPublicPolicy"] = Text(block.BlockPublicPolicy),
                ["restrictPublicBuckets"] = Text(block.RestrictPublicBuckets),
            };

            if (block.AllBlocked)
            {
                yield return Descriptor.Pass(bucket.Ref, $"Bucket {bucket.DisplayName} has all four Block Public Access settings on.", evidence);
                continue;
            }

            var disabled = block.Disabled();
            evidence["disabledSettings"] = string.Join(",", disabled);
            yield return Descriptor.Fail(bucket.Ref, $"Bucket {bucket.DisplayName} has Block Public Access settings off: {string.Join(", ", disabled)}.", evidence);
        }
    }

    private static string Text(bool value) => value ? "true" : "false";
}
