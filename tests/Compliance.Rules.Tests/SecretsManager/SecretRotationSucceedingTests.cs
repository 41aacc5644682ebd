using Compliance.Rules.SecretsManager;
using static Compliance.Rules.Tests.RuleAssert;
using static Compliance.Rules.Tests.SecretsManager.SecretFixtures;

namespace Compliance.Rules.Tests.SecretsManager;

public sealed class SecretRotationSucceedingTests
{
    private readonly SecretRotationSucceeding _rule = new();

    [Fact]
    public void A_rotation_date_passed_without_a_rotation_fails()
    {
        var inventory = Secrets(
            Secret("pass-due-later") with { RotationEnabled = true, RotationIntervalDays = 30, LastRotatedDate = AsOf.AddDays(-10), NextRotationDate = AsOf.AddDays(20) },
            Secret("pass-due-today-within-grace") with { RotationEnabled = true, RotationIntervalDays = 30, LastRotatedDate = AsOf.AddDays(-30), NextRotationDate = AsOf.AddHours(-2) },
            Secret("pass-from-interval") with { RotationEnabled = true, RotationIntervalDays = 30, LastRotatedDate = AsOf.AddDays(-29) },
            Secret("fail-missed") with { RotationEnabled = true, RotationIntervalDays = 30, LastRotatedDate = AsOf.AddDays(-45), NextRotationDate = AsOf.AddDays(-15) },
            Secret("fail-never-rotated") with { RotationEnabled = true, RotationIntervalDays = 7, CreatedDate = AsOf.AddDays(-40) },
            Secret("fail-interval-missed") with { RotationEnabled = true, RotationIntervalDays = 30, LastRotatedDate = AsOf.AddDays(-32) });

        ExactFailing(_rule, inventory, "fail-missed", "fail-never-rotated", "fail-interval-missed");
    }

    [Fact]
    public void Secrets_without_rotation_are_not_applicable_and_unknown_schedules_are_errors()
    {
        var findings = Evaluate(_rule, Secrets(
            Secret("manual"),
            Secret("unknown") with { RotationEnabled = true, CreatedDate = null }));

        Assert.Equal(ComplianceStatus.NotApplicable, StatusOf(findings, "manual"));
        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "unknown"));
    }

    [Fact]
    public void The_failure_names_the_missed_date_and_the_last_rotation()
    {
        var finding = Assert.Single(Evaluate(_rule, Secrets(
            Secret("orders-db") with { RotationEnabled = true, RotationIntervalDays = 30, LastRotatedDate = AsOf.AddDays(-45), NextRotationDate = AsOf.AddDays(-15) })));

        Assert.Equal(ComplianceStatus.Fail, finding.Status);
        Assert.Equal("Secret orders-db missed its rotation scheduled for 2026-11-07T02:00Z: it last rotated on 2026-10-08T02:00Z.", finding.Message);
        Assert.Equal("2026-11-22T02:00Z", finding.Evidence["asOf"]);
    }

    [Fact]
    public void The_grace_is_a_parameter()
    {
        var inventory = Secrets(Secret("late") with { RotationEnabled = true, NextRotationDate = AsOf.AddDays(-3) });

        Assert.Equal(ComplianceStatus.Fail, Assert.Single(Evaluate(_rule, inventory)).Status);
        Assert.Equal(ComplianceStatus.Pass, Assert.Single(Evaluate(_rule, inventory, new Dictionary<string, string> { ["graceDays"] = "4" })).Status);
    }
}
