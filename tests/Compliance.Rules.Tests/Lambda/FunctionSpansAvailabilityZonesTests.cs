using Compliance.Rules.Lambda;
using static Compliance.Rules.Tests.Lambda.LambdaFixtures;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.Lambda;

public sealed class FunctionSpansAvailabilityZonesTests
{
    private readonly FunctionSpansAvailabilityZones _rule = new();

    [Fact]
    public void Vpc_functions_in_one_zone_fail_and_functions_outside_a_vpc_are_not_applicable()
    {
        var inventory = BaseInventory with
        {
            Subnets = Subnets,
            LambdaFunctions =
            [
                Function("pass-two-zones", InVpc("subnet-0aaa000000000001a", "subnet-0aaa000000000001b")),
                Function("pass-three-zones-one-unknown", InVpc("subnet-0aaa000000000001a", "subnet-0aaa000000000001b", "subnet-0fff00000000000ff")),
                Function("fail-one-zone-two-subnets", InVpc("subnet-0aaa000000000001a", "subnet-0ccc000000000001a")),
                Function("fail-single-subnet", InVpc("subnet-0aaa000000000001b")),
                Function("no-vpc"),
            ],
        };

        var findings = ExactFailing(_rule, inventory, "fail-one-zone-two-subnets", "fail-single-subnet");

        Assert.Equal(ComplianceStatus.NotApplicable, StatusOf(findings, "no-vpc"));
    }

    [Fact]
    public void Too_few_known_zones_with_an_unknown_subnet_is_an_error()
    {
        var inventory = BaseInventory with
        {
            Subnets = Subnets,
            LambdaFunctions = [Function("fn", InVpc("subnet-0aaa000000000001a", "subnet-0fff00000000000ff")), Function("fn-vpc-unknown") with { VpcConfig = null }],
        };

        var findings = Evaluate(_rule, inventory);

        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "fn"));
        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "fn-vpc-unknown"));
    }

    [Fact]
    public void Failure_names_the_zone_and_the_minimum_which_is_a_parameter()
    {
        var inventory = BaseInventory with { Subnets = Subnets, LambdaFunctions = [Function("fn", InVpc("subnet-0aaa000000000001a", "subnet-0aaa000000000001b"))] };

        var finding = Assert.Single(Evaluate(_rule, inventory, new Dictionary<string, string> { ["minAvailabilityZones"] = "3" }));

        Assert.Equal(ComplianceStatus.Fail, finding.Status);
        Assert.Equal("Lambda function fn uses subnets in only eu-west-1a, eu-west-1b, fewer than the 3 Availability Zones required.", finding.Message);
        Assert.Equal("eu-west-1a,eu-west-1b", finding.Evidence["availabilityZones"]);
    }
}
