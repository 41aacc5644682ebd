using Compliance.Rules.Lambda;
using static Compliance.Rules.Tests.Lambda.LambdaFixtures;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.Lambda;

public sealed class SupportedRuntimeTests
{
    private static readonly FixedClock Today = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));

    private readonly SupportedRuntime _rule = new(Today);

    [Fact]
    public void Deprecated_runtimes_fail_and_current_ones_pass()
    {
        var inventory = BaseInventory with
        {
            LambdaFunctions =
            [
                Function("pass-dotnet10") with { Runtime = "dotnet10" },
                Function("pass-python313") with { Runtime = "python3.13" },
                Function("pass-nodejs22") with { Runtime = "nodejs22.x" },
                Function("pass-provided-al2023") with { Runtime = "provided.al2023" },
                Function("fail-dotnet8") with { Runtime = "dotnet8" },
                Function("fail-python39") with { Runtime = "python3.9" },
                Function("fail-nodejs20") with { Runtime = "nodejs20.x" },
                Function("fail-go1x") with { Runtime = "go1.x" },
                Function("container") with { PackageType = "Image", Runtime = "" },
            ],
        };

        var findings = ExactFailing(_rule, inventory, "fail-dotnet8", "fail-python39", "fail-nodejs20", "fail-go1x");

        Assert.Equal(ComplianceStatus.NotApplicable, StatusOf(findings, "container"));
    }

    [Fact]
    public void A_listed_runtime_passes_until_its_date_and_fails_from_it()
    {
        var inventory = BaseInventory with { LambdaFunctions = [Function("fn") with { Runtime = "python3.12" }] };
        var upcoming = new Dictionary<string, string> { ["deprecatedRuntimes"] = "python3.12:2028-10-31" };
        var reached = new Dictionary<string, string> { ["deprecatedRuntimes"] = "python3.12:2026-11-22" };

        var before = Assert.Single(Evaluate(_rule, inventory, upcoming));
        var onTheDay = Assert.Single(Evaluate(_rule, inventory, reached));

        Assert.Equal((ComplianceStatus.Pass, "2028-10-31"), (before.Status, before.Evidence["deprecationDate"]));
        Assert.Equal(ComplianceStatus.Fail, onTheDay.Status);
        Assert.Equal("Lambda function fn uses runtime python3.12, which AWS deprecated on 2026-11-22, so it no longer receives security patches.", onTheDay.Message);
    }

    [Fact]
    public void An_unknown_runtime_is_an_error_and_a_malformed_parameter_is_refused()
    {
        var inventory = BaseInventory with { LambdaFunctions = [Function("fn") with { Runtime = null }] };

        Assert.Equal(ComplianceStatus.Error, StatusOf(Evaluate(_rule, inventory), "fn"));
        Assert.Throws<FormatException>(() => Evaluate(_rule, inventory, new Dictionary<string, string> { ["deprecatedRuntimes"] = "python3.9" }));
    }

    [Fact]
    public void The_default_list_holds_only_dates_already_past_so_the_verdict_does_not_drift()
    {
        var dates = SupportedRuntime.KnownDeprecations.Split(',').Select(e => DateOnly.Parse(e[(e.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture));

        Assert.All(dates, d => Assert.True(d <= new DateOnly(2026, 11, 22)));
        Assert.DoesNotContain("dotnet10:", SupportedRuntime.KnownDeprecations, StringComparison.Ordinal);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
