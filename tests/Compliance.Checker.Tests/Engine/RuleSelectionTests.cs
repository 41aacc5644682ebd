using Compliance.Checker.Engine;
using Compliance.Rules;

namespace Compliance.Checker.Tests.Engine;

public sealed class RuleSelectionTests
{
    private readonly RuleRegistry _registry = RuleRegistry.BuiltIn();

    [Fact]
    public void Include_exclude_and_severity_combine()
    {
        var selected = new RuleSelection { Include = ["EC2.*"], Exclude = ["EC2.SecurityGroup.2"], MinimumSeverity = Severity.Low }.Apply(_registry);

        Assert.All(selected, r => Assert.StartsWith("EC2.", r.Descriptor.Id));
        Assert.DoesNotContain(selected, r => r.Descriptor.Id == RuleIds.Ec2SecurityGroup2);
    }

    [Fact]
    public void Minimum_severity_drops_lower_rules()
    {
        var selected = new RuleSelection { MinimumSeverity = Severity.Critical }.Apply(_registry);

        Assert.All(selected, r => Assert.Equal(Severity.Critical, r.Descriptor.Severity));
    }

    [Fact]
    public void A_pattern_that_matches_nothing_is_an_error_not_an_empty_scan()
    {
        var ex = Assert.Throws<ArgumentException>(() => new RuleSelection { Include = ["EC2.SecurityGrop.2"] }.Apply(_registry));

        Assert.Contains("No rule matches 'EC2.SecurityGrop.2'", ex.Message);
    }
}
