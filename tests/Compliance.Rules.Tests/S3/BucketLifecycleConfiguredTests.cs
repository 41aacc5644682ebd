using Compliance.Rules.Inventory;
using Compliance.Rules.S3;
using static Compliance.Rules.Tests.RuleAssert;
using static Compliance.Rules.Tests.S3.S3Fixtures;

namespace Compliance.Rules.Tests.S3;

public sealed class BucketLifecycleConfiguredTests
{
    private readonly BucketLifecycleConfigured _rule = new();

    private static LifecycleRule Rule(string id, string status = "Enabled", int? expiration = null, int? noncurrent = null, int? abort = null,
        IReadOnlyList<LifecycleTransition>? noncurrentTransitions = null) => new()
    {
        Id = id,
        Status = status,
        ExpirationDays = expiration,
        NoncurrentVersionExpirationDays = noncurrent,
        NoncurrentVersionTransitions = noncurrentTransitions ?? [],
        AbortIncompleteMultipartUploadDays = abort,
    };

    private static Trail Trail(string bucket) => new()
    {
        Id = "management-events",
        Arn = $"arn:aws:cloudtrail:{Region}:{Account}:trail/management-events",
        Region = Region,
        AccountId = Account,
        IsMultiRegionTrail = true,
        S3BucketName = bucket,
    };

    [Fact]
    public void Lifecycle_must_clean_up_versions_and_uploads()
    {
        var inventory = BaseInventory with
        {
            Buckets =
            [
                Bucket("pass-baseline"),
                Bucket("pass-noncurrent-transition") with
                {
                    LifecycleRules = [Rule("archive-noncurrent", noncurrentTransitions: [new LifecycleTransition(30, "GLACIER")]), Rule("abort-uploads", abort: 7)],
                },
                Bucket("pass-unversioned-abort-only") with { Versioning = new BucketVersioning("Off", false), LifecycleRules = [Rule("abort-uploads", abort: 7)] },
                Bucket("fail-no-rules") with { LifecycleRules = [] },
                Bucket("fail-only-disabled") with { LifecycleRules = [Rule("old", status: "Disabled", noncurrent: 30, abort: 7)] },
                Bucket("fail-versioned-no-noncurrent") with { LifecycleRules = [Rule("abort-uploads", abort: 7), Rule("expire", expiration: 400)] },
                Bucket("fail-noncurrent-in-disabled-rule") with { LifecycleRules = [Rule("abort-uploads", abort: 7), Rule("noncurrent", status: "Disabled", noncurrent: 30)] },
                Bucket("fail-no-abort") with { LifecycleRules = [Rule("noncurrent", noncurrent: 90)] },
            ],
        };

        ExactFailing(_rule, inventory, "fail-no-rules", "fail-only-disabled", "fail-versioned-no-noncurrent", "fail-noncurrent-in-disabled-rule", "fail-no-abort");
    }

    [Fact]
    public void Log_buckets_must_not_expire_logs_before_the_retention_period()
    {
        var keepsLogs = Rule("logs", expiration: 400, noncurrent: 30, abort: 7);
        var expiresEarly = Rule("logs", expiration: 90, noncurrent: 30, abort: 7);
        var inventory = BaseInventory with
        {
            Buckets =
            [
                Bucket("pass-app-data") with { LifecycleRules = [expiresEarly], Logging = new BucketLogging("pass-access-logs", "app/") },
                Bucket("pass-access-logs") with { LifecycleRules = [keepsLogs] },
                Bucket("fail-access-logs") with { LifecycleRules = [expiresEarly] },
                Bucket("fail-trail-logs") with { LifecycleRules = [Rule("noncurrent", noncurrent: 30, abort: 7), Rule("expire-after-a-month", expiration: 30)] },
                Bucket("fail-tagged-audit") with { LifecycleRules = [expiresEarly], Tags = Tags(("Purpose", "Audit")) },
                Bucket("pass-exactly-a-year") with { LifecycleRules = [Rule("logs", expiration: 365, noncurrent: 30, abort: 7)], Tags = Tags(("Purpose", "logs")) },
                Bucket("pass-disabled-early-rule") with { LifecycleRules = [keepsLogs, expiresEarly with { Id = "old", Status = "Disabled" }], Tags = Tags(("Purpose", "logs")) },
                Bucket("source") with { Logging = new BucketLogging("fail-access-logs", "source/") },
            ],
            Trails = [Trail("fail-trail-logs")],
        };

        var findings = ExactFailing(_rule, inventory, "fail-access-logs", "fail-trail-logs", "fail-tagged-audit");

        var trail = Assert.Single(findings, f => f.Resource.Id == "fail-trail-logs");
        Assert.Equal(
            "Bucket fail-trail-logs is a log bucket (CloudTrail trail management-events) but rule expire-after-a-month expires current objects after 30 days, fewer than 365.",
            trail.Message);
        Assert.Equal("expire-after-a-month:30d", trail.Evidence["earlyExpiration"]);
    }

    [Fact]
    public void Parameters_relax_the_upload_and_retention_requirements()
    {
        var inventory = BaseInventory with
        {
            Buckets = [Bucket("pass-short-retention") with { LifecycleRules = [Rule("logs", expiration: 90, noncurrent: 30)], Tags = Tags(("Purpose", "logs")) }],
        };
        var parameters = new Dictionary<string, string> { ["requireAbortIncompleteUploads"] = "false", ["minLogRetentionDays"] = "90" };

        Assert.Equal(ComplianceStatus.Pass, StatusOf(Evaluate(_rule, inventory, parameters), "pass-short-retention"));
        Assert.Equal(ComplianceStatus.Fail, StatusOf(Evaluate(_rule, inventory), "pass-short-retention"));
    }

    [Fact]
    public void Unknown_lifecycle_or_versioning_is_an_error()
    {
        var inventory = BaseInventory with
        {
            Buckets =
            [
                Bucket("lifecycle-unknown") with { LifecycleRules = null },
                Bucket("versioning-unknown") with { Versioning = null, LifecycleRules = [Rule("abort-uploads", abort: 7)] },
                Bucket("pass-versioning-unknown-but-covered") with { Versioning = null },
                Bucket("fail-versioning-unknown-no-abort") with { Versioning = null, LifecycleRules = [Rule("expire", expiration: 30)] },
            ],
        };

        var findings = ExactFailing(_rule, inventory, "fail-versioning-unknown-no-abort");

        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "lifecycle-unknown"));
        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "versioning-unknown"));
    }
}
