using Compliance.Rules.Inventory;
using Compliance.Rules.SecretsManager;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.SecretsManager;

public sealed class SecretRotationEnabledTests
{
    private readonly SecretRotationEnabled _rule = new();

    private static Secret Secret(string name, bool rotationEnabled, int? intervalDays) => new()
    {
        Id = name,
        Region = Region,
        AccountId = Account,
        Arn = $"arn:aws:secretsmanager:{Region}:{Account}:secret:{name}-AbCdEf",
        RotationEnabled = rotationEnabled,
        RotationIntervalDays = intervalDays,
    };

    [Fact]
    public void Disabled_or_too_slow_rotation_fails()
    {
        var inventory = BaseInventory with
        {
            Secrets =
            [
                Secret("pass-30-days", true, 30),
                Secret("pass-90-days", true, 90),
                Secret("fail-disabled", false, null),
                Secret("fail-disabled-with-old-schedule", false, 30),
                Secret("fail-91-days", true, 91),
                Secret("fail-365-days", true, 365),
            ],
        };

        ExactFailing(_rule, inventory, "fail-disabled", "fail-disabled-with-old-schedule", "fail-91-days", "fail-365-days");
    }

    [Fact]
    public void Enabled_rotation_with_an_unknown_interval_is_an_error()
    {
        var inventory = BaseInventory with { Secrets = [Secret("prod/orders/db", true, null)] };

        Assert.Equal(ComplianceStatus.Error, StatusOf(Evaluate(_rule, inventory), "prod/orders/db"));
    }

    [Fact]
    public void Maximum_is_a_parameter()
    {
        var inventory = BaseInventory with { Secrets = [Secret("prod/orders/db", true, 60)] };

        Assert.Equal(ComplianceStatus.Pass, StatusOf(Evaluate(_rule, inventory), "prod/orders/db"));
        Assert.Equal(ComplianceStatus.Fail, StatusOf(Evaluate(_rule, inventory, new Dictionary<string, string> { ["maxRotationDays"] = "30" }), "prod/orders/db"));
    }

    [Fact]
    public void Failure_gives_the_interval_and_the_maximum()
    {
        var inventory = BaseInventory with { Secrets = [Secret("prod/orders/db", true, 180)] };

        var finding = Assert.Single(Evaluate(_rule, inventory));

        Assert.Equal(ComplianceStatus.Fail, finding.Status);
        Assert.Equal("Secret prod/orders/db rotates every 180 days, longer than the allowed 90.", finding.Message);
        Assert.Equal("true", finding.Evidence["rotationEnabled"]);
        Assert.Equal("180", finding.Evidence["rotationIntervalDays"]);
        Assert.Equal("90", finding.Evidence["maxRotationDays"]);
    }
}
