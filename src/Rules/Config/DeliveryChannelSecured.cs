using Compliance.Rules.Inventory;
using Compliance.Rules.S3;

namespace Compliance.Rules.Config;

/// <summary>
/// An AWS Config delivery channel delivers to a bucket that is encrypted with a customer managed KMS key, not public and
/// versioned, and notifies an SNS topic.
/// </summary>
public sealed class DeliveryChannelSecured : IComplianceRule
{
    private static readonly BucketNotPublic PublicRule = new();

    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.ConfigDeliveryChannel1,
        Title = "Config delivers to an encrypted, private, versioned bucket and notifies SNS",
        Rationale = "Configuration history is audit evidence: it must be unreadable without the owner's key, out of public reach, recoverable after overwrite or deletion, and its delivery watched.",
        Severity = Severity.Medium,
        ResourceTypes = [ResourceTypes.ConfigDeliveryChannel, ResourceTypes.Bucket, ResourceTypes.KmsKey, ResourceTypes.AccountPublicAccessBlock],
        Modes = EvaluationModes.TemplateAndLive,
        Frameworks =
        [
            new(Frameworks.PciDss40, "10.3.2", MappingConfidence.Proposed),
            new(Frameworks.PciDss40, "10.3.3", MappingConfidence.Proposed),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        foreach (var channel in context.Inventory.ConfigDeliveryChannels)
        {
            var evidence = new Dictionary<string, string>
            {
                ["s3BucketName"] = channel.S3BucketName,
                ["s3KmsKeyArn"] = channel.S3KmsKeyArn ?? "",
                ["snsTopicArn"] = channel.SnsTopicArn ?? "",
            };
            var subject = $"Config delivery channel {channel.DisplayName} of account {channel.AccountId} in {channel.Region}";
            var failures = new List<string>();
            var unknowns = new List<string>();

            if (string.IsNullOrWhiteSpace(channel.SnsTopicArn))
            {
                failures.Add("sends no SNS notifications");
            }

            var bucket = context.Index.Bucket(channel.S3BucketName);
            if (bucket is null)
            {
                evidence["bucketInInventory"] = "false";
                unknowns.Add($"its bucket {channel.S3BucketName} is not in the inventory (it may belong to another account), so its encryption, exposure and versioning are unknown");
            }
            else
            {
                JudgeEncryption(context, channel, bucket, evidence, failures, unknowns);
                JudgeExposure(context, bucket, evidence, failures, unknowns);
                switch (bucket.Versioning)
                {
                    case null:
                        unknowns.Add($"the versioning of bucket {bucket.Id} could not be read");
                        break;
                    case { Enabled: false } versioning:
                        evidence["versioning"] = versioning.Status;
                        failures.Add($"delivers to bucket {bucket.Id}, whose versioning is {versioning.Status}");
                        break;
                    default:
                        evidence["versioning"] = "Enabled";
                        break;
                }
            }

            if (failures.Count > 0)
            {
                if (unknowns.Count > 0)
                {
                    evidence["unknown"] = string.Join("; ", unknowns);
                }

                yield return Descriptor.Fail(channel.Ref, $"{subject} {Wording.Prose(failures)}.", evidence);
            }
            else if (unknowns.Count > 0)
            {
                yield return Descriptor.Error(channel.Ref, $"{subject}: {string.Join("; ", unknowns)}.", evidence);
            }
            else
            {
                yield return Descriptor.Pass(channel.Ref,
                    $"{subject} delivers to bucket {bucket!.Id}, which is encrypted with a customer managed key, not public and versioned, and notifies {channel.SnsTopicArn}.",
                    evidence);
            }
        }
    }

    /// <summary>
    /// Delivered objects are under a customer managed key when the channel names one (S3KmsKeyArn) or the bucket's default
    /// encryption is SSE-KMS with one.
    /// </summary>
    private static void JudgeEncryption(RuleContext context, ConfigDeliveryChannel channel, Bucket bucket, Dictionary<string, string> evidence, List<string> failures, List<string> unknowns)
    {
        var channelKey = context.Index.ResolveKey(channel.S3KmsKeyArn, channel.Region, channel.AccountId);
        evidence["channelKeyOwnership"] = channelKey.Ownership.ToString();
        if (channelKey.Ownership == KeyOwnership.CustomerManaged)
        {
            return;
        }

        KeyOwnership bucketKey;
        if (bucket.Encryption is not { } encryption)
        {
            evidence["bucketEncryption"] = "unknown";
            bucketKey = KeyOwnership.Unknown;
        }
        else
        {
            evidence["bucketEncryption"] = encryption.Algorithm;
            bucketKey = !encryption.IsKms
                ? KeyOwnership.None
                : string.IsNullOrWhiteSpace(encryption.KmsMasterKeyId)
                    ? KeyOwnership.AwsManaged
                    : context.Index.ResolveKey(encryption.KmsMasterKeyId, bucket.Region, bucket.AccountId).Ownership;
            evidence["bucketKeyOwnership"] = bucketKey.ToString();
        }

        if (bucketKey == KeyOwnership.CustomerManaged)
        {
            return;
        }

        if (bucketKey == KeyOwnership.Unknown || channelKey.Ownership == KeyOwnership.Unknown)
        {
            unknowns.Add($"whether the objects delivered to bucket {bucket.Id} are encrypted with a customer managed key is unknown");
        }
        else
        {
            var how = bucket.Encryption!.IsKms ? "SSE-KMS with an AWS managed key" : bucket.Encryption.Algorithm == "AES256" ? "SSE-S3" : "no default encryption";
            failures.Add($"delivers to bucket {bucket.Id}, which uses {how}, without a customer managed S3KmsKeyArn on the channel");
        }
    }

    private static void JudgeExposure(RuleContext context, Bucket bucket, Dictionary<string, string> evidence, List<string> failures, List<string> unknowns)
    {
        var verdict = PublicRule.Evaluate(new RuleContext(context.Inventory with { Buckets = [bucket] }, PublicRule.Descriptor)).Single();
        evidence["bucketPublic"] = verdict.Status switch
        {
            ComplianceStatus.Pass => "false",
            ComplianceStatus.Fail => "true",
            _ => "unknown",
        };
        switch (verdict.Status)
        {
            case ComplianceStatus.Fail:
                failures.Add($"delivers to a public bucket ({verdict.Message.TrimEnd('.')})");
                break;
            case ComplianceStatus.Error:
                unknowns.Add($"the public exposure of bucket {bucket.Id} is unknown ({verdict.Message.TrimEnd('.')})");
                break;
        }
    }
}
