using Compliance.Rules.ApiGateway;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.ApiGateway.ApiGatewayFixtures;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.ApiGateway;

public sealed class StageCacheEncryptedTests
{
    private readonly StageCacheEncrypted _rule = new();

    private static Dictionary<string, ApiGatewayMethodSetting> Settings(params (string Key, ApiGatewayMethodSetting Setting)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Setting);

    [Fact]
    public void Cached_methods_must_encrypt_and_stages_without_caching_are_not_applicable()
    {
        var inventory = BaseInventory with
        {
            ApiGatewayStages =
            [
                Stage("pass-encrypted", cacheCluster: true, settings: Settings(("*/*", Setting(caching: true, encrypted: true)))),
                Stage("pass-cluster-but-nothing-cached", cacheCluster: true, settings: Settings(("*/*", Setting(caching: false)))),
                Stage("no-caching", cacheCluster: false, settings: Settings(("*/*", Setting()))),
                Stage("fail-unencrypted", cacheCluster: true, settings: Settings(("*/*", Setting(caching: true, encrypted: false)))),
                Stage("fail-override-unencrypted", cacheCluster: true,
                    settings: Settings(("*/*", Setting(caching: true, encrypted: true)), ("pets/GET", Setting(caching: true, encrypted: false)))),
                Stage("fail-cluster-with-default-settings", cacheCluster: true),
                Stage("fail-method-caching-without-cluster", cacheCluster: false, settings: Settings(("pets/GET", Setting(caching: true)))),
            ],
        };

        var findings = ExactFailing(_rule, inventory, "fail-unencrypted", "fail-override-unencrypted", "fail-cluster-with-default-settings", "fail-method-caching-without-cluster");

        Assert.Equal(ComplianceStatus.NotApplicable, StatusOf(findings, "no-caching"));
        Assert.Equal("pets/GET", Assert.Single(findings, f => f.Resource.Id == "fail-override-unencrypted").Evidence["unencryptedKey"]);
        var byDefault = Assert.Single(findings, f => f.Resource.Id == "fail-cluster-with-default-settings");
        Assert.Equal("*/* (default)", byDefault.Evidence["unencryptedKey"]);
        Assert.Contains("its GET methods (the cache cluster's default, with no */* settings)", byDefault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_settings_are_errors()
    {
        var inventory = BaseInventory with
        {
            ApiGatewayStages =
            [
                Stage("unknown-settings", cacheCluster: true) with { MethodSettings = null },
                Stage("unknown-cluster", cacheCluster: null),
                Stage("unknown-encryption", settings: Settings(("*/*", Setting(caching: true) with { CacheDataEncrypted = null }))),
            ],
            CollectionErrors = [PerApiError(ResourceTypes.ApiGatewayStage, "GetStages", "stagesfail1")],
        };

        var findings = Evaluate(_rule, inventory);

        Assert.All(["unknown-settings", "unknown-cluster", "unknown-encryption", "stagesfail1/*"], id => Assert.Equal(ComplianceStatus.Error, StatusOf(findings, id)));
    }

    [Fact]
    public void Failure_names_the_stage_and_the_unencrypted_setting()
    {
        var inventory = BaseInventory with { ApiGatewayStages = [Stage("a1b2c3d4e5/prod", cacheCluster: true, settings: Settings(("*/*", Setting(caching: true))))] };

        var finding = Assert.Single(Evaluate(_rule, inventory));

        Assert.Equal("Stage prod of REST API a1b2c3d4e5 caches responses for all methods (*/*) without encrypting the cached data.", finding.Message);
        Assert.Equal(("true", "*/*"), (finding.Evidence["cacheClusterEnabled"], finding.Evidence["unencryptedKey"]));
    }
}
