using Compliance.Rules.ApiGateway;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.ApiGateway.ApiGatewayFixtures;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.ApiGateway;

public sealed class MethodAuthorizerRequiredTests
{
    private readonly MethodAuthorizerRequired _rule = new();

    [Fact]
    public void Methods_without_an_authorizer_fail_and_cors_preflights_are_not_applicable()
    {
        var inventory = BaseInventory with
        {
            ApiGatewayMethods =
            [
                Method("pass-iam", authorization: "AWS_IAM"),
                Method("pass-cognito", authorization: "COGNITO_USER_POOLS") with { AuthorizerId = "4jwb8b" },
                Method("pass-lambda-authorizer", httpMethod: "ANY", authorization: "CUSTOM") with { AuthorizerId = "zx9k2p" },
                Method("cors-preflight", httpMethod: "OPTIONS", authorization: "NONE", apiKey: false, integration: "MOCK"),
                Method("fail-none", authorization: "NONE"),
                Method("fail-options-proxied", httpMethod: "OPTIONS", authorization: "NONE", integration: "HTTP_PROXY"),
                Method("fail-post-mock", httpMethod: "POST", authorization: "NONE", integration: "MOCK"),
            ],
        };

        var findings = ExactFailing(_rule, inventory, "fail-none", "fail-options-proxied", "fail-post-mock");

        Assert.Equal(ComplianceStatus.NotApplicable, StatusOf(findings, "cors-preflight"));
    }

    [Fact]
    public void Without_the_cors_exemption_a_preflight_fails_and_the_allowed_types_are_a_parameter()
    {
        var inventory = BaseInventory with
        {
            ApiGatewayMethods = [Method("preflight", httpMethod: "OPTIONS", authorization: "NONE", integration: "MOCK"), Method("iam", authorization: "AWS_IAM")],
        };

        var findings = Evaluate(_rule, inventory, new Dictionary<string, string> { ["exemptCorsPreflight"] = "false", ["authorizationTypes"] = "COGNITO_USER_POOLS" });

        Assert.Equal(ComplianceStatus.Fail, StatusOf(findings, "preflight"));
        Assert.Equal(ComplianceStatus.Fail, StatusOf(findings, "iam"));
    }

    [Fact]
    public void Unknown_authorization_or_unknown_preflight_integration_and_unreadable_methods_are_errors()
    {
        var inventory = BaseInventory with
        {
            ApiGatewayMethods =
            [
                Method("unknown-auth") with { AuthorizationType = null },
                Method("unknown-integration", httpMethod: "OPTIONS", authorization: "NONE", integration: null),
            ],
            CollectionErrors = [PerApiError(ResourceTypes.ApiGatewayMethod, "GetResources", "f9g8h7j6k5")],
        };

        var findings = Evaluate(_rule, inventory);

        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "unknown-auth"));
        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "unknown-integration"));
        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "f9g8h7j6k5/*"));
    }

    [Fact]
    public void Failure_names_the_route_the_api_and_the_authorization_type()
    {
        var inventory = BaseInventory with { ApiGatewayMethods = [Method("a1b2c3d4e5/3kzxbg5sa2/DELETE", path: "/pets/{petId}", httpMethod: "DELETE", authorization: "NONE")] };

        var finding = Assert.Single(Evaluate(_rule, inventory));

        Assert.Equal("Method DELETE /pets/{petId} of REST API a1b2c3d4e5 has authorization type NONE, so any caller that reaches the API can invoke it.", finding.Message);
        Assert.Equal(("NONE", "AWS_PROXY"), (finding.Evidence["authorizationType"], finding.Evidence["integrationType"]));
    }
}
