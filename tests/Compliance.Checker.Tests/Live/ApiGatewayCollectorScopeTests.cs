using System.Net;
using Compliance.Checker.Live.Collection;
using Compliance.Checker.Live.Collectors;
using Compliance.Rules.Inventory;
using static Compliance.Checker.Tests.Live.ApiGatewayResponses;

namespace Compliance.Checker.Tests.Live;

/// <summary>Targeted scans and the answers that must read as unknown.</summary>
public sealed class ApiGatewayCollectorScopeTests
{
    private static FakeAws Account()
    {
        var aws = new FakeAws();
        Route(aws, "/restapis", FakeAws.Json(Apis("", PrivateApi, RegionalApi)));
        Route(aws, $"/restapis/{Private}/stages", FakeAws.Json(PrivateStages));
        Route(aws, $"/restapis/{Private}/resources", FakeAws.Json(PrivateResources));
        Route(aws, "/usageplans", FakeAws.Json(UsagePlans));
        return aws;
    }

    [Fact]
    public async Task A_targeted_scan_reads_only_the_named_stage_of_the_named_api()
    {
        var aws = Account();
        Route(aws, $"/restapis/{Private}", FakeAws.Json(PrivateApi));
        var scope = new CollectionScope
        {
            Types = new HashSet<string> { ResourceTypes.ApiGatewayStage },
            ResourceIds = new Dictionary<string, IReadOnlyList<string>> { [ResourceTypes.ApiGatewayStage] = [$"{Private}/prod"] },
        };

        var inventory = await CollectorHarness.Collect(new ApiGatewayCollector(), aws, scope: scope);

        Assert.Equal([$"{Private}/prod"], inventory.ApiGatewayStages.Select(s => s.Id));
        Assert.Empty(inventory.ApiGatewayRestApis);
        Assert.Empty(inventory.ApiGatewayMethods);
        Assert.Equal([$"GET /restapis/{Private}", $"GET /restapis/{Private}/stages"], aws.Requests.Select(r => r.Operation).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_targeted_api_that_does_not_exist_is_skipped_without_an_error()
    {
        var aws = Route(new FakeAws(), "/restapis/zzzzzzzzzz", FakeAws.JsonError("NotFoundException", "Invalid API identifier specified 123456789012:zzzzzzzzzz", HttpStatusCode.NotFound));
        var scope = new CollectionScope
        {
            Types = new HashSet<string> { ResourceTypes.ApiGatewayRestApi },
            ResourceIds = new Dictionary<string, IReadOnlyList<string>> { [ResourceTypes.ApiGatewayRestApi] = ["zzzzzzzzzz"] },
        };

        var inventory = await CollectorHarness.Collect(new ApiGatewayCollector(), aws, scope: scope);

        Assert.Empty(inventory.ApiGatewayRestApis);
        Assert.Empty(inventory.CollectionErrors);
        Assert.Single(aws.Requests);
    }

    [Fact]
    public async Task A_named_api_that_cannot_be_read_leaves_its_stages_and_methods_unknown()
    {
        var aws = Route(new FakeAws(), $"/restapis/{Private}", FakeAws.JsonError("AccessDeniedException", "not authorized to perform: apigateway:GET", HttpStatusCode.Forbidden));
        var scope = new CollectionScope
        {
            Types = new HashSet<string> { ResourceTypes.ApiGatewayRestApi, ResourceTypes.ApiGatewayStage, ResourceTypes.ApiGatewayMethod },
            ResourceIds = new Dictionary<string, IReadOnlyList<string>>
            {
                [ResourceTypes.ApiGatewayRestApi] = [Private], [ResourceTypes.ApiGatewayStage] = [$"{Private}/prod"], [ResourceTypes.ApiGatewayMethod] = [$"{Private}/3kzxbg5sa2/GET"],
            },
        };

        var inventory = await CollectorHarness.Collect(new ApiGatewayCollector(), aws, scope: scope);

        Assert.Equal(
            [(ResourceTypes.ApiGatewayMethod, "AccessDeniedException"), (ResourceTypes.ApiGatewayRestApi, "AccessDeniedException"), (ResourceTypes.ApiGatewayStage, "AccessDeniedException")],
            inventory.CollectionErrors.Select(e => (e.ResourceType, e.ErrorCode)).Order());
        Assert.All(inventory.CollectionErrors, e => Assert.Equal(("GetRestApi", (string?)Private), (e.Operation, e.ResourceId)));
        Assert.Single(aws.Requests);
    }

    [Fact]
    public async Task A_plain_policy_is_read_as_is_and_an_unreadable_one_is_unknown()
    {
        var plain = RegionalApi.Replace("\"rootResourceId\"", """ "policy":"{\"Version\":\"2012-10-17\",\"Statement\":[]}","rootResourceId" """.Trim(), StringComparison.Ordinal);
        var broken = PrivateApi.Replace(""" \\\"Statement\\\":[ """.Trim(), "[", StringComparison.Ordinal);
        Assert.NotEqual(PrivateApi, broken);
        var aws = Route(new FakeAws(), "/restapis", FakeAws.Json(Apis("", broken, plain)));
        var scope = new CollectionScope { Types = new HashSet<string> { ResourceTypes.ApiGatewayRestApi } };

        var inventory = await CollectorHarness.Collect(new ApiGatewayCollector(), aws, scope: scope);

        Assert.Null(inventory.ApiGatewayRestApis.Single(a => a.Id == Private).Policy);
        Assert.Equal("2012-10-17", inventory.ApiGatewayRestApis.Single(a => a.Id == Regional).Policy!.Version);
        var error = Assert.Single(inventory.CollectionErrors);
        Assert.Equal(("InvalidPolicy", ResourceTypes.ApiGatewayRestApi, (string?)Private), (error.ErrorCode, error.ResourceType, error.ResourceId));
    }

    [Fact]
    public async Task An_empty_method_object_leaves_its_settings_unknown()
    {
        var aws = Route(new FakeAws(), "/restapis", FakeAws.Json(Apis("", RegionalApi)));
        Route(aws, $"/restapis/{Regional}/resources", FakeAws.Json("""{"item":[{"id":"r00tid0002","path":"/","resourceMethods":{"GET":{}}}]}"""));
        var scope = new CollectionScope { Types = new HashSet<string> { ResourceTypes.ApiGatewayMethod } };

        var method = Assert.Single((await CollectorHarness.Collect(new ApiGatewayCollector(), aws, scope: scope)).ApiGatewayMethods);

        Assert.Equal(("GET", (string?)null, (bool?)null, (string?)null), (method.HttpMethod, method.AuthorizationType, method.ApiKeyRequired, method.IntegrationType));
    }
}
