using Compliance.Rules.ApiGateway;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.ApiGateway.ApiGatewayFixtures;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.ApiGateway;

public sealed class StageWafAssociatedTests
{
    private readonly StageWafAssociated _rule = new();

    private const string WebAcl = "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/api-protection/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111";

    [Fact]
    public void Stages_with_a_wafv2_web_acl_pass()
    {
        var inventory = BaseInventory with
        {
            ApiGatewayStages =
            [
                Stage("pass-wafv2", webAcl: WebAcl),
                Stage("fail-none", webAcl: ""),
                Stage("fail-waf-classic", webAcl: "arn:aws:waf-regional:eu-west-1:123456789012:webacl/3b1c5b1a-6b47-4cde-9a2e-EXAMPLE22222"),
            ],
        };

        ExactFailing(_rule, inventory, "fail-none", "fail-waf-classic");
    }

    [Fact]
    public void Unknown_association_and_unreadable_stages_are_errors()
    {
        var inventory = BaseInventory with
        {
            ApiGatewayStages = [Stage("unknown", webAcl: null)],
            CollectionErrors = [PerApiError(ResourceTypes.ApiGatewayStage, "GetStages", "stagesfail1")],
        };

        var findings = Evaluate(_rule, inventory);

        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "unknown"));
        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "stagesfail1/*"));
    }

    [Fact]
    public void Failure_names_the_stage()
    {
        var finding = Assert.Single(Evaluate(_rule, BaseInventory with { ApiGatewayStages = [Stage("a1b2c3d4e5/prod")] }));

        Assert.Equal("Stage prod of REST API a1b2c3d4e5 has no AWS WAF web ACL, so requests reach it unfiltered.", finding.Message);
        Assert.Equal("", finding.Evidence["webAclArn"]);
    }
}
