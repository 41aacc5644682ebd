using Compliance.Checker.Live.Clients.SecretsManager;
using Compliance.Checker.Live.Collectors;

namespace Compliance.Checker.Tests.Live;

public sealed class SecretRotationIntervalTests
{
    [Theory]
    [InlineData("rate(10 days)", 10)]
    [InlineData("rate(1 day)", 1)]
    [InlineData("rate(12 hours)", 1)]
    [InlineData("rate(36 hours)", 2)]
    [InlineData("cron(0 16 1/14 * ? *)", 14)]
    [InlineData("cron(0 8 */7 * ? *)", 7)]
    [InlineData("cron(0 8 1/60 * ? *)", 31)]
    [InlineData("cron(0 */4 * * ? *)", 1)]
    [InlineData("cron(0 4 ? * SUN *)", 7)]
    [InlineData("cron(0 4 ? * 2 *)", 7)]
    [InlineData("cron(0 4 ? * * *)", 1)]
    public void A_clear_schedule_gives_its_longest_gap(string expression, int days) =>
        Assert.Equal(days, SecretRotationInterval.Days(new RotationRulesType { ScheduleExpression = expression }));

    [Theory]
    [InlineData("cron(0 16 1 * ? *)")] // monthly on a fixed day
    [InlineData("cron(0 16 10/5 * ? *)")] // restarts on the 10th: a gap can exceed five days
    [InlineData("cron(0 16 L * ? *)")]
    [InlineData("cron(0 4 ? * MON#1 *)")]
    [InlineData("cron(0 4 ? * MON,THU *)")]
    [InlineData("cron(0 16 1/7 1-6 ? *)")]
    [InlineData("rate(0 days)")]
    [InlineData("at(2030-01-01T00:00:00)")]
    public void An_unclear_schedule_is_unknown(string expression) =>
        Assert.Null(SecretRotationInterval.Days(new RotationRulesType { ScheduleExpression = expression }));

    [Fact]
    public void AutomaticallyAfterDays_wins_and_zero_or_no_rules_mean_unknown()
    {
        Assert.Equal(45, SecretRotationInterval.Days(new RotationRulesType { AutomaticallyAfterDays = 45, ScheduleExpression = "rate(10 days)" }));
        Assert.Equal(10, SecretRotationInterval.Days(new RotationRulesType { AutomaticallyAfterDays = 0, ScheduleExpression = "rate(10 days)" }));
        Assert.Null(SecretRotationInterval.Days(new RotationRulesType()));
        Assert.Null(SecretRotationInterval.Days(null));
    }
}
