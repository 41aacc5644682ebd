using Compliance.Rules.Inventory;
using Compliance.Rules.S3;
using static Compliance.Rules.Tests.RuleAssert;
using static Compliance.Rules.Tests.S3.S3Fixtures;

namespace Compliance.Rules.Tests.S3;

public sealed class LogBucketsTests
{
    private static Trail Trail(string name, string bucket) => new()
    {
        Id = name,
        Arn = $"arn:aws:cloudtrail:{Region}:{Account}:trail/{name}",
        Region = Region,
        AccountId = Account,
        IsMultiRegionTrail = true,
        S3BucketName = bucket,
    };

    private static FlowLog FlowLog(string id, string type, string? destination) => new()
    {
        Id = id,
        Region = Region,
        AccountId = Account,
        ResourceId = "vpc-0a1b2c3d4e5f60718",
        TrafficType = "ALL",
        LogDestinationType = type,
        LogDestination = destination,
    };

    [Fact]
    public void Each_source_of_log_delivery_and_the_purpose_tag_make_a_log_bucket()
    {
        var inventory = BaseInventory with
        {
            Buckets =
            [
                Bucket("app-data") with { Logging = new BucketLogging("access-logs", "app-data/") },
                Bucket("self-logging") with { Logging = new BucketLogging("self-logging", "logs/") },
                Bucket("access-logs"),
                Bucket("trail-logs"),
                Bucket("flow-logs"),
                Bucket("flow-logs-prefixed"),
                Bucket("tagged-audit") with { Tags = Tags(("purpose", "AUDIT")) },
                Bucket("tagged-logs") with { Tags = Tags(("Purpose", "logs")) },
                Bucket("tagged-other") with { Tags = Tags(("Purpose", "analytics")) },
                Bucket("firehose-target"),
            ],
            Trails = [Trail("org-trail", "trail-logs")],
            FlowLogs =
            [
                FlowLog("fl-0123456789abcdef0", "s3", "arn:aws:s3:::flow-logs"),
                FlowLog("fl-0123456789abcdef1", "s3", "arn:aws:s3:::flow-logs-prefixed/vpc-flow/"),
                FlowLog("fl-0123456789abcdef2", "cloud-watch-logs", "arn:aws:logs:eu-west-1:123456789012:log-group:firehose-target"),
            ],
        };

        var logBuckets = LogBuckets.Of(inventory);
        var found = inventory.Buckets.Where(logBuckets.IsLogBucket).Select(b => b.Id).ToHashSet();

        Assert.Equal(new HashSet<string> { "access-logs", "trail-logs", "flow-logs", "flow-logs-prefixed", "tagged-audit", "tagged-logs" }, found);
        Assert.Equal(["CloudTrail trail org-trail"], logBuckets.RolesOf(inventory.Buckets.Single(b => b.Id == "trail-logs")));
        Assert.Equal(["server access log target of app-data"], logBuckets.RolesOf(inventory.Buckets.Single(b => b.Id == "access-logs")));
    }
}
