using Compliance.Checker.Live;
using Compliance.Checker.Live.Collection;
using Compliance.Checker.Live.Collectors;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Tests.Live;

/// <summary>Failures, shadow and organization trails, and targeted scans of the CloudTrail collector.</summary>
public sealed class CloudTrailCollectorScopeTests
{
    // A multi-Region trail homed in us-east-1 and an organization trail of the management account, as a member account's
    // eu-west-1 DescribeTrails (with shadow trails) lists them.
    private const string Shadows = """
        { "trailList": [
          { "Name": "main", "TrailARN": "arn:aws:cloudtrail:us-east-1:123456789012:trail/main", "HomeRegion": "us-east-1",
            "IsMultiRegionTrail": true, "IncludeGlobalServiceEvents": true, "IsOrganizationTrail": false, "S3BucketName": "trail-bucket" },
          { "Name": "org", "TrailARN": "arn:aws:cloudtrail:eu-west-1:210987654321:trail/org", "HomeRegion": "eu-west-1",
            "IsMultiRegionTrail": true, "IncludeGlobalServiceEvents": true, "IsOrganizationTrail": true, "S3BucketName": "org-trail-bucket" } ] }
        """;

    private const string AllManagement = """{ "EventSelectors": [ { "ReadWriteType": "All", "IncludeManagementEvents": true, "DataResources": [] } ] }""";

    private static FakeAws ShadowAws() => new FakeAws()
        .On("cloudtrail", "DescribeTrails", FakeAws.Json(Shadows))
        .On("cloudtrail", "GetTrailStatus", FakeAws.Json("""{ "IsLogging": true }"""))
        .On("cloudtrail", "GetEventSelectors", FakeAws.Json(AllManagement));

    [Fact]
    public async Task Denied_event_selectors_leave_that_trail_unknown_with_an_error_naming_it()
    {
        var aws = CloudTrailCollectorTests.TwoTrails(new FakeAws()
            .On(r => r.Operation == "GetEventSelectors" && r.Body.Contains("Trail2"),
                FakeAws.JsonError("AccessDeniedException", "not authorized to perform: cloudtrail:GetEventSelectors"))
            .On(r => r.Operation == "GetTrailStatus" && r.Body.Contains("Trail1"),
                FakeAws.JsonError("ThrottlingException", "Rate exceeded"), FakeAws.Json("""{ "IsLogging": true }""")));

        var inventory = await CollectorHarness.Collect(new CloudTrailCollector(), aws);

        var denied = inventory.Trails.Single(t => t.Id == "Trail2");
        Assert.Null(denied.EventSelectors);
        Assert.False(denied.IsLogging);
        Assert.NotNull(inventory.Trails.Single(t => t.Id == "Trail1").EventSelectors);
        Assert.True(inventory.Trails.Single(t => t.Id == "Trail1").IsLogging); // throttled once, retried
        var error = Assert.Single(inventory.CollectionErrors);
        Assert.Equal(("GetEventSelectors", "Trail2", ResourceTypes.Trail, "AccessDeniedException"), (error.Operation, error.ResourceId, error.ResourceType, error.ErrorCode));
    }

    [Fact]
    public async Task A_failed_status_leaves_is_logging_unknown()
    {
        var aws = CloudTrailCollectorTests.TwoTrails(new FakeAws()
            .On(r => r.Operation == "GetTrailStatus", FakeAws.JsonError("TrailNotFoundException", "Unknown trail")));

        var inventory = await CollectorHarness.Collect(new CloudTrailCollector(), aws);

        Assert.All(inventory.Trails, t => Assert.Null(t.IsLogging));
        Assert.All(inventory.Trails, t => Assert.NotNull(t.EventSelectors));
        Assert.Equal(["Trail1", "Trail2"], inventory.CollectionErrors.Select(e => e.ResourceId).Order());
    }

    [Fact]
    public async Task Denied_describe_is_an_error_for_the_type_and_makes_no_per_trail_call()
    {
        var aws = new FakeAws().On("cloudtrail", "DescribeTrails", FakeAws.JsonError("AccessDeniedException", "not authorized to perform: cloudtrail:DescribeTrails"));

        var inventory = await CollectorHarness.Collect(new CloudTrailCollector(), aws);

        Assert.Empty(inventory.Trails);
        var error = Assert.Single(inventory.CollectionErrors);
        Assert.Equal(("DescribeTrails", (string?)null, "AccessDeniedException"), (error.Operation, error.ResourceId, error.ErrorCode));
        Assert.Single(aws.Requests);
    }

    [Fact]
    public async Task A_trail_is_collected_in_its_home_region_only_and_an_organization_trail_keeps_its_owner()
    {
        var aws = ShadowAws();

        var inventory = await CollectorHarness.Collect(new CloudTrailCollector(), aws, "eu-west-1",
            options: new LiveOptions { Regions = ["eu-west-1", "us-east-1"] });

        var org = Assert.Single(inventory.Trails); // "main" belongs to the us-east-1 collection
        Assert.Equal(("org", "eu-west-1", "210987654321", true), (org.Id, org.Region, org.AccountId, org.IsOrganizationTrail));
        Assert.Equal(3, aws.Requests.Count);
        Assert.All(aws.Requests, r => Assert.Equal("eu-west-1", r.Region));
    }

    [Fact]
    public async Task A_trail_whose_home_region_is_not_scanned_is_read_from_its_home_region()
    {
        var aws = ShadowAws();

        var inventory = await CollectorHarness.Collect(new CloudTrailCollector(), aws, "eu-west-1");

        var main = inventory.Trails.Single(t => t.Id == "main");
        Assert.Equal(("us-east-1", true, true), (main.Region, main.IsLogging, main.EventSelectors is not null));
        Assert.Equal(5, aws.Requests.Count);
        Assert.Equal(["us-east-1", "us-east-1"], aws.Requests.Where(r => r.Body.Contains("trail/main")).Select(r => r.Region));
    }

    [Fact]
    public async Task A_targeted_scope_reads_only_the_named_trail_and_other_types_make_no_call()
    {
        var aws = CloudTrailCollectorTests.TwoTrails();
        var scope = new CollectionScope
        {
            Types = new HashSet<string> { ResourceTypes.Trail },
            ResourceIds = new Dictionary<string, IReadOnlyList<string>> { [ResourceTypes.Trail] = ["Trail2"] },
        };

        var inventory = await CollectorHarness.Collect(new CloudTrailCollector(), aws, scope: scope);

        Assert.Equal("Trail2", Assert.Single(inventory.Trails).Id);
        Assert.Equal(3, aws.Requests.Count);
        Assert.DoesNotContain(aws.Requests, r => r.Body.Contains("Trail1"));

        var none = new FakeAws();
        await CollectorHarness.Collect(new CloudTrailCollector(), none, scope: new CollectionScope { Types = new HashSet<string> { ResourceTypes.Vpc } });
        Assert.Empty(none.Requests);
    }
}
