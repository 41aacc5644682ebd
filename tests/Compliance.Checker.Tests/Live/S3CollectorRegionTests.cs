using System.Net;
using Compliance.Checker.Live;
using Compliance.Checker.Live.Collection;
using Compliance.Checker.Live.Collectors;
using Compliance.Checker.Live.Http;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Tests.Live;

/// <summary>Where buckets are, what is left out, what a scan costs, and the SDK's 404 quirks.</summary>
public sealed class S3CollectorRegionTests
{
    private static readonly Func<FakeRequest, HttpResponseMessage> NoAccountBlock =
        S3Fake.Error("NoSuchPublicAccessBlockConfiguration", "The public access block configuration was not found");

    [Fact]
    public async Task Three_located_buckets_cost_one_page_one_location_and_ten_getters_each_plus_the_account_block()
    {
        var aws = new FakeAws().OnAccountBlock(NoAccountBlock)
            .OnListBuckets(FakeAws.Xml(S3Fake.BucketList(null, ("logs-eu", null), ("web-us", null), ("legacy-eu", null))))
            .OnBucket("logs-eu", "location", FakeAws.Xml(S3Fake.Location("eu-west-1")))
            .OnBucket("web-us", "location", FakeAws.Xml(S3Fake.Location(null)))
            .OnBucket("legacy-eu", "location", FakeAws.Xml(S3Fake.Location("EU")))
            .BareBucket("logs-eu").BareBucket("web-us").BareBucket("legacy-eu");

        var inventory = await CollectorHarness.Collect(new S3Collector(), aws, options: S3Fake.Options("eu-west-1", "us-east-1"));

        Assert.Empty(inventory.CollectionErrors);
        Assert.Equal([("legacy-eu", "eu-west-1"), ("logs-eu", "eu-west-1"), ("web-us", "us-east-1")], inventory.Buckets.Select(b => (b.Id, b.Region)));
        Assert.Equal(1 + 3 * (1 + 10) + 1, aws.Requests.Count);
        Assert.Single(aws.Requests, S3Fake.IsListBuckets);
        foreach (var bucket in new[] { "logs-eu", "web-us", "legacy-eu" })
        {
            Assert.Single(aws.Calls("s3", S3Fake.Op(bucket, "location")));
            Assert.All(S3Fake.Getters, g => Assert.Single(aws.Calls("s3", S3Fake.Op(bucket, g))));
        }

        // Locations are asked of the home region's client; settings of the bucket's own region's client.
        Assert.Equal("eu-west-1", aws.Calls("s3", S3Fake.Op("web-us", "location"))[0].Region);
        Assert.All(S3Fake.Getters, g => Assert.Equal("us-east-1", aws.Calls("s3", S3Fake.Op("web-us", g))[0].Region));
    }

    [Fact]
    public async Task A_listing_that_names_the_region_needs_no_location_call_and_pages_are_followed()
    {
        var aws = new FakeAws().OnAccountBlock(NoAccountBlock)
            .OnListBuckets(
                FakeAws.Xml(S3Fake.BucketList("eyJNYXJrZXIiOiJiMiJ9", ("b1", "eu-west-1"), ("b2", "us-east-1"))),
                FakeAws.Xml(S3Fake.BucketList(null, ("b3", "eu-west-1"))))
            .BareBucket("b1").BareBucket("b2").BareBucket("b3");

        var inventory = await CollectorHarness.Collect(new S3Collector(), aws, options: S3Fake.Options("eu-west-1", "us-east-1"));

        Assert.Empty(inventory.CollectionErrors);
        Assert.Equal(["b1", "b3", "b2"], inventory.Buckets.Select(b => b.Id));
        var pages = aws.Requests.Where(S3Fake.IsListBuckets).ToList();
        Assert.Equal(2, pages.Count);
        Assert.Contains("max-buckets=10000", pages[0].Query, StringComparison.Ordinal);
        Assert.Contains("continuation-token=eyJNYXJrZXIiOiJiMiJ9", pages[1].Query, StringComparison.Ordinal);
        Assert.DoesNotContain(aws.Requests, r => r.Query == "location");
        Assert.Equal(2 + 3 * 10 + 1, aws.Requests.Count);
    }

    [Fact]
    public async Task A_bucket_in_a_region_outside_the_scan_is_left_out_without_reading_its_settings()
    {
        var aws = new FakeAws().OnAccountBlock(NoAccountBlock)
            .OnListBuckets(FakeAws.Xml(S3Fake.BucketList(null, ("here", "eu-west-1"), ("sydney", "ap-southeast-2"), ("tokyo", null))))
            .OnBucket("tokyo", "location", FakeAws.Xml(S3Fake.Location("ap-northeast-1")))
            .BareBucket("here");

        var inventory = await CollectorHarness.Collect(new S3Collector(), aws, options: S3Fake.Options());

        Assert.Equal("here", Assert.Single(inventory.Buckets).Id);
        Assert.Empty(inventory.CollectionErrors);
        Assert.DoesNotContain(aws.Requests, r => r.Path.StartsWith("/sydney", StringComparison.Ordinal));
        Assert.Equal(["GET /tokyo/?location"], aws.Requests.Where(r => r.Path.StartsWith("/tokyo", StringComparison.Ordinal)).Select(r => r.Operation));
    }

    [Fact]
    public async Task A_bucket_whose_location_cannot_be_read_is_kept_in_the_home_region_with_every_setting_unknown()
    {
        var aws = new FakeAws().OnAccountBlock(NoAccountBlock)
            .OnListBuckets(FakeAws.Xml(S3Fake.BucketList(null, ("secretive", null))))
            .OnBucket("secretive", "location", S3Fake.AccessDenied);

        var inventory = await CollectorHarness.Collect(new S3Collector(), aws, options: S3Fake.Options("eu-west-1", "us-east-1"));

        var bucket = Assert.Single(inventory.Buckets);
        Assert.Equal(("secretive", "eu-west-1", "arn:aws:s3:::secretive"), (bucket.Id, bucket.Region, bucket.Arn));
        Assert.True(bucket is { Encryption: null, PublicAccessBlock: null, Versioning: null, Policy: null, AclGrants: null, ObjectOwnership: null, Logging: null, LifecycleRules: null, ObjectLock: null });
        var error = Assert.Single(inventory.CollectionErrors);
        Assert.Equal(("GetBucketLocation", "secretive", "AccessDenied"), (error.Operation, error.ResourceId, error.ErrorCode));
        Assert.Equal(3, aws.Requests.Count); // list, location, account block: no getters for a bucket that cannot be placed
    }

    [Fact]
    public async Task A_404_the_SDK_swallows_is_a_failure_unless_it_is_the_documented_not_configured_answer()
    {
        var gone = S3Fake.Error("NoSuchBucket", "The specified bucket does not exist");
        var aws = new FakeAws().OnAccountBlock(NoAccountBlock)
            .OnListBuckets(FakeAws.Xml(S3Fake.BucketList(null, ("vanishing", "eu-west-1"))))
            .OnBucket("vanishing", "policy", gone).OnBucket("vanishing", "logging", gone).OnBucket("vanishing", "acl", gone)
            .BareBucket("vanishing");

        var inventory = await CollectorHarness.Collect(new S3Collector(), aws, options: S3Fake.Options());

        var bucket = Assert.Single(inventory.Buckets);
        Assert.True(bucket is { Policy: null, Logging: null, AclGrants: null });
        Assert.Equal(
            [("GetBucketAcl", "NoSuchBucket"), ("GetBucketLogging", "Http404"), ("GetBucketPolicy", "NoSuchBucket")],
            inventory.CollectionErrors.Select(e => (e.Operation, e.ErrorCode)));
    }

    [Fact]
    public async Task Per_bucket_calls_never_exceed_the_bucket_concurrency()
    {
        var aws = new FakeAws().OnAccountBlock(NoAccountBlock)
            .OnListBuckets(FakeAws.Xml(S3Fake.BucketList(null, ("b1", "eu-west-1"), ("b2", "eu-west-1"), ("b3", "eu-west-1"))))
            .BareBucket("b1").BareBucket("b2").BareBucket("b3");
        var counting = new InFlight(aws);
        var options = S3Fake.Options() with { BucketConcurrency = 2 };
        using var session = new AwsSession(options with { AccountId = CollectorHarness.Account, Retry = new RetryOptions { MaxAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) } }, new Amazon.Runtime.BasicAWSCredentials(FakeAws.AccessKey, "secret"), counting);
        var builder = new InventoryBuilder();
        var context = new CollectorContext
        {
            Session = session, Region = "eu-west-1", Regions = ["eu-west-1"], AccountId = CollectorHarness.Account,
            Scope = new CollectionScope { Types = new HashSet<string> { ResourceTypes.Bucket } }, Builder = builder,
        };

        await new S3Collector().CollectAsync(context, CancellationToken.None);

        Assert.Equal(3, builder.Build([CollectorHarness.Account], ["eu-west-1"]).Buckets.Count);
        Assert.Equal(31, aws.Requests.Count);
        Assert.InRange(counting.Max, 1, 2);
    }

    /// <summary>Counts requests in flight, holding each briefly so that overlaps show.</summary>
    private sealed class InFlight(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private int _current;
        private int _max;

        public int Max => _max;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref _current);
            int seen;
            while (now > (seen = _max) && Interlocked.CompareExchange(ref _max, now, seen) != seen)
            {
            }

            try
            {
                await Task.Delay(5, cancellationToken);
                return await base.SendAsync(request, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _current);
            }
        }
    }
}
