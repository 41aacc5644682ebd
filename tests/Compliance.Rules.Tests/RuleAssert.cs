using Compliance.Rules;
using Compliance.Rules.Inventory;

namespace Compliance.Rules.Tests;

/// <summary>
/// Fixture-driven rule assertions. Resources are named pass-* and fail-*: a test asserts the exact set of
/// resources that FAIL and that every pass-* resource PASSes.
/// </summary>
internal static class RuleAssert
{
    public const string Account = "123456789012";
    public const string Region = "eu-west-1";
    public const string OtherRegion = "us-east-1";

    /// <summary>An inventory of one account and two regions, ready for `with`.</summary>
    public static AwsInventory BaseInventory => new() { AccountIds = [Account], Regions = [Region, OtherRegion] };

    public static IReadOnlyList<Finding> Evaluate(IComplianceRule rule, AwsInventory inventory, IReadOnlyDictionary<string, string>? parameters = null) =>
        rule.Evaluate(new RuleContext(inventory, rule.Descriptor, parameters)).ToList();

    /// <summary>Asserts exactly <paramref name="failing"/> FAIL, every pass-* resource PASSes, and every finding is well-formed.</summary>
    public static IReadOnlyList<Finding> ExactFailing(IComplianceRule rule, AwsInventory inventory, params string[] failing)
    {
        var findings = Evaluate(rule, inventory);
        Assert.All(findings, f =>
        {
            Assert.Equal(rule.Descriptor.Id, f.RuleId);
            Assert.Equal(rule.Descriptor.Severity, f.Severity);
            Assert.False(string.IsNullOrWhiteSpace(f.Message));
        });

        var failed = findings.Where(f => f.Status == ComplianceStatus.Fail).Select(f => f.Resource.Id).ToHashSet();
        Assert.Equal(failing.ToHashSet(), failed);

        var notPassing = findings.Where(f => f.Resource.Id.StartsWith("pass-", StringComparison.Ordinal) && f.Status != ComplianceStatus.Pass)
            .Select(f => $"{f.Resource.Id}: {f.Status} {f.Message}").ToList();
        Assert.Empty(notPassing);
        return findings;
    }

    /// <summary>The single status the rule gave a resource.</summary>
    public static ComplianceStatus StatusOf(IReadOnlyList<Finding> findings, string resourceId) =>
        Assert.Single(findings, f => f.Resource.Id == resourceId).Status;
}
