using Compliance.Rules.Inventory;
using Compliance.Rules.Logs;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.Logs;

public sealed class LogGroupRetentionTests
{
    private readonly LogGroupRetention _rule = new();

    private static LogGroup Group(string name, int? retentionInDays) => new()
    {
        Id = name,
        Region = Region,
        AccountId = Account,
        Arn = $"arn:aws:logs:{Region}:{Account}:log-group:{name}:*",
        RetentionInDays = retentionInDays,
    };

    [Fact]
    public void Retention_below_the_minimum_fails_and_never_expire_passes()
    {
        var inventory = BaseInventory with
        {
            LogGroups =
            [
                Group("pass-never-expire", null),
                Group("pass-exactly-365", 365),
                Group("pass-ten-years", 3653),
                Group("fail-one-day", 1),
                Group("fail-180-days", 180),
                Group("fail-364-days", 364),
            ],
        };

        ExactFailing(_rule, inventory, "fail-one-day", "fail-180-days", "fail-364-days");
    }

    [Fact]
    public void Minimum_is_a_parameter()
    {
        var inventory = BaseInventory with { LogGroups = [Group("ninety", 90)] };

        Assert.Equal(ComplianceStatus.Fail, StatusOf(Evaluate(_rule, inventory), "ninety"));
        Assert.Equal(ComplianceStatus.Pass, StatusOf(Evaluate(_rule, inventory, new Dictionary<string, string> { ["minRetentionDays"] = "90" }), "ninety"));
    }

    [Fact]
    public void Failure_gives_the_retention_and_the_minimum()
    {
        var inventory = BaseInventory with { LogGroups = [Group("/aws/vpc/flow-logs", 30)] };

        var finding = Assert.Single(Evaluate(_rule, inventory));

        Assert.Equal("Log group /aws/vpc/flow-logs keeps its events for 30 days, fewer than the required 365.", finding.Message);
        Assert.Equal("30", finding.Evidence["retentionInDays"]);
        Assert.Equal("365", finding.Evidence["minRetentionDays"]);
    }
}
