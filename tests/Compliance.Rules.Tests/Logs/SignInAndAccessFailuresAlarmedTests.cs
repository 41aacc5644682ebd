using Compliance.Rules.Logs;
using static Compliance.Rules.Tests.Logs.MonitoringFixtures;

namespace Compliance.Rules.Tests.Logs;

public sealed class SignInAndAccessFailuresAlarmedTests
{
    private static readonly string[] Metrics = ["UnauthorizedAPICalls", "ConsoleSigninWithoutMFA", "ConsoleAuthenticationFailures"];
    private readonly SignInAndAccessFailuresAlarmed _rule = new();

    [Fact]
    public void The_three_cis_filters_with_alarms_pass()
    {
        Assert.Equal(ComplianceStatus.Pass, Judge(_rule, Monitored(Metrics)).Status);
    }

    [Fact]
    public void The_shorter_security_hub_patterns_cover_the_same_events()
    {
        var inventory = Monitored(Metrics) with
        {
            MetricFilters =
            [
                Filter("UnauthorizedAPICalls", """{($.errorCode="*UnauthorizedOperation") || ($.errorCode="AccessDenied*")}"""),
                Filter("ConsoleSigninWithoutMFA", """{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }"""),
                Filter("ConsoleAuthenticationFailures"),
            ],
        };

        Assert.Equal(ComplianceStatus.Pass, Judge(_rule, inventory).Status);
    }

    [Fact]
    public void Exact_error_codes_miss_denials_and_a_missing_class_is_named()
    {
        var inventory = Monitored(Metrics) with
        {
            MetricFilters =
            [
                Filter("UnauthorizedAPICalls", """{ ($.errorCode = "UnauthorizedOperation") || ($.errorCode = "AccessDenied") }"""),
                Filter("ConsoleSigninWithoutMFA"),
            ],
        };

        var finding = Judge(_rule, inventory);

        Assert.Equal(ComplianceStatus.Fail, finding.Status);
        Assert.Contains("matches unauthorized API calls for errorCode Client.UnauthorizedOperation (ec2 RunInstances) and errorCode AccessDeniedException (kms Decrypt) (CloudWatch.2)", finding.Message, StringComparison.Ordinal);
        Assert.Contains($"no metric filter on {TrailLogGroup} matches console authentication failures (CloudWatch.6)", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("console sign-in without MFA", finding.Message, StringComparison.Ordinal);
        Assert.StartsWith("covered:", finding.Evidence["events.consoleSignInWithoutMfa"], StringComparison.Ordinal);
    }

    [Fact]
    public void One_alarmed_filter_may_cover_several_classes()
    {
        var combined = Filter("SignInAndAccess",
            """{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") || ($.eventName = ConsoleLogin && $.additionalEventData.MFAUsed != "Yes") || ($.eventName = ConsoleLogin && $.errorMessage = "Failed authentication") }""");
        var inventory = Monitored() with { MetricFilters = [combined], CloudWatchAlarms = [Alarm("SignInAndAccess")] };

        Assert.Equal(ComplianceStatus.Pass, Judge(_rule, inventory).Status);
    }
}
