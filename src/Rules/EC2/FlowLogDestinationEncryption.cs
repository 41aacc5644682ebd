using Compliance.Rules.Inventory;

namespace Compliance.Rules.EC2;

/// <summary>Whether a flow log's destination (log group or bucket) is encrypted with KMS, as far as the inventory can show.</summary>
internal static class FlowLogDestinationEncryption
{
    /// <summary>True/false when the destination's KMS encryption is known, null when it cannot be verified; with the reason and the key/algorithm seen.</summary>
    public static (bool? Encrypted, string Reason, string? Protection) Of(FlowLog log, InventoryIndex index)
    {
        switch (log.LogDestinationType)
        {
            case "cloud-watch-logs":
            {
                var name = log.LogGroupName ?? log.LogDestination;
                if (name is null)
                {
                    return (null, "names no log group", null);
                }

                var group = index.LogGroup(log.LogDestination, log.AccountId, log.Region) ?? index.LogGroup(log.LogGroupName, log.AccountId, log.Region);
                if (group is null)
                {
                    return (null, $"delivers to log group {name}, which is not in the inventory, so its KMS encryption cannot be verified", null);
                }

                return string.IsNullOrEmpty(group.KmsKeyId)
                    ? (false, $"delivers to log group {group.Id}, which has no KMS key", "none")
                    : (true, "", $"KMS key {group.KmsKeyId}");
            }

            case "s3":
            {
                var bucketName = log.DestinationBucket;
                if (bucketName is null)
                {
                    return (null, "names no destination bucket", null);
                }

                var bucket = index.Bucket(bucketName);
                if (bucket is null)
                {
                    return (null, $"delivers to bucket {bucketName}, which is not in the inventory, so its KMS encryption cannot be verified", null);
                }

                if (bucket.Encryption is null)
                {
                    return (null, $"delivers to bucket {bucketName}, whose default encryption could not be read", null);
                }

                return bucket.Encryption.IsKms
                    ? (true, "", bucket.Encryption.KmsMasterKeyId is { Length: > 0 } key ? $"{bucket.Encryption.Algorithm} key {key}" : bucket.Encryption.Algorithm)
                    : (false, $"delivers to bucket {bucketName}, whose default encryption is {bucket.Encryption.Algorithm}, not SSE-KMS", bucket.Encryption.Algorithm);
            }

            default:
                return (null, $"delivers to a {log.LogDestinationType} destination, whose encryption the inventory cannot show", null);
        }
    }
}
