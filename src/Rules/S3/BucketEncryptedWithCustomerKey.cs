using Compliance.Rules.Inventory;

namespace Compliance.Rules.S3;

/// <summary>Default encryption is SSE-KMS or DSSE-KMS with a customer managed key; SSE-KMS uses an S3 Bucket Key.</summary>
public sealed class BucketEncryptedWithCustomerKey : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.S3Bucket3,
        Title = "Default encryption is SSE-KMS or DSSE-KMS with a customer managed key",
        Rationale = "A customer managed key puts decryption under a key policy the data owner controls and logs every use; an S3 Bucket Key keeps SSE-KMS request costs and KMS throttling down.",
        Severity = Severity.Medium,
        ResourceTypes = [ResourceTypes.Bucket, ResourceTypes.KmsKey],
        Frameworks =
        [
            new(Frameworks.PciDss40, "3.5.1", MappingConfidence.Published),
            new(Frameworks.AwsSecurityHub, "S3.17", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "S3_DEFAULT_ENCRYPTION_KMS", MappingConfidence.Published),
        ],
        Parameters =
        [
            new("requireBucketKey", "true", "Require an S3 Bucket Key with SSE-KMS (aws:kms). Never required with DSSE-KMS, which does not support Bucket Keys."),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var requireBucketKey = bool.Parse(context.Parameter("requireBucketKey"));
        var logBuckets = LogBuckets.Of(context.Inventory);
        foreach (var bucket in context.Inventory.Buckets)
        {
            if (bucket.Encryption is not { } encryption)
            {
                yield return Descriptor.Error(bucket.Ref, $"Bucket {bucket.DisplayName}: its default encryption configuration could not be read.");
                continue;
            }

            var evidence = new Dictionary<string, string>
            {
                ["sseAlgorithm"] = encryption.Algorithm,
                ["kmsMasterKeyId"] = encryption.KmsMasterKeyId ?? "",
                ["bucketKeyEnabled"] = encryption.BucketKeyEnabled ? "true" : "false",
            };

            if (!encryption.IsKms && encryption.Algorithm == "AES256" && logBuckets.AccessLogSourcesOf(bucket) is { Count: > 0 } sources)
            {
                evidence["accessLogSources"] = string.Join(",", sources);
                yield return Descriptor.Pass(bucket.Ref,
                    $"Bucket {bucket.DisplayName} is the server access log destination of {Wording.Prose(sources, limit: 3)} and uses SSE-S3, the only default encryption S3 supports for such a destination.", evidence);
                continue;
            }

            if (!encryption.IsKms)
            {
                var what = encryption.Algorithm == "AES256" ? "SSE-S3 (AES256) with an S3 managed key" : $"SSEAlgorithm {encryption.Algorithm}";
                yield return Descriptor.Fail(bucket.Ref, $"Bucket {bucket.DisplayName} uses {what} for default encryption instead of SSE-KMS or DSSE-KMS with a customer managed key.", evidence);
                continue;
            }

            var failures = new List<string>();
            var unknown = (string?)null;
            if (string.IsNullOrWhiteSpace(encryption.KmsMasterKeyId))
            {
                evidence["keyManager"] = "AWS";
                failures.Add($"{encryption.Algorithm} names no KMSMasterKeyID, so S3 uses the AWS managed key aws/s3");
            }
            else
            {
                var key = context.Index.ResolveKey(encryption.KmsMasterKeyId, bucket.Region, bucket.AccountId);
                evidence["keyManager"] = key.Ownership switch
                {
                    KeyOwnership.CustomerManaged => "CUSTOMER",
                    KeyOwnership.AwsManaged => "AWS",
                    _ => "unknown",
                };
                if (key.Key is not null)
                {
                    evidence["kmsKeyArn"] = key.Key.Arn ?? key.Key.Id;
                }

                if (key.Ownership == KeyOwnership.AwsManaged)
                {
                    failures.Add($"its key {encryption.KmsMasterKeyId} is AWS managed");
                }
                else if (key.Ownership != KeyOwnership.CustomerManaged)
                {
                    unknown = $"its key {encryption.KmsMasterKeyId} is not in the inventory, so whether it is customer managed is unknown";
                }
            }

            // DSSE-KMS does not support S3 Bucket Keys, so the Bucket Key is required with SSE-KMS only.
            if (requireBucketKey && encryption.Algorithm == "aws:kms" && !encryption.BucketKeyEnabled)
            {
                failures.Add("S3 Bucket Key is not enabled");
            }

            if (failures.Count > 0)
            {
                if (unknown is not null)
                {
                    evidence["unknown"] = unknown;
                }

                yield return Descriptor.Fail(bucket.Ref, $"Bucket {bucket.DisplayName} uses {encryption.Algorithm} default encryption but {string.Join(" and ", failures)}.", evidence);
            }
            else if (unknown is not null)
            {
                yield return Descriptor.Error(bucket.Ref, $"Bucket {bucket.DisplayName} uses {encryption.Algorithm} default encryption but {unknown}.", evidence);
            }
            else
            {
                var bucketKey = encryption.Algorithm == "aws:kms" ? (encryption.BucketKeyEnabled ? " with an S3 Bucket Key" : " (Bucket Key not required)") : "";
                yield return Descriptor.Pass(bucket.Ref, $"Bucket {bucket.DisplayName} uses {encryption.Algorithm} default encryption with customer managed key {encryption.KmsMasterKeyId}{bucketKey}.", evidence);
            }
        }
    }
}
