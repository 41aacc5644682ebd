using Compliance.Rules.Inventory;
using Compliance.Rules.S3;
using static Compliance.Rules.Tests.RuleAssert;
using static Compliance.Rules.Tests.S3.S3Fixtures;

namespace Compliance.Rules.Tests.S3;

public sealed class LogBucketObjectLockEnabledTests
{
    private readonly LogBucketObjectLockEnabled _rule = new();

    private static readonly Dictionary<string, string> AuditTag = Tags(("Purpose", "audit"));

    private static Trail Trail(string bucket) => new()
    {
        Id = "org-trail",
        Arn = $"arn:aws:cloudtrail:{Region}:{Account}:trail/org-trail",
        Region = Region,
        AccountId = Account,
        IsMultiRegionTrail = true,
        IsOrganizationTrail = true,
        S3BucketName = bucket,
    };

    private static FlowLog FlowLog(string bucket) => new()
    {
        Id = "fl-0a1b2c3d4e5f60718",
        Region = Region,
        AccountId = Account,
        ResourceId = "vpc-0a1b2c3d4e5f60718",
        TrafficType = "ALL",
        LogDestinationType = "s3",
        LogDestination = $"arn:aws:s3:::{bucket}/vpc-flow-logs/",
    };

    [Fact]
    public void Log_buckets_need_object_lock_with_a_year_of_default_retention()
    {
        var inventory = BaseInventory with
        {
            Buckets =
            [
                Bucket("pass-trail-bucket") with { ObjectLock = new ObjectLock(true, "COMPLIANCE", 365) },
                Bucket("pass-tagged-governance") with { ObjectLock = new ObjectLock(true, "GOVERNANCE", 400), Tags = AuditTag },
                Bucket("fail-flow-log-bucket"),
                Bucket("access-log-target") with { ObjectLock = new ObjectLock(true, null, null) },
                Bucket("fail-short-retention") with { ObjectLock = new ObjectLock(true, "COMPLIANCE", 90), Tags = AuditTag },
                Bucket("app-data") with { Logging = new BucketLogging("access-log-target", "app-data/") },
            ],
            Trails = [Trail("pass-trail-bucket")],
            FlowLogs = [FlowLog("fail-flow-log-bucket")],
        };

        var findings = ExactFailing(_rule, inventory, "fail-flow-log-bucket", "fail-short-retention");

        Assert.Equal(ComplianceStatus.NotApplicable, StatusOf(findings, "app-data"));
        Assert.Equal(ComplianceStatus.NotApplicable, StatusOf(findings, "access-log-target"));
        Assert.Equal(6, findings.Count);
    }

    [Fact]
    public void The_minimum_retention_is_a_parameter()
    {
        var inventory = BaseInventory with { Buckets = [Bucket("pass-ninety-days") with { ObjectLock = new ObjectLock(true, "COMPLIANCE", 90), Tags = AuditTag }] };

        Assert.Equal(ComplianceStatus.Pass, StatusOf(Evaluate(_rule, inventory, new Dictionary<string, string> { ["minRetentionDays"] = "90" }), "pass-ninety-days"));
        Assert.Equal(ComplianceStatus.Fail, StatusOf(Evaluate(_rule, inventory), "pass-ninety-days"));
    }

    [Fact]
    public void Unknown_object_lock_on_a_log_bucket_is_an_error_and_other_buckets_are_not_judged()
    {
        var inventory = BaseInventory with
        {
            Buckets = [Bucket("lock-unknown") with { ObjectLock = null, Tags = AuditTag }, Bucket("not-a-log-bucket") with { ObjectLock = null }],
        };

        var findings = Evaluate(_rule, inventory);

        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "lock-unknown"));
        Assert.Equal(ComplianceStatus.NotApplicable, StatusOf(findings, "not-a-log-bucket"));
    }

    [Fact]
    public void Failure_names_why_the_bucket_is_a_log_bucket_and_the_retention()
    {
        var inventory = BaseInventory with
        {
            Buckets = [Bucket("fail-trail") with { ObjectLock = new ObjectLock(true, "GOVERNANCE", 30) }],
            Trails = [Trail("fail-trail")],
        };

        var finding = Assert.Single(Evaluate(_rule, inventory));

        Assert.Equal("Log bucket fail-trail (CloudTrail trail org-trail) locks objects for 30 days by default, fewer than 365.", finding.Message);
        Assert.Equal("30", finding.Evidence["retentionDays"]);
        Assert.Equal("GOVERNANCE", finding.Evidence["mode"]);
        Assert.Equal("CloudTrail trail org-trail", finding.Evidence["logBucket"]);
    }

    [Fact]
    public void A_server_access_log_destination_is_not_applicable_since_s3_refuses_a_default_retention_there()
    {
        var inventory = BaseInventory with
        {
            Buckets =
            [
                Bucket("orders") with { Logging = new BucketLogging("access-logs", "orders/") },
                Bucket("access-logs") with { ObjectLock = new ObjectLock(false, null, null) },
            ],
        };

        var finding = Evaluate(_rule, inventory).Single(f => f.Resource.Id == "access-logs");
        Assert.Equal(ComplianceStatus.NotApplicable, finding.Status);
        Assert.Contains("Object Lock default retention", finding.Message, StringComparison.Ordinal);
    }
}
