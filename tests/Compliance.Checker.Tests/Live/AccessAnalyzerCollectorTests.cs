using System.Net;
using Compliance.Checker.Live.Collection;
using Compliance.Checker.Live.Collectors;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Tests.Live;

public sealed class AccessAnalyzerCollectorTests
{
    /// <summary>The AWS CLI reference example of list-analyzers, split over two pages.</summary>
    private const string PageOne = """
        {"analyzers":[
          {"arn":"arn:aws:access-analyzer:eu-west-1:123456789012:analyzer/UnusedAccess-ConsoleAnalyzer-organization","createdAt":"2024-02-15T00:46:40+00:00",
           "name":"UnusedAccess-ConsoleAnalyzer-organization","status":"ACTIVE","tags":{"auto-delete":"no"},"type":"ORGANIZATION_UNUSED_ACCESS",
           "configuration":{"unusedAccess":{"unusedAccessAge":90}}},
          {"arn":"arn:aws:access-analyzer:eu-west-1:123456789012:analyzer/ConsoleAnalyzer-organization","createdAt":"2020-04-25T07:43:28+00:00",
           "lastResourceAnalyzed":"arn:aws:s3:::amzn-s3-demo-bucket","lastResourceAnalyzedAt":"2024-02-15T21:51:56.517000+00:00",
           "name":"ConsoleAnalyzer-organization","status":"ACTIVE","tags":{"auto-delete":"no"},"type":"ORGANIZATION"}],
         "nextToken":"eyJleGFtcGxlIjoidG9rZW4ifQ=="}
        """;

    private const string PageTwo = """
        {"analyzers":[{"arn":"arn:aws:access-analyzer:eu-west-1:123456789012:analyzer/ConsoleAnalyzer-account","createdAt":"2019-12-03T21:21:55+00:00",
          "name":"ConsoleAnalyzer-account","status":"FAILED","statusReason":{"code":"SERVICE_LINKED_ROLE_CREATION_FAILED"},"tags":{},"type":"ACCOUNT"}]}
        """;

    private static FakeAws Route(FakeAws aws, params Func<FakeRequest, HttpResponseMessage>[] replies) =>
        aws.On(r => r.Service == "access-analyzer" && r.Method == HttpMethod.Get && r.Path == "/analyzer", replies);

    [Fact]
    public async Task Lists_every_page_of_every_type_and_maps_each_analyzer()
    {
        var aws = Route(new FakeAws(), FakeAws.Json(PageOne), FakeAws.Json(PageTwo));

        var inventory = await CollectorHarness.Collect(new AccessAnalyzerCollector(), aws);

        Assert.Empty(inventory.CollectionErrors);
        Assert.Equal(["ConsoleAnalyzer-account", "ConsoleAnalyzer-organization", "UnusedAccess-ConsoleAnalyzer-organization"], inventory.AccessAnalyzers.Select(a => a.Id));
        var org = inventory.AccessAnalyzers.Single(a => a.Id == "ConsoleAnalyzer-organization");
        Assert.Equal(("eu-west-1", "123456789012", "ORGANIZATION", "ACTIVE"), (org.Region, org.AccountId, org.Type, org.Status));
        Assert.Equal("arn:aws:access-analyzer:eu-west-1:123456789012:analyzer/ConsoleAnalyzer-organization", org.Arn);
        Assert.Equal(new Dictionary<string, string> { ["auto-delete"] = "no" }, org.Tags);
        Assert.Equal("FAILED", inventory.AccessAnalyzers.Single(a => a.Id == "ConsoleAnalyzer-account").Status);

        var calls = aws.Requests.ToList();
        Assert.Equal(2, calls.Count); // the budget: one call per page, no type filter
        Assert.All(calls, c => Assert.Equal(("access-analyzer", "eu-west-1"), (c.Service, c.Region)));
        Assert.Equal("maxResults=100", calls[0].Query);
        Assert.Equal("maxResults=100&nextToken=eyJleGFtcGxlIjoidG9rZW4ifQ%3D%3D", calls[1].Query);
    }

    [Fact]
    public async Task A_region_without_analyzers_has_no_record_and_no_error()
    {
        var inventory = await CollectorHarness.Collect(new AccessAnalyzerCollector(), Route(new FakeAws(), FakeAws.Json("""{"analyzers":[]}""")));

        Assert.Empty(inventory.AccessAnalyzers);
        Assert.Empty(inventory.CollectionErrors);
    }

    [Fact]
    public async Task Access_denied_is_an_error_for_the_type_and_throttling_is_retried()
    {
        var denied = Route(new FakeAws(), FakeAws.Json("""{"message":"User is not authorized to perform: access-analyzer:ListAnalyzers"}""", HttpStatusCode.Forbidden));
        var inventory = await CollectorHarness.Collect(new AccessAnalyzerCollector(), denied, region: "us-east-1");

        var error = Assert.Single(inventory.CollectionErrors);
        Assert.Equal(("accessanalyzer", "ListAnalyzers", ResourceTypes.AccessAnalyzer, "us-east-1", (string?)null), (error.Service, error.Operation, error.ResourceType, error.Region, error.ResourceId));

        var throttled = Route(new FakeAws(), FakeAws.JsonError("ThrottlingException", "Rate exceeded", HttpStatusCode.TooManyRequests), FakeAws.Json(PageTwo));
        var retried = await CollectorHarness.Collect(new AccessAnalyzerCollector(), throttled);
        Assert.Single(retried.AccessAnalyzers);
        Assert.Empty(retried.CollectionErrors);
    }

    [Fact]
    public async Task Nothing_is_called_when_analyzers_are_not_wanted_and_named_ones_are_kept()
    {
        var none = new FakeAws();
        await CollectorHarness.Collect(new AccessAnalyzerCollector(), none, scope: new CollectionScope { Types = new HashSet<string> { ResourceTypes.IamRole } });
        Assert.Empty(none.Requests);

        var aws = Route(new FakeAws(), FakeAws.Json(PageTwo));
        var scope = new CollectionScope
        {
            Types = new HashSet<string> { ResourceTypes.AccessAnalyzer },
            ResourceIds = new Dictionary<string, IReadOnlyList<string>> { [ResourceTypes.AccessAnalyzer] = ["other"] },
        };
        Assert.Empty((await CollectorHarness.Collect(new AccessAnalyzerCollector(), aws, scope: scope)).AccessAnalyzers);
    }
}
