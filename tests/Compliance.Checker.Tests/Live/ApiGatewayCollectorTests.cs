using System.Net;
using Compliance.Checker.Live.Collection;
using Compliance.Checker.Live.Collectors;
using Compliance.Rules.Inventory;
using static Compliance.Checker.Tests.Live.ApiGatewayResponses;

namespace Compliance.Checker.Tests.Live;

public sealed class ApiGatewayCollectorTests
{
    /// <summary>Two APIs (one private, one regional), their stages and methods, and one page of usage plans.</summary>
    private static FakeAws Account()
    {
        var aws = new FakeAws();
        Route(aws, "/restapis", FakeAws.Json(Apis("", PrivateApi, RegionalApi)));
        Route(aws, $"/restapis/{Private}/stages", FakeAws.Json(PrivateStages));
        Route(aws, $"/restapis/{Regional}/stages", FakeAws.Json(RegionalStages));
        Route(aws, $"/restapis/{Private}/resources", FakeAws.Json(PrivateResources));
        Route(aws, $"/restapis/{Regional}/resources", FakeAws.Json(RegionalResources));
        Route(aws, "/usageplans", FakeAws.Json(UsagePlans));
        return aws;
    }

    [Fact]
    public async Task Maps_apis_with_their_unescaped_policy_endpoint_type_and_tags()
    {
        var inventory = await CollectorHarness.Collect(new ApiGatewayCollector(), Account());

        Assert.Equal([Private, Regional], inventory.ApiGatewayRestApis.Select(a => a.Id));
        var api = inventory.ApiGatewayRestApis[0];
        Assert.Equal(("orders", "eu-west-1", CollectorHarness.Account, $"arn:aws:apigateway:eu-west-1::/restapis/{Private}"), (api.Name, api.Region, api.AccountId, api.Arn));
        Assert.Equal(["PRIVATE"], api.EndpointTypes!);
        Assert.Equal(["vpce-0a1b2c3d4e5f60718"], api.VpcEndpointIds);
        Assert.Equal(new Dictionary<string, string> { ["Name"] = "orders", ["Owner"] = "payments" }, api.Tags);
        Assert.Equal(2, api.Policy!.Statements.Count);
        var deny = api.Policy.Statements[0];
        Assert.Equal(("Deny", $"arn:aws:execute-api:eu-west-1:123456789012:{Private}/*"), (deny.Effect, Assert.Single(deny.Resources)));
        Assert.Equal(("StringNotEquals", "aws:SourceVpce", "vpce-0a1b2c3d4e5f60718"), (deny.Conditions[0].Operator, deny.Conditions[0].Key, deny.Conditions[0].Values[0]));
        var regional = inventory.ApiGatewayRestApis[1];
        Assert.Equal(["REGIONAL"], regional.EndpointTypes!);
        Assert.Equal((0, 0), (regional.Policy!.Statements.Count, regional.VpcEndpointIds.Count));
        Assert.Empty(inventory.CollectionErrors);
    }

    [Fact]
    public async Task Maps_stage_settings_with_api_gateway_defaults_for_what_is_absent()
    {
        var inventory = await CollectorHarness.Collect(new ApiGatewayCollector(), Account());

        Assert.Equal([$"{Private}/prod", $"{Private}/test", $"{Regional}/v1"], inventory.ApiGatewayStages.Select(s => s.Id));
        var prod = inventory.ApiGatewayStages[0];
        Assert.Equal((Private, "prod", "rbh1fj", $"arn:aws:apigateway:eu-west-1::/restapis/{Private}/stages/prod"), (prod.RestApiId, prod.StageName, prod.DeploymentId, prod.Arn));
        Assert.Equal((AccessLogGroup, WebAcl, (bool?)true), (prod.AccessLogDestinationArn, prod.WebAclArn, prod.CacheClusterEnabled));
        Assert.Equal(new ApiGatewayMethodSetting { LoggingLevel = "INFO", DataTraceEnabled = false, MetricsEnabled = true, CachingEnabled = true, CacheDataEncrypted = true }, prod.MethodSettings!["*/*"]);
        Assert.Equal(new ApiGatewayMethodSetting { LoggingLevel = "ERROR", DataTraceEnabled = true, MetricsEnabled = false, CachingEnabled = false, CacheDataEncrypted = false }, prod.MethodSettings["pets/GET"]);
        Assert.Equal(new Dictionary<string, string> { ["Environment"] = "prod" }, prod.Tags);
        var test = inventory.ApiGatewayStages[1];
        Assert.Equal((0, "", "", (bool?)false), (test.MethodSettings!.Count, test.AccessLogDestinationArn, test.WebAclArn, test.CacheClusterEnabled));
    }

    [Fact]
    public async Task Maps_every_method_from_one_embedded_resources_call()
    {
        var aws = Account();

        var inventory = await CollectorHarness.Collect(new ApiGatewayCollector(), aws);

        Assert.Equal([$"{Private}/3kzxbg5sa2/GET", $"{Private}/3kzxbg5sa2/OPTIONS", $"{Regional}/r00tid0002/GET"], inventory.ApiGatewayMethods.Select(m => m.Id));
        var get = inventory.ApiGatewayMethods[0];
        Assert.Equal((Private, "3kzxbg5sa2", "/pets", "GET", "AWS_IAM", "", (bool?)true, "AWS_PROXY"),
            (get.RestApiId, get.ResourceId, get.ResourcePath, get.HttpMethod, get.AuthorizationType, get.AuthorizerId, get.ApiKeyRequired, get.IntegrationType));
        Assert.Equal($"arn:aws:apigateway:eu-west-1::/restapis/{Private}/resources/3kzxbg5sa2/methods/GET", get.Arn);
        var options = inventory.ApiGatewayMethods[1];
        Assert.Equal(("NONE", (bool?)false, "MOCK"), (options.AuthorizationType, options.ApiKeyRequired, options.IntegrationType));
        Assert.All(aws.Calls("apigateway", $"GET /restapis/{Private}/resources?embed=methods&limit=500"), r => Assert.Equal("eu-west-1", r.Region));
        Assert.Single(aws.Calls("apigateway", $"GET /restapis/{Private}/resources?embed=methods&limit=500"));
    }

    [Fact]
    public async Task Maps_usage_plans_with_their_stages_and_throttles()
    {
        var inventory = await CollectorHarness.Collect(new ApiGatewayCollector(), Account());

        var plan = Assert.Single(inventory.ApiGatewayUsagePlans);
        Assert.Equal(("9c4f2e", "partners", "arn:aws:apigateway:eu-west-1::/usageplans/9c4f2e"), (plan.Id, plan.Name, plan.Arn));
        Assert.Equal(new ApiGatewayThrottle { RateLimit = 100, BurstLimit = 200 }, plan.Throttle);
        Assert.Equal([(Private, "prod"), (Private, "test")], plan.ApiStages.Select(s => (s.ApiId, s.Stage)));
        Assert.Equal(new ApiGatewayThrottle { RateLimit = 20, BurstLimit = 40 }, plan.ApiStages[0].Throttle["/pets/GET"]);
        Assert.Empty(plan.ApiStages[1].Throttle);
        Assert.Equal(new Dictionary<string, string> { ["team"] = "payments" }, plan.Tags);
    }

    [Fact]
    public async Task Costs_the_list_pages_plus_one_stages_call_and_the_resource_pages_per_api()
    {
        var aws = Account();

        await CollectorHarness.Collect(new ApiGatewayCollector(), aws);

        Assert.Equal(
            ["GET /restapis/a1b2c3d4e5/resources?embed=methods&limit=500", "GET /restapis/a1b2c3d4e5/stages", "GET /restapis/f9g8h7j6k5/resources?embed=methods&limit=500",
             "GET /restapis/f9g8h7j6k5/stages", "GET /restapis?limit=500", "GET /usageplans?limit=500"],
            aws.Requests.Select(r => r.Operation).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Reads_every_page_of_apis_resources_and_usage_plans()
    {
        var aws = new FakeAws();
        Route(aws, "/restapis", FakeAws.Json(Apis("1717430400000/a1b2", PrivateApi)), FakeAws.Json(Apis("", RegionalApi)));
        Route(aws, $"/restapis/{Private}/stages", FakeAws.Json(PrivateStages));
        Route(aws, $"/restapis/{Regional}/stages", FakeAws.Json(RegionalStages));
        Route(aws, $"/restapis/{Private}/resources", FakeAws.Json(WithPosition(PrivateResources, "7hq2mz")), FakeAws.Json(PrivateResourcesPageTwo));
        Route(aws, $"/restapis/{Regional}/resources", FakeAws.Json(RegionalResources));
        Route(aws, "/usageplans", FakeAws.Json(WithPosition(UsagePlans, "9c4f2e")), FakeAws.Json(UsagePlansPageTwo));

        var inventory = await CollectorHarness.Collect(new ApiGatewayCollector(), aws);

        Assert.Equal([Private, Regional], inventory.ApiGatewayRestApis.Select(a => a.Id));
        Assert.Equal(["limit=500", "limit=500&position=1717430400000%2Fa1b2"], aws.Requests.Where(r => r.Path == "/restapis").Select(r => r.Query));
        var delete = Assert.Single(inventory.ApiGatewayMethods, m => m.HttpMethod == "DELETE");
        Assert.Equal(("/pets/{petId}", "COGNITO_USER_POOLS", "4jwb8b", "HTTP"), (delete.ResourcePath, delete.AuthorizationType, delete.AuthorizerId, delete.IntegrationType));
        Assert.Equal(["embed=methods&limit=500", "embed=methods&limit=500&position=7hq2mz"], aws.Requests.Where(r => r.Path == $"/restapis/{Private}/resources").Select(r => r.Query));
        Assert.Equal(["7h3k1m", "9c4f2e"], inventory.ApiGatewayUsagePlans.Select(p => p.Id));
        Assert.Null(inventory.ApiGatewayUsagePlans[0].Throttle);
        Assert.Equal(2 + 2 + 2 + 3, aws.Requests.Count);
    }

    [Fact]
    public async Task Access_denied_on_listing_apis_leaves_apis_stages_and_methods_unknown_but_reads_usage_plans()
    {
        var aws = Route(new FakeAws(), "/restapis", FakeAws.JsonError("AccessDeniedException",
            "User: arn:aws:sts::123456789012:assumed-role/scanner/s is not authorized to perform: apigateway:GET on resource: arn:aws:apigateway:eu-west-1::/restapis", HttpStatusCode.Forbidden));
        Route(aws, "/usageplans", FakeAws.Json(UsagePlans));

        var inventory = await CollectorHarness.Collect(new ApiGatewayCollector(), aws);

        Assert.Empty(inventory.ApiGatewayRestApis);
        Assert.Single(inventory.ApiGatewayUsagePlans);
        Assert.Equal(
            [(ResourceTypes.ApiGatewayMethod, "AccessDeniedException"), (ResourceTypes.ApiGatewayRestApi, "AccessDeniedException"), (ResourceTypes.ApiGatewayStage, "AccessDeniedException")],
            inventory.CollectionErrors.Select(e => (e.ResourceType, e.ErrorCode)).Order());
        Assert.All(inventory.CollectionErrors, e => Assert.Equal(("GetRestApis", (string?)null), (e.Operation, e.ResourceId)));
        Assert.Equal(2, aws.Requests.Count);
    }

    [Fact]
    public async Task A_failed_per_api_call_is_an_error_for_that_api_and_the_rest_is_read()
    {
        var aws = new FakeAws();
        Route(aws, $"/restapis/{Private}/stages", FakeAws.JsonError("AccessDeniedException", "not authorized to perform: apigateway:GET", HttpStatusCode.Forbidden));
        Route(aws, $"/restapis/{Regional}/resources", FakeAws.JsonError("NotFoundException", "Invalid API identifier specified", HttpStatusCode.NotFound));
        foreach (var (path, body) in new[] { ("/restapis", Apis("", PrivateApi, RegionalApi)), ($"/restapis/{Regional}/stages", RegionalStages), ($"/restapis/{Private}/resources", PrivateResources), ("/usageplans", UsagePlans) })
        {
            Route(aws, path, FakeAws.Json(body));
        }

        var inventory = await CollectorHarness.Collect(new ApiGatewayCollector(), aws);

        Assert.Equal([$"{Regional}/v1"], inventory.ApiGatewayStages.Select(s => s.Id));
        Assert.All(inventory.ApiGatewayMethods, m => Assert.Equal(Private, m.RestApiId));
        Assert.Equal([("GetResources", ResourceTypes.ApiGatewayMethod, Regional, "NotFoundException"), ("GetStages", ResourceTypes.ApiGatewayStage, Private, "AccessDeniedException")],
            inventory.CollectionErrors.Select(e => (e.Operation, e.ResourceType, e.ResourceId!, e.ErrorCode)));
    }

    [Fact]
    public async Task Throttling_is_retried_then_succeeds()
    {
        var throttledFirst = new FakeAws();
        Route(throttledFirst, "/usageplans", FakeAws.JsonError("TooManyRequestsException", "Too Many Requests", HttpStatusCode.TooManyRequests), FakeAws.Json(UsagePlans));
        Route(throttledFirst, "/restapis", FakeAws.Json(Apis("")));

        var inventory = await CollectorHarness.Collect(new ApiGatewayCollector(), throttledFirst);

        Assert.Single(inventory.ApiGatewayUsagePlans);
        Assert.Equal(2, throttledFirst.Requests.Count(r => r.Path == "/usageplans"));
        Assert.Empty(inventory.CollectionErrors);
    }
}
