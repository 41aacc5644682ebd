using System.Net;
using Compliance.Checker.Live.Collection;
using Compliance.Checker.Live.Collectors;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Tests.Live;

public sealed class GuardDutyCollectorTests
{
    private const string Id = "12abc34d567e8fa901bc2d34eexample";
    private const string Other = "98zyx76w543v2u109ts8r76qexample";

    // Shapes from the GuardDuty API reference response syntax (GetDetector, GetAdministratorAccount, ListDetectors).
    private const string Detector = """
        {
          "createdAt": "2023-06-14T17:01:37.219Z",
          "findingPublishingFrequency": "SIX_HOURS",
          "serviceRole": "arn:aws:iam::123456789012:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty",
          "status": "ENABLED",
          "updatedAt": "2023-06-14T17:01:37.219Z",
          "dataSources": { "cloudTrail": { "status": "ENABLED" }, "dnsLogs": { "status": "ENABLED" }, "flowLogs": { "status": "ENABLED" },
                           "s3Logs": { "status": "DISABLED" }, "kubernetes": { "auditLogs": { "status": "DISABLED" } } },
          "features": [
            { "name": "CLOUD_TRAIL", "status": "ENABLED", "updatedAt": 1686762097 },
            { "name": "S3_DATA_EVENTS", "status": "DISABLED", "updatedAt": 1686762097 },
            { "name": "EKS_RUNTIME_MONITORING", "status": "ENABLED", "updatedAt": 1686762097.5,
              "additionalConfiguration": [ { "name": "EKS_ADDON_MANAGEMENT", "status": "DISABLED", "updatedAt": 1686762097 } ] }
          ],
          "tags": { "team": "security", "Name": "primary" }
        }
        """;

    private const string Managed = """
        { "administrator": { "accountId": "111122223333", "invitationId": "84b097800250d17d1872b34c4daadcf5", "relationshipStatus": "Enabled", "invitedAt": "2023-06-14T17:01:37.219Z" } }
        """;

    private static FakeAws Route(FakeAws aws, string path, params Func<FakeRequest, HttpResponseMessage>[] replies) =>
        aws.On(r => r.Service == "guardduty" && r.Method == HttpMethod.Get && r.Path == path, replies);

    /// <summary>No overdue findings (ListFindings response syntax: findingIds, nextToken).</summary>
    internal static FakeAws NoFindings(FakeAws aws, string detectorId) =>
        aws.On(r => r.Service == "guardduty" && r.Method == HttpMethod.Post && r.Path == $"/detector/{detectorId}/findings", FakeAws.Json("""{"findingIds":[]}"""));

    private static FakeAws OneDetector(Func<FakeRequest, HttpResponseMessage> administrator) =>
        NoFindings(Route(Route(Route(new FakeAws(), "/detector", FakeAws.Json($$"""{"detectorIds":["{{Id}}"]}""")),
            $"/detector/{Id}", FakeAws.Json(Detector)), $"/detector/{Id}/administrator", administrator), Id);

    [Fact]
    public async Task Maps_status_features_tags_and_the_administrator_in_three_calls_plus_one_listing_per_band()
    {
        var aws = OneDetector(FakeAws.Json(Managed));

        var inventory = await CollectorHarness.Collect(new GuardDutyCollector(), aws);

        var detector = Assert.Single(inventory.GuardDutyDetectors);
        Assert.Equal((Id, "eu-west-1", CollectorHarness.Account, $"arn:aws:guardduty:eu-west-1:123456789012:detector/{Id}"),
            (detector.Id, detector.Region, detector.AccountId, detector.Arn));
        Assert.Equal(("ENABLED", "111122223333"), (detector.Status, detector.AdministratorAccountId));
        Assert.Equal(new Dictionary<string, string> { ["CLOUD_TRAIL"] = "ENABLED", ["S3_DATA_EVENTS"] = "DISABLED", ["EKS_RUNTIME_MONITORING"] = "ENABLED" }, detector.Features);
        Assert.Equal(new Dictionary<string, string> { ["team"] = "security", ["Name"] = "primary" }, detector.Tags);
        Assert.Equal("GET /detector?maxResults=50", aws.Requests.First().Operation);
        Assert.Equal([$"GET /detector/{Id}", $"GET /detector/{Id}/administrator", $"POST /detector/{Id}/findings", $"POST /detector/{Id}/findings", $"POST /detector/{Id}/findings"],
            aws.Requests.Skip(1).Select(r => r.Operation).Order(StringComparer.Ordinal));
        Assert.False(detector.TagsUnknown);
        Assert.Equal(["High", "Medium", "Low"], detector.OverdueFindings!.Select(o => o.Band));
        Assert.All(detector.OverdueFindings!, o => Assert.Equal((0, false), (o.Count, o.CountIsLowerBound)));
        Assert.All(aws.Requests, r => Assert.Equal(("guardduty", "eu-west-1"), (r.Service, r.Region)));
        Assert.Empty(inventory.CollectionErrors);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    public async Task A_standalone_detector_has_an_empty_administrator(string body)
    {
        var aws = OneDetector(FakeAws.Json(body));

        var detector = Assert.Single((await CollectorHarness.Collect(new GuardDutyCollector(), aws)).GuardDutyDetectors);

        Assert.Equal("", detector.AdministratorAccountId);
    }

    [Fact]
    public async Task Reads_every_page_of_detectors_at_two_calls_each()
    {
        var aws = new FakeAws();
        Route(aws, "/detector", FakeAws.Json($$"""{"detectorIds":["{{Id}}"],"nextToken":"page/2+"}"""), FakeAws.Json($$"""{"detectorIds":["{{Other}}"]}"""));
        foreach (var id in new[] { Id, Other })
        {
            NoFindings(Route(Route(aws, $"/detector/{id}", FakeAws.Json("""{"serviceRole":"r","status":"DISABLED"}""")), $"/detector/{id}/administrator", FakeAws.Json("{}")), id);
        }

        var inventory = await CollectorHarness.Collect(new GuardDutyCollector(), aws);

        Assert.Equal([Id, Other], inventory.GuardDutyDetectors.Select(d => d.Id));
        Assert.All(inventory.GuardDutyDetectors, d => Assert.Equal(("DISABLED", 0), (d.Status, d.Features.Count)));
        var pages = aws.Requests.Where(r => r.Path == "/detector").ToList();
        Assert.Equal(["maxResults=50", "maxResults=50&nextToken=page%2F2%2B"], pages.Select(p => p.Query));
        Assert.Equal(2 + 2 * (2 + 3), aws.Requests.Count);
    }

    [Fact]
    public async Task A_region_without_a_detector_has_no_record_and_no_error()
    {
        var aws = Route(new FakeAws(), "/detector", FakeAws.Json("""{"detectorIds":[]}"""));

        var inventory = await CollectorHarness.Collect(new GuardDutyCollector(), aws);

        Assert.Empty(inventory.GuardDutyDetectors);
        Assert.Empty(inventory.CollectionErrors);
        Assert.Single(aws.Requests);
    }

    [Fact]
    public async Task Access_denied_on_listing_is_a_collection_error_for_the_type()
    {
        var aws = Route(new FakeAws(), "/detector", FakeAws.JsonError("AccessDeniedException",
            "User: arn:aws:sts::123456789012:assumed-role/scanner/s is not authorized to perform: guardduty:ListDetectors", HttpStatusCode.Forbidden));

        var inventory = await CollectorHarness.Collect(new GuardDutyCollector(), aws);

        Assert.Empty(inventory.GuardDutyDetectors);
        var error = Assert.Single(inventory.CollectionErrors);
        Assert.Equal(("guardduty", "ListDetectors", ResourceTypes.GuardDutyDetector, "AccessDeniedException", (string?)null),
            (error.Service, error.Operation, error.ResourceType, error.ErrorCode, error.ResourceId));
        Assert.Single(aws.Requests);
    }

    [Fact]
    public async Task A_failed_getter_leaves_only_its_field_unknown()
    {
        var aws = NoFindings(Route(Route(Route(new FakeAws(), "/detector", FakeAws.Json($$"""{"detectorIds":["{{Id}}"]}""")),
            $"/detector/{Id}", FakeAws.JsonError("AccessDeniedException", "not authorized to perform: guardduty:GetDetector", HttpStatusCode.Forbidden)),
            $"/detector/{Id}/administrator", FakeAws.JsonError("BadRequestException", "The request is rejected.", HttpStatusCode.BadRequest)), Id);

        var inventory = await CollectorHarness.Collect(new GuardDutyCollector(), aws);

        var detector = Assert.Single(inventory.GuardDutyDetectors);
        Assert.Null(detector.Status);
        Assert.True(detector.TagsUnknown);
        Assert.Empty(detector.Features);
        Assert.Null(detector.AdministratorAccountId);
        Assert.Equal([("GetAdministratorAccount", Id, "BadRequestException"), ("GetDetector", Id, "AccessDeniedException")],
            inventory.CollectionErrors.Select(e => (e.Operation, e.ResourceId, e.ErrorCode)));
    }

    [Fact]
    public async Task Throttling_is_retried_then_succeeds()
    {
        var throttledFirst = new FakeAws();
        Route(throttledFirst, "/detector", FakeAws.JsonError("TooManyRequestsException", "Rate exceeded", HttpStatusCode.TooManyRequests), FakeAws.Json($$"""{"detectorIds":["{{Id}}"]}"""));
        NoFindings(Route(Route(throttledFirst, $"/detector/{Id}", FakeAws.Json(Detector)), $"/detector/{Id}/administrator", FakeAws.Json(Managed)), Id);

        var inventory = await CollectorHarness.Collect(new GuardDutyCollector(), throttledFirst);

        Assert.Equal("ENABLED", Assert.Single(inventory.GuardDutyDetectors).Status);
        Assert.Equal(2, throttledFirst.Requests.Count(r => r.Path == "/detector"));
        Assert.Empty(inventory.CollectionErrors);
    }

    [Fact]
    public async Task A_targeted_scan_describes_only_the_named_detector()
    {
        var aws = Route(new FakeAws(), "/detector", FakeAws.Json($$"""{"detectorIds":["{{Id}}","{{Other}}"]}"""));
        NoFindings(Route(Route(aws, $"/detector/{Other}", FakeAws.Json(Detector)), $"/detector/{Other}/administrator", FakeAws.Json(Managed)), Other);
        var scope = new CollectionScope
        {
            Types = new HashSet<string> { ResourceTypes.GuardDutyDetector },
            ResourceIds = new Dictionary<string, IReadOnlyList<string>> { [ResourceTypes.GuardDutyDetector] = [Other] },
        };

        var inventory = await CollectorHarness.Collect(new GuardDutyCollector(), aws, scope: scope);

        Assert.Equal(Other, Assert.Single(inventory.GuardDutyDetectors).Id);
        Assert.Equal(3 + 3, aws.Requests.Count);

        var none = new FakeAws();
        await CollectorHarness.Collect(new GuardDutyCollector(), none, scope: new CollectionScope { Types = new HashSet<string> { ResourceTypes.SnsTopic } });
        Assert.Empty(none.Requests);
    }
}
