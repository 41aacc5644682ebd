using System.Text.Json;
using Amazon.CDK.Assertions;

namespace Compliance.Infra.Tests;

/// <summary>Context snapStart: off by default (the triggers invoke the function); on, SnapStart on published versions and the triggers invoke an alias.</summary>
public sealed class SnapStartTests
{
    [Fact]
    public void Off_by_default_no_version_no_alias_and_the_triggers_invoke_the_function()
    {
        var template = Synth.Checker();

        template.ResourceCountIs("AWS::Lambda::Alias", 0);
        template.ResourceCountIs("AWS::Lambda::Version", 0);
        template.HasResourceProperties("AWS::Lambda::Function", new Dictionary<string, object>
        {
            ["Runtime"] = "dotnet10",
            ["SnapStart"] = Match.Absent(),
        });
        foreach (var (_, rule) in template.Resources("AWS::Events::Rule"))
        {
            var targets = JsonSerializer.Serialize(((IDictionary<string, object>)rule["Properties"])["Targets"]);
            Assert.Contains("CheckerFunction", targets, StringComparison.Ordinal);
            Assert.DoesNotContain("LiveAlias", targets, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void On_snapshots_published_versions_and_the_schedule_and_change_rule_invoke_the_alias()
    {
        var template = Synth.Checker(("snapStart", "true"));

        template.HasResourceProperties("AWS::Lambda::Function", new Dictionary<string, object>
        {
            ["Runtime"] = "dotnet10",
            ["SnapStart"] = new Dictionary<string, object> { ["ApplyOn"] = "PublishedVersions" },
        });
        template.ResourceCountIs("AWS::Lambda::Version", 1);
        template.HasResourceProperties("AWS::Lambda::Alias", new Dictionary<string, object>
        {
            ["Name"] = "live",
            ["FunctionVersion"] = Match.AnyValue(),
        });

        var rules = template.Resources("AWS::Events::Rule").ToList();
        Assert.Equal(2, rules.Count);
        foreach (var (_, rule) in rules)
        {
            var targets = JsonSerializer.Serialize(((IDictionary<string, object>)rule["Properties"])["Targets"]);
            Assert.Contains("LiveAlias", targets, StringComparison.Ordinal);
        }

        // EventBridge may invoke the alias it targets.
        var permitted = template.Resources("AWS::Lambda::Permission")
            .Select(p => JsonSerializer.Serialize(((IDictionary<string, object>)p.Value["Properties"])["FunctionName"]))
            .ToList();
        Assert.Contains(permitted, f => f.Contains("LiveAlias", StringComparison.Ordinal));
    }

    [Fact]
    public void The_flag_must_be_true_or_false() =>
        Assert.Contains("snapStart", Assert.Throws<ArgumentException>(() => Synth.Checker(("snapStart", "yes"))).Message, StringComparison.Ordinal);
}
