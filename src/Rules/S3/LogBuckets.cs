using Compliance.Rules.Inventory;

namespace Compliance.Rules.S3;

/// <summary>
/// Decides which buckets hold logs or audit records: the server access logging target of another bucket,
/// the bucket of a CloudTrail trail, the S3 destination of a flow log, or a bucket tagged Purpose=logs|audit.
/// Bucket names are global, so a role found in any account of the inventory counts.
/// </summary>
internal sealed class LogBuckets
{
    private readonly Dictionary<string, List<string>> _roles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _accessLogSources = new(StringComparer.Ordinal);

    private LogBuckets(AwsInventory inventory)
    {
        foreach (var bucket in inventory.Buckets)
        {
            // A bucket that logs into itself is not thereby a log bucket; S3.Bucket.7 fails it for not logging to a dedicated bucket.
            if (bucket.Logging?.TargetBucket is { Length: > 0 } target && target != bucket.Id)
            {
                Add(target, $"server access log target of {bucket.Id}");
                if (!_accessLogSources.TryGetValue(target, out var sources))
                {
                    _accessLogSources[target] = sources = [];
                }

                sources.Add(bucket.Id);
            }
        }

        foreach (var trail in inventory.Trails)
        {
            if (trail.S3BucketName is { Length: > 0 } name)
            {
                Add(name, $"CloudTrail trail {trail.Id}");
            }
        }

        foreach (var flowLog in inventory.FlowLogs)
        {
            if (flowLog.DestinationBucket is { } name)
            {
                Add(name, $"flow log {flowLog.Id}");
            }
        }
    }

    /// <summary>The log buckets of one inventory.</summary>
    public static LogBuckets Of(AwsInventory inventory) => new(inventory);

    /// <summary>Why the bucket is a log or audit bucket ("CloudTrail trail org-trail", "tag Purpose=audit"); empty when it is not one.</summary>
    public IReadOnlyList<string> RolesOf(Bucket bucket)
    {
        var roles = _roles.TryGetValue(bucket.Id, out var found) ? new List<string>(found) : [];
        var purpose = bucket.Tags.FirstOrDefault(t => string.Equals(t.Key, "Purpose", StringComparison.OrdinalIgnoreCase));
        if (purpose.Value is { } value && (string.Equals(value.Trim(), "logs", StringComparison.OrdinalIgnoreCase) || string.Equals(value.Trim(), "audit", StringComparison.OrdinalIgnoreCase)))
        {
            roles.Add($"tag {purpose.Key}={purpose.Value}");
        }

        return roles;
    }

    /// <summary>
    /// The buckets whose server access logs this bucket receives; empty when it receives none. AWS constrains such a
    /// destination: SSE-S3 is the only default encryption it supports, it may not have an Object Lock default retention,
    /// and logging the destination itself would record every log delivery.
    /// </summary>
    public IReadOnlyList<string> AccessLogSourcesOf(Bucket bucket) =>
        _accessLogSources.TryGetValue(bucket.Id, out var sources) ? sources : [];

    /// <summary>True when the bucket holds logs or audit records.</summary>
    public bool IsLogBucket(Bucket bucket) => RolesOf(bucket).Count > 0;

    private void Add(string bucketName, string role)
    {
        if (!_roles.TryGetValue(bucketName, out var roles))
        {
            _roles[bucketName] = roles = [];
        }

        if (!roles.Contains(role))
        {
            roles.Add(role);
        }
    }
}
