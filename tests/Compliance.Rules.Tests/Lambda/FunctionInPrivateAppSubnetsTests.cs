using Compliance.Rules.Inventory;
using Compliance.Rules.Lambda;
using static Compliance.Rules.Tests.Lambda.LambdaFixtures;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.Lambda;

public sealed class FunctionInPrivateAppSubnetsTests
{
    private readonly FunctionInPrivateAppSubnets _rule = new();

    [Fact]
    public void Only_functions_wholly_in_private_application_subnets_pass()
    {
        var inventory = BaseInventory with
        {
            Subnets = Subnets,
            LambdaFunctions =
            [
                Function("pass-app-two-zones", InVpc("subnet-0aaa000000000001a", "subnet-0aaa000000000001b")),
                Function("pass-application-tier-any-case", InVpc("subnet-0aaa000000000001c")),
                Function("pass-private-tier", InVpc("subnet-0eee000000000001a", "subnet-0aaa000000000001a")),
                Function("fail-no-vpc"),
                Function("fail-web-tier", InVpc("subnet-0aaa000000000001a", "subnet-0bbb000000000001a")),
                Function("fail-data-tier", InVpc("subnet-0ccc000000000001a")),
                Function("fail-untagged-subnet", InVpc("subnet-0ddd000000000001a")),
                Function("fail-known-bad-beats-unknown", InVpc("subnet-0bbb000000000001a", "subnet-0fff00000000000ff")),
            ],
        };

        ExactFailing(_rule, inventory, "fail-no-vpc", "fail-web-tier", "fail-data-tier", "fail-untagged-subnet", "fail-known-bad-beats-unknown");
    }

    [Fact]
    public void A_subnet_missing_from_the_inventory_or_an_unknown_vpc_config_is_an_error()
    {
        var inventory = BaseInventory with
        {
            Subnets = Subnets,
            LambdaFunctions = [Function("fn-unknown-subnet", InVpc("subnet-0aaa000000000001a", "subnet-0fff00000000000ff")), Function("fn-unknown-vpc") with { VpcConfig = null }],
        };

        var findings = Evaluate(_rule, inventory);

        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "fn-unknown-subnet"));
        Assert.Equal("subnet-0fff00000000000ff", findings.Single(f => f.Resource.Id == "fn-unknown-subnet").Evidence["unknownSubnets"]);
        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "fn-unknown-vpc"));
    }

    [Fact]
    public void A_tier_that_is_also_public_never_qualifies()
    {
        var inventory = BaseInventory with { Subnets = Subnets, LambdaFunctions = [Function("fn", InVpc("subnet-0bbb000000000001a"))] };

        var findings = Evaluate(_rule, inventory, new Dictionary<string, string> { ["appTiers"] = "app,web" });

        Assert.Equal(ComplianceStatus.Fail, StatusOf(findings, "fn"));
    }

    [Fact]
    public void Failure_names_the_offending_subnets_and_their_tiers()
    {
        var inventory = BaseInventory with
        {
            Subnets = Subnets,
            LambdaFunctions = [Function("fail-mixed", InVpc("subnet-0aaa000000000001a", "subnet-0bbb000000000001a", "subnet-0ddd000000000001a"))],
        };

        var finding = Assert.Single(Evaluate(_rule, inventory));

        Assert.Equal(
            "Lambda function fail-mixed uses subnets outside the private application tiers app, application, private: subnet-0bbb000000000001a (Tier 'web') and subnet-0ddd000000000001a (no Tier tag).",
            finding.Message);
        Assert.Equal(VpcId, finding.Evidence["vpcId"]);
    }
}
