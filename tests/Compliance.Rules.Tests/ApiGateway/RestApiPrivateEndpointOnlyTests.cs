using Compliance.Rules.ApiGateway;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.ApiGateway.ApiGatewayFixtures;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.ApiGateway;

public sealed class RestApiPrivateEndpointOnlyTests
{
    private readonly RestApiPrivateEndpointOnly _rule = new();

    private const string Endpoint = """{"StringNotEquals":{"aws:SourceVpce":"vpce-0a1b2c3d4e5f60718"}}""";

    /// <summary>The developer guide's pattern as GetRestApis returns it (shorthand expanded to the API's ARN): deny outside the endpoint, allow all.</summary>
    private static string DenyOutsideEndpoint(string api, string denyResource = "/*", string principal = "\"Principal\":\"*\"", string condition = Endpoint, string? allowResource = null) => $$"""
        {"Version":"2012-10-17","Statement":[
          {"Effect":"Deny",{{principal}},"Action":"execute-api:Invoke","Resource":"arn:aws:execute-api:eu-west-1:123456789012:{{api}}{{denyResource}}","Condition":{{condition}}},
          {"Effect":"Allow","Principal":"*","Action":"execute-api:Invoke","Resource":"{{allowResource ?? $"arn:aws:execute-api:eu-west-1:123456789012:{api}/*"}}"}]}
        """;

    /// <summary>An Allow conditioned on the source, in the template shorthand.</summary>
    private static string AllowFrom(string condition, string action = "execute-api:Invoke", string resource = "execute-api:/*") => $$"""
        {"Version":"2012-10-17","Statement":[
          {"Sid":"FromEndpoints","Effect":"Allow","Principal":"*","Action":"{{action}}","Resource":"{{resource}}","Condition":{{condition}}}]}
        """;

    private const string AllowAll = """
        {"Version":"2012-10-17","Statement":[{"Sid":"OpenToAll","Effect":"Allow","Principal":"*","Action":"execute-api:Invoke","Resource":"execute-api:/*"}]}
        """;

    [Fact]
    public void Private_apis_pinned_to_endpoints_pass_and_public_or_open_ones_fail()
    {
        var inventory = BaseInventory with
        {
            ApiGatewayRestApis =
            [
                Api("pass-deny-outside-endpoint", policyJson: DenyOutsideEndpoint("pass-deny-outside-endpoint")),
                Api("pass-deny-if-exists", policyJson: DenyOutsideEndpoint("pass-deny-if-exists", condition: """{"StringNotEqualsIfExists":{"aws:SourceVpce":"vpce-0a1b2c3d4e5f60718"}}""")),
                Api("pass-allow-from-endpoints", policyJson: AllowFrom("""{"StringEquals":{"aws:SourceVpce":["vpce-0a1b2c3d4e5f60718","vpce-0fedcba9876543210"]}}""")),
                Api("pass-any-api-wildcard-allow", policyJson: DenyOutsideEndpoint("pass-any-api-wildcard-allow", allowResource: "arn:aws:execute-api:eu-west-1:123456789012:*/*")),
                Api("fail-allow-wildcard-deny-one-stage", policyJson: DenyOutsideEndpoint("fail-allow-wildcard-deny-one-stage", denyResource: "/prod/*",
                    allowResource: "arn:aws:execute-api:eu-west-1:123456789012:*/*")),
                Api("pass-allow-from-vpc", policyJson: AllowFrom("""{"StringEquals":{"aws:SourceVpc":"vpc-0a1b2c3d4e5f60718"}}""", "execute-api:*", "execute-api:/prod/GET/*")),
                Api("fail-regional", "REGIONAL", DenyOutsideEndpoint("fail-regional")),
                Api("fail-edge", "EDGE"),
                Api("fail-private-open-policy", policyJson: AllowAll),
                Api("fail-private-no-policy"),
                Api("fail-any-endpoint", policyJson: AllowFrom("""{"StringLike":{"aws:SourceVpce":"vpce-*"}}""")),
                Api("fail-deny-covers-one-stage", policyJson: DenyOutsideEndpoint("fail-deny-covers-one-stage", denyResource: "/prod/*")),
                Api("fail-allow-if-exists", policyJson: AllowFrom("""{"StringEqualsIfExists":{"aws:SourceVpce":"vpce-0a1b2c3d4e5f60718"}}""")),
                Api("fail-source-ip-only", policyJson: AllowFrom("""{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}""")),
                Api("fail-not-principal-deny", policyJson: DenyOutsideEndpoint("fail-not-principal-deny", principal: "\"NotPrincipal\":{\"AWS\":\"arn:aws:iam::123456789012:role/ops\"}")),
                Api("fail-deny-with-extra-condition", policyJson: DenyOutsideEndpoint("fail-deny-with-extra-condition",
                    condition: """{"StringNotEquals":{"aws:SourceVpce":"vpce-0a1b2c3d4e5f60718"},"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}""")),
            ],
        };

        ExactFailing(_rule, inventory, "fail-regional", "fail-edge", "fail-private-open-policy", "fail-private-no-policy", "fail-any-endpoint",
            "fail-deny-covers-one-stage", "fail-allow-wildcard-deny-one-stage", "fail-allow-if-exists", "fail-source-ip-only", "fail-not-principal-deny", "fail-deny-with-extra-condition");
    }

    [Fact]
    public void A_policy_that_allows_nothing_passes_and_unknown_values_are_errors()
    {
        var inventory = BaseInventory with
        {
            ApiGatewayRestApis =
            [
                Api("pass-deny-only", policyJson: """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"execute-api:Invoke","Resource":"execute-api:/*"}]}"""),
                Api("unknown-policy") with { Policy = null },
                Api("unknown-type") with { EndpointTypes = null },
            ],
        };

        var findings = ExactFailing(_rule, inventory);

        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "unknown-policy"));
        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "unknown-type"));
    }

    [Fact]
    public void An_api_that_could_not_be_read_is_an_error_once()
    {
        var inventory = BaseInventory with
        {
            ApiGatewayRestApis = [Api("unparseable-policy") with { Policy = null }],
            CollectionErrors =
            [
                PerApiError(ResourceTypes.ApiGatewayRestApi, "GetRestApi", "unreadable"),
                PerApiError(ResourceTypes.ApiGatewayRestApi, "GetRestApis", "unparseable-policy") with { ErrorCode = "InvalidPolicy" },
            ],
        };

        var findings = Evaluate(_rule, inventory);

        Assert.Equal(2, findings.Count);
        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "unreadable"));
        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "unparseable-policy"));
    }

    [Fact]
    public void A_public_api_with_an_unreadable_policy_still_fails_on_its_endpoint_type()
    {
        var inventory = BaseInventory with { ApiGatewayRestApis = [Api("fail-regional", "REGIONAL") with { Policy = null }] };

        ExactFailing(_rule, inventory, "fail-regional");
    }

    [Fact]
    public void The_condition_keys_are_a_parameter()
    {
        var inventory = BaseInventory with
        {
            ApiGatewayRestApis = [Api("fail-vpc-only", policyJson: AllowFrom("""{"StringEquals":{"aws:SourceVpc":"vpc-0a1b2c3d4e5f60718"}}"""))],
        };

        var findings = Evaluate(_rule, inventory, new Dictionary<string, string> { ["sourceConditionKeys"] = "aws:SourceVpce" });

        Assert.Equal(ComplianceStatus.Fail, StatusOf(findings, "fail-vpc-only"));
        Assert.Equal(ComplianceStatus.Pass, StatusOf(Evaluate(_rule, inventory), "fail-vpc-only"));
    }

    [Fact]
    public void Failure_names_the_api_and_the_unrestricted_statement()
    {
        var inventory = BaseInventory with { ApiGatewayRestApis = [Api("a1b2c3d4e5", policyJson: AllowAll) with { Name = "orders" }] };

        var finding = Assert.Single(Evaluate(_rule, inventory));

        Assert.Equal("REST API a1b2c3d4e5 (orders) is private, but its resource policy statement OpenToAll allows execute-api:Invoke without limiting the source to named aws:SourceVpce or aws:SourceVpc values.", finding.Message);
        Assert.Equal(("PRIVATE", "OpenToAll", "1"), (finding.Evidence["endpointTypes"], finding.Evidence["unrestrictedStatement"], finding.Evidence["invokeAllowStatements"]));
    }
}
