using Compliance.Rules.ApiGateway;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.ApiGateway.ApiGatewayFixtures;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.ApiGateway;

public sealed class MethodApiKeyWithThrottledUsagePlanTests
{
    private readonly MethodApiKeyWithThrottledUsagePlan _rule = new();

    [Fact]
    public void Keyed_methods_on_throttled_plans_pass_and_the_rest_fail()
    {
        var inventory = BaseInventory with
        {
            ApiGatewayMethods =
            [
                Method("pass-plan-throttle", api: "throttled01"),
                Method("pass-per-method-throttle", api: "permethod01", path: "/pets/{petId}"),
                Method("pass-not-deployed", api: "nostage0001"),
                Method("cors-preflight", api: "throttled01", httpMethod: "OPTIONS", authorization: "NONE", apiKey: false, integration: "MOCK"),
                Method("fail-no-key", api: "throttled01", apiKey: false),
                Method("fail-stage-without-plan", api: "twostages01"),
                Method("fail-plan-without-throttle", api: "nothrottle1"),
                Method("fail-other-method-throttled", api: "permethod01", path: "/owners"),
            ],
            ApiGatewayStages =
            [
                Stage("throttled01/prod", api: "throttled01"),
                Stage("permethod01/prod", api: "permethod01"),
                Stage("twostages01/prod", api: "twostages01"),
                Stage("twostages01/test", api: "twostages01", name: "test"),
                Stage("nothrottle1/prod", api: "nothrottle1"),
            ],
            ApiGatewayUsagePlans =
            [
                Plan("9c4f2e", 100, ("throttled01", "prod"), ("twostages01", "prod")),
                Plan("7h3k1m", null, ("nothrottle1", "prod")),
                Plan("2b8d5q", null, ("permethod01", "prod")) with
                {
                    ApiStages =
                    [
                        new ApiGatewayUsagePlanStage
                        {
                            ApiId = "permethod01", Stage = "prod",
                            Throttle = new Dictionary<string, ApiGatewayThrottle> { ["/pets/{petId}/GET"] = new() { RateLimit = 20, BurstLimit = 40 } },
                        },
                    ],
                },
            ],
        };

        var findings = ExactFailing(_rule, inventory, "fail-no-key", "fail-stage-without-plan", "fail-plan-without-throttle", "fail-other-method-throttled");

        Assert.Equal(ComplianceStatus.NotApplicable, StatusOf(findings, "cors-preflight"));
        Assert.Equal("test", Assert.Single(findings, f => f.Resource.Id == "fail-stage-without-plan").Evidence["unboundStage"]);
    }

    [Fact]
    public void A_plan_in_another_region_does_not_bind_the_stage()
    {
        var inventory = BaseInventory with
        {
            ApiGatewayMethods = [Method("fail-plan-elsewhere")],
            ApiGatewayStages = [Stage("a1b2c3d4e5/prod")],
            ApiGatewayUsagePlans = [Plan("9c4f2e", 100, ("a1b2c3d4e5", "prod")) with { Region = OtherRegion }],
        };

        ExactFailing(_rule, inventory, "fail-plan-elsewhere");
    }

    [Fact]
    public void Unknown_key_setting_stages_or_usage_plans_are_errors()
    {
        var inventory = BaseInventory with
        {
            ApiGatewayMethods = [Method("unknown-key", apiKey: null), Method("unknown-stages", api: "stagesfail1"), Method("unknown-plans", api: "plansfail01")],
            ApiGatewayStages = [Stage("plansfail01/prod", api: "plansfail01")],
            CollectionErrors =
            [
                PerApiError(ResourceTypes.ApiGatewayStage, "GetStages", "stagesfail1"),
                PerApiError(ResourceTypes.ApiGatewayUsagePlan, "GetUsagePlans", "ignored") with { ResourceId = null },
            ],
        };

        var findings = Evaluate(_rule, inventory);

        Assert.Equal([ComplianceStatus.Error], findings.Select(f => f.Status).Distinct());
        Assert.Equal(3, findings.Count);
    }

    [Fact]
    public void Failure_names_the_route_and_the_stage_without_a_plan()
    {
        var inventory = BaseInventory with
        {
            ApiGatewayMethods = [Method("a1b2c3d4e5/3kzxbg5sa2/GET")],
            ApiGatewayStages = [Stage("a1b2c3d4e5/prod")],
        };

        var finding = Assert.Single(Evaluate(_rule, inventory));

        Assert.Equal("Method GET /pets of REST API a1b2c3d4e5 requires an API key, but stage prod is in no usage plan, so no key is accepted and no throttle applies there.", finding.Message);
        Assert.Equal(("true", "prod"), (finding.Evidence["apiKeyRequired"], finding.Evidence["unboundStage"]));
    }
}
