using Compliance.Rules.CloudTrail;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.CloudTrail.TrailFixtures;
using static Compliance.Rules.Tests.RuleAssert;
using static Compliance.Rules.Tests.S3.S3Fixtures;

namespace Compliance.Rules.Tests.CloudTrail;

public sealed class TrailBucketAccessLoggingTests
{
    private readonly TrailBucketAccessLogging _rule = new();

    [Fact]
    public void Trail_buckets_without_access_logging_fail_and_other_buckets_are_not_judged()
    {
        var inventory = BaseInventory with
        {
            Buckets =
            [
                Bucket("pass-logged"),
                Bucket("fail-unlogged") with { Logging = new BucketLogging(null, null) },
                Bucket("unrelated") with { Logging = new BucketLogging(null, null) },
            ],
            Trails = [Trail("audit") with { S3BucketName = "pass-logged" }, Trail("legacy") with { S3BucketName = "fail-unlogged" }],
        };

        var findings = ExactFailing(_rule, inventory, "fail-unlogged");

        Assert.Equal(2, findings.Count);
        var failed = findings.Single(f => f.Status == ComplianceStatus.Fail);
        Assert.Equal("Bucket fail-unlogged, where trail legacy delivers log files, does not have server access logging enabled, so reads and deletions of log files leave no record.", failed.Message);
        Assert.Equal(("fail-unlogged", "", ""), (failed.Evidence["bucketName"], failed.Evidence["targetBucket"], failed.Evidence["targetPrefix"]));
    }

    [Fact]
    public void Unknown_logging_or_a_bucket_outside_the_inventory_is_an_error()
    {
        var inventory = BaseInventory with
        {
            Buckets = [Bucket("unreadable") with { Logging = null }],
            Trails = [Trail("audit") with { S3BucketName = "unreadable" }, Trail("other") with { S3BucketName = "not-listed" }],
            CollectionErrors =
            [
                new CollectionError { Service = "s3", Operation = "ListBuckets", Region = Region, ResourceType = ResourceTypes.Bucket, ErrorCode = "AccessDenied", Message = "denied" },
            ],
        };

        var findings = Evaluate(_rule, inventory);

        Assert.All(findings, f => Assert.Equal(ComplianceStatus.Error, f.Status));
        Assert.Contains("buckets could not be listed (ListBuckets: AccessDenied)", findings.Single(f => f.Resource.Id == "not-listed").Message, StringComparison.Ordinal);
    }
}
