using System.Net;
using Compliance.Checker.Live.Collection;
using Compliance.Checker.Live.Collectors;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Tests.Live;

public sealed class S3CollectorTests
{
    private static FakeAws WithControl(FakeAws aws) =>
        aws.OnAccountBlock(S3Fake.Error("NoSuchPublicAccessBlockConfiguration", "The public access block configuration was not found"));

    [Fact]
    public async Task Maps_every_setting_of_a_configured_bucket()
    {
        var aws = WithControl(new FakeAws().OnListBuckets(FakeAws.Xml(S3Fake.BucketList(null, ("cardholder-data", "eu-west-1")))).ConfiguredBucket("cardholder-data"));

        var inventory = await CollectorHarness.Collect(new S3Collector(), aws, options: S3Fake.Options());

        Assert.Empty(inventory.CollectionErrors);
        var bucket = Assert.Single(inventory.Buckets);
        Assert.Equal(("cardholder-data", "eu-west-1", CollectorHarness.Account, "arn:aws:s3:::cardholder-data"), (bucket.Id, bucket.Region, bucket.AccountId, bucket.Arn));
        Assert.Equal(new BucketEncryption("aws:kms", S3Fake.KmsKey, true), bucket.Encryption);
        Assert.Equal(new PublicAccessBlock(true, true, false, true), bucket.PublicAccessBlock);
        Assert.Equal(new BucketVersioning("Enabled", true), bucket.Versioning);
        var statement = Assert.Single(bucket.Policy!.Statements);
        Assert.Equal(("DenyInsecureTransport", "Deny"), (statement.Sid, statement.Effect));
        Assert.Equal(["arn:aws:s3:::cardholder-data", "arn:aws:s3:::cardholder-data/*"], statement.Resources);
        Assert.Equal([new AclGrant(S3Fake.Owner, "FULL_CONTROL"), new AclGrant("http://acs.amazonaws.com/groups/global/AllUsers", "READ")], bucket.AclGrants);
        Assert.Equal("BucketOwnerEnforced", bucket.ObjectOwnership);
        Assert.Equal(new BucketLogging("mybucketlogs", "mybucket-access_log-/"), bucket.Logging);
        Assert.Equal(2, bucket.LifecycleRules!.Count);
        var archive = bucket.LifecycleRules[0];
        Assert.Equal(("archive-logs", "Enabled", 365, 90, 7), (archive.Id, archive.Status, archive.ExpirationDays, archive.NoncurrentVersionExpirationDays, archive.AbortIncompleteMultipartUploadDays));
        Assert.Equal([new LifecycleTransition(30, "STANDARD_IA"), new LifecycleTransition(90, "GLACIER")], archive.Transitions);
        Assert.Equal([new LifecycleTransition(30, "GLACIER")], archive.NoncurrentVersionTransitions);
        var dated = bucket.LifecycleRules[1];
        Assert.Equal(("old-tmp", "Disabled", (int?)null, 0), (dated.Id, dated.Status, dated.ExpirationDays, dated.Transitions.Count));
        Assert.Equal(new ObjectLock(true, "COMPLIANCE", 365), bucket.ObjectLock);
        Assert.Equal(new Dictionary<string, string> { ["Environment"] = "prod", ["DataClassification"] = "cardholder" }, bucket.Tags);
    }

    [Fact]
    public async Task Each_not_configured_answer_is_a_known_value()
    {
        var aws = WithControl(new FakeAws().OnListBuckets(FakeAws.Xml(S3Fake.BucketList(null, ("plain", "eu-west-1")))).BareBucket("plain"));

        var inventory = await CollectorHarness.Collect(new S3Collector(), aws, options: S3Fake.Options());

        Assert.Empty(inventory.CollectionErrors);
        var bucket = Assert.Single(inventory.Buckets);
        Assert.Equal(new BucketEncryption("NONE", null, false), bucket.Encryption);
        Assert.Equal(PublicAccessBlock.None, bucket.PublicAccessBlock);
        Assert.Equal(new BucketVersioning("Off", false), bucket.Versioning);
        Assert.Same(PolicyDocument.Empty, bucket.Policy);
        Assert.Equal([new AclGrant(S3Fake.Owner, "FULL_CONTROL")], bucket.AclGrants);
        Assert.Equal("ObjectWriter", bucket.ObjectOwnership);
        Assert.Equal(new BucketLogging(null, null), bucket.Logging);
        Assert.Empty(bucket.LifecycleRules!);
        Assert.Equal(new ObjectLock(false, null, null), bucket.ObjectLock);
        Assert.Empty(bucket.Tags);
        Assert.Equal(PublicAccessBlock.None, Assert.Single(inventory.AccountPublicAccessBlocks).Settings);
    }

    [Fact]
    public async Task A_denied_getter_leaves_its_setting_unknown_and_names_the_bucket()
    {
        var aws = WithControl(new FakeAws().OnListBuckets(FakeAws.Xml(S3Fake.BucketList(null, ("locked-down", "eu-west-1"))))
            .OnBucket("locked-down", "policy", S3Fake.AccessDenied).OnBucket("locked-down", "tagging", S3Fake.AccessDenied).BareBucket("locked-down"));

        var inventory = await CollectorHarness.Collect(new S3Collector(), aws, options: S3Fake.Options());

        var bucket = Assert.Single(inventory.Buckets);
        Assert.Null(bucket.Policy);
        Assert.Empty(bucket.Tags);
        Assert.True(bucket.TagsUnknown);
        Assert.NotNull(bucket.Encryption);
        Assert.Equal(new BucketVersioning("Off", false), bucket.Versioning);
        Assert.Equal(
            [("GetBucketPolicy", "locked-down", "AccessDenied", "eu-west-1"), ("GetBucketTagging", "locked-down", "AccessDenied", "eu-west-1")],
            inventory.CollectionErrors.Select(e => (e.Operation, e.ResourceId!, e.ErrorCode, e.Region)));
        Assert.All(inventory.CollectionErrors, e => Assert.Equal(ResourceTypes.Bucket, e.ResourceType));
        Assert.Single(aws.Calls("s3", S3Fake.Op("locked-down", "policy"))); // access denied is not retried
    }

    [Fact]
    public async Task A_policy_that_does_not_parse_is_unknown()
    {
        var aws = WithControl(new FakeAws().OnListBuckets(FakeAws.Xml(S3Fake.BucketList(null, ("odd", "eu-west-1"))))
            .OnBucket("odd", "policy", FakeAws.Json("""{"Version":"2012-10-17","Statement":[{"Action":"s3:GetObject"}]}""")).BareBucket("odd"));

        var inventory = await CollectorHarness.Collect(new S3Collector(), aws, options: S3Fake.Options());

        Assert.Null(Assert.Single(inventory.Buckets).Policy);
        var error = Assert.Single(inventory.CollectionErrors);
        Assert.Equal(("GetBucketPolicy", "InvalidPolicy", "odd"), (error.Operation, error.ErrorCode, error.ResourceId));
    }

    [Fact]
    public async Task Throttling_is_retried_then_succeeds()
    {
        var slowDown = S3Fake.Error("SlowDown", "Please reduce your request rate.", HttpStatusCode.ServiceUnavailable);
        var aws = WithControl(new FakeAws()
            .OnListBuckets(slowDown, FakeAws.Xml(S3Fake.BucketList(null, ("busy", "eu-west-1"))))
            .OnBucket("busy", "versioning", slowDown, FakeAws.Xml($"""<VersioningConfiguration xmlns="{S3Fake.Ns}"><Status>Suspended</Status></VersioningConfiguration>"""))
            .BareBucket("busy"));

        var inventory = await CollectorHarness.Collect(new S3Collector(), aws, options: S3Fake.Options());

        Assert.Empty(inventory.CollectionErrors);
        Assert.Equal(new BucketVersioning("Suspended", false), Assert.Single(inventory.Buckets).Versioning);
        Assert.Equal(2, aws.Requests.Count(S3Fake.IsListBuckets));
        Assert.Equal(2, aws.Calls("s3", S3Fake.Op("busy", "versioning")).Count);
    }

    [Fact]
    public async Task A_denied_listing_leaves_buckets_unknown_in_every_region_of_the_scan()
    {
        var aws = WithControl(new FakeAws().OnListBuckets(S3Fake.AccessDenied));

        var inventory = await CollectorHarness.Collect(new S3Collector(), aws, options: S3Fake.Options("eu-west-1", "us-east-1"));

        Assert.Empty(inventory.Buckets);
        var errors = inventory.CollectionErrors.Where(e => e.ResourceType == ResourceTypes.Bucket).ToList();
        Assert.Equal([("eu-west-1", "AccessDenied"), ("us-east-1", "AccessDenied")], errors.Select(e => (e.Region, e.ErrorCode)));
        Assert.All(errors, e => Assert.Equal(("ListBuckets", (string?)null), (e.Operation, e.ResourceId)));
        Assert.Single(aws.Requests, S3Fake.IsListBuckets);
        Assert.Single(inventory.AccountPublicAccessBlocks); // the account block does not depend on the listing
    }

    [Fact]
    public async Task A_targeted_scope_reads_only_the_named_bucket_and_other_types_make_no_call()
    {
        var aws = new FakeAws().OnListBuckets(FakeAws.Xml(S3Fake.BucketList(null, ("wanted", "eu-west-1"), ("other", "eu-west-1")))).BareBucket("wanted");
        var scope = new CollectionScope
        {
            Types = new HashSet<string> { ResourceTypes.Bucket },
            ResourceIds = new Dictionary<string, IReadOnlyList<string>> { [ResourceTypes.Bucket] = ["wanted"] },
        };

        var inventory = await CollectorHarness.Collect(new S3Collector(), aws, scope: scope, options: S3Fake.Options());

        Assert.Equal("wanted", Assert.Single(inventory.Buckets).Id);
        Assert.Empty(inventory.AccountPublicAccessBlocks);
        Assert.Empty(inventory.CollectionErrors);
        Assert.DoesNotContain(aws.Requests, r => r.Path.StartsWith("/other", StringComparison.Ordinal) || r.Path.StartsWith("/v20180820", StringComparison.Ordinal));
        Assert.Equal(1 + 10, aws.Requests.Count);

        var none = new FakeAws();
        await CollectorHarness.Collect(new S3Collector(), none, scope: new CollectionScope { Types = new HashSet<string> { ResourceTypes.Vpc } }, options: S3Fake.Options());
        Assert.Empty(none.Requests);
    }
}
