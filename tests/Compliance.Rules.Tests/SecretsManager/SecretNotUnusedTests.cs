using Compliance.Rules.SecretsManager;
using static Compliance.Rules.Tests.RuleAssert;
using static Compliance.Rules.Tests.SecretsManager.SecretFixtures;

namespace Compliance.Rules.Tests.SecretsManager;

public sealed class SecretNotUnusedTests
{
    private readonly SecretNotUnused _rule = new();

    [Fact]
    public void Secrets_not_retrieved_for_longer_than_the_limit_fail()
    {
        var inventory = Secrets(
            Secret("pass-used-yesterday") with { LastAccessedDate = DayAgo(1) },
            Secret("pass-day-90") with { LastAccessedDate = DayAgo(90) }, // used until the end of that day: within 90 days
            Secret("pass-new-never-used") with { CreatedDate = AsOf.AddDays(-10) },
            Secret("fail-day-92") with { LastAccessedDate = DayAgo(92) },
            Secret("fail-never-used") with { CreatedDate = AsOf.AddDays(-91) });

        ExactFailing(_rule, inventory, "fail-day-92", "fail-never-used");
    }

    [Fact]
    public void Never_retrieved_with_an_unknown_creation_date_is_an_error_and_the_limit_is_a_parameter()
    {
        var findings = Evaluate(_rule, Secrets(Secret("unknown") with { CreatedDate = null }));
        var stricter = Evaluate(_rule, Secrets(Secret("week-old-use") with { LastAccessedDate = DayAgo(8) }), new Dictionary<string, string> { ["unusedForDays"] = "7" });

        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "unknown"));
        Assert.Equal(ComplianceStatus.Fail, StatusOf(stricter, "week-old-use"));
    }

    [Fact]
    public void The_failure_names_the_last_day_used()
    {
        var finding = Assert.Single(Evaluate(_rule, Secrets(Secret("legacy-api-key") with { LastAccessedDate = DayAgo(120) })));

        Assert.Equal("Secret legacy-api-key was last retrieved on 2026-07-25, more than 90 days ago.", finding.Message);
        Assert.Equal(("2026-07-25", "90"), (finding.Evidence["lastAccessedDate"], finding.Evidence["unusedForDays"]));
    }
}
