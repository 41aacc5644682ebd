using Compliance.Rules.ApiGateway;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.ApiGateway.ApiGatewayFixtures;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.ApiGateway;

public sealed class StageExecutionLoggingTests
{
    private readonly StageExecutionLogging _rule = new();

    private static Dictionary<string, ApiGatewayMethodSetting> Settings(params (string Key, ApiGatewayMethodSetting Setting)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Setting);

    [Fact]
    public void Stages_logging_every_method_without_data_trace_pass()
    {
        var inventory = BaseInventory with
        {
            ApiGatewayStages =
            [
                Stage("pass-info", settings: Settings(("*/*", Setting("INFO")))),
                Stage("pass-error-with-info-override", settings: Settings(("*/*", Setting("ERROR")), ("pets/GET", Setting("INFO")))),
                Stage("pass-every-method-overridden", api: "perMethod01", settings: Settings(("pets/GET", Setting("ERROR")), ("~1pets/POST", Setting("INFO")))),
                Stage("fail-no-settings"),
                Stage("fail-off", settings: Settings(("*/*", Setting("OFF")))),
                Stage("fail-data-trace", settings: Settings(("*/*", Setting("INFO", dataTrace: true)))),
                Stage("fail-override-off", settings: Settings(("*/*", Setting("INFO")), ("pets/GET", Setting("OFF")))),
                Stage("fail-override-data-trace", settings: Settings(("*/*", Setting("ERROR")), ("pets/POST", Setting("ERROR", dataTrace: true)))),
                Stage("fail-one-method-not-overridden", api: "partial0001", settings: Settings(("pets/GET", Setting("INFO")))),
            ],
            ApiGatewayMethods =
            [
                Method("m1", api: "perMethod01"), Method("m2", api: "perMethod01", httpMethod: "POST"),
                Method("m3", api: "partial0001"), Method("m4", api: "partial0001", httpMethod: "DELETE"),
            ],
        };

        var findings = ExactFailing(_rule, inventory, "fail-no-settings", "fail-off", "fail-data-trace", "fail-override-off", "fail-override-data-trace", "fail-one-method-not-overridden");

        Assert.Equal("DELETE /pets", Assert.Single(findings, f => f.Resource.Id == "fail-one-method-not-overridden").Evidence["methodsWithoutLogging"]);
    }

    [Fact]
    public void Unknown_settings_and_unreadable_stages_or_methods_are_errors()
    {
        var inventory = BaseInventory with
        {
            ApiGatewayStages =
            [
                Stage("unknown-settings") with { MethodSettings = null },
                Stage("unknown-level", settings: Settings(("*/*", Setting() with { LoggingLevel = null }))),
                Stage("unknown-methods", api: "methodsfail", settings: Settings(("pets/GET", Setting("INFO")))),
            ],
            CollectionErrors =
            [
                PerApiError(ResourceTypes.ApiGatewayStage, "GetStages", "stagesfail1"),
                PerApiError(ResourceTypes.ApiGatewayMethod, "GetResources", "methodsfail"),
            ],
        };

        var findings = Evaluate(_rule, inventory);

        Assert.All(["unknown-settings", "unknown-level", "unknown-methods", "stagesfail1/*"], id => Assert.Equal(ComplianceStatus.Error, StatusOf(findings, id)));
    }

    [Fact]
    public void Failure_names_the_stage_and_the_setting()
    {
        var inventory = BaseInventory with { ApiGatewayStages = [Stage("a1b2c3d4e5/prod", settings: Settings(("*/*", Setting("INFO", dataTrace: true))))] };

        var finding = Assert.Single(Evaluate(_rule, inventory));

        Assert.Equal("Stage prod of REST API a1b2c3d4e5 has data trace on for all methods (*/*), which writes full request and response bodies to the execution logs.", finding.Message);
        Assert.Equal(("INFO", "true", "*/*"), (finding.Evidence["loggingLevel"], finding.Evidence["dataTraceEnabled"], finding.Evidence["dataTraceKey"]));
    }
}
