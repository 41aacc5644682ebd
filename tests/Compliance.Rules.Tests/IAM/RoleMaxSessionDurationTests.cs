using Compliance.Rules.IAM;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.IAM.IamFixtures;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.IAM;

public sealed class RoleMaxSessionDurationTests
{
    private readonly RoleMaxSessionDuration _rule = new();

    [Fact]
    public void Sessions_longer_than_an_hour_fail()
    {
        var inventory = BaseInventory with
        {
            IamRoles =
            [
                Role("pass-hour", maxSession: 3600), Role("fail-twelve-hours", maxSession: 43200), Role("fail-two-hours", maxSession: 7200),
                Role("AWSServiceRoleForConfig", maxSession: 3600, path: "/aws-service-role/config.amazonaws.com/"),
                Role("unknown", maxSession: null),
            ],
        };

        var findings = ExactFailing(_rule, inventory, "fail-twelve-hours", "fail-two-hours");

        Assert.Equal(ComplianceStatus.NotApplicable, StatusOf(findings, "AWSServiceRoleForConfig"));
        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "unknown"));
        var fail = Assert.Single(findings, f => f.Resource.Id == "fail-two-hours");
        Assert.Equal("Role fail-two-hours allows sessions of 7200 seconds, longer than 3600.", fail.Message);
        Assert.Equal(("7200", "3600"), (fail.Evidence["maxSessionDuration"], fail.Evidence["limit"]));
    }

    [Fact]
    public void The_limit_is_a_parameter() =>
        Assert.Equal(ComplianceStatus.Pass, Assert.Single(Evaluate(_rule, BaseInventory with { IamRoles = [Role("r", maxSession: 7200)] },
            new Dictionary<string, string> { ["maxSessionDurationSeconds"] = "7200" })).Status);
}
