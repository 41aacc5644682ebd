using Compliance.Rules.Inventory;

namespace Compliance.Rules.Tests;

/// <summary>Runs a rule, then a remediation's pure planning on the finding for one resource.</summary>
internal static class RemediationAssert
{
    /// <summary>The plan for the single finding of <paramref name="resourceId"/> (in <paramref name="region"/> when given).</summary>
    public static RemediationPlan? PlanFor(IComplianceRule rule, IRemediation remediation, AwsInventory inventory, string resourceId, string? region = null)
    {
        Assert.Equal(rule.Descriptor.Id, remediation.RuleId);
        var finding = Assert.Single(RuleAssert.Evaluate(rule, inventory), f => f.Resource.Id == resourceId && (region is null || f.Resource.Region == region));
        return remediation.Plan(finding, inventory);
    }

    /// <summary>Asserts the plan is the one call <paramref name="action"/> with exactly <paramref name="parameters"/>, on the finding's resource.</summary>
    public static void IsSingleCall(RemediationPlan? plan, string action, IReadOnlyDictionary<string, string> parameters)
    {
        Assert.NotNull(plan);
        var call = Assert.Single(plan.Actions);
        Assert.Equal(action, call.Action);
        Assert.Equal(parameters.OrderBy(p => p.Key, StringComparer.Ordinal), call.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.False(string.IsNullOrWhiteSpace(plan.Summary));
    }

    /// <summary>Every action the plan calls is declared in RequiredActions.</summary>
    public static void DeclaresItsActions(IRemediation remediation, RemediationPlan plan) =>
        Assert.All(plan.Actions, a => Assert.Contains(a.Action, remediation.RequiredActions));
}
