namespace Compliance.Rules;

/// <summary>A remediation's answer for one finding: the plan, or the reason there is none.</summary>
/// <param name="Plan">The plan, when the fix can safely apply.</param>
/// <param name="Reason">Why there is no plan (the unmet precondition), when <paramref name="Plan"/> is null.</param>
public sealed record PlanDecision(RemediationPlan? Plan, string? Reason)
{
    /// <summary>The fix can apply: this is what it does.</summary>
    public static PlanDecision Ready(RemediationPlan plan) => new(plan, null);

    /// <summary>The fix cannot safely apply, for this reason (one phrase, e.g. "rule id unknown for tcp/22 from 0.0.0.0/0").</summary>
    public static PlanDecision NotPossible(string reason) => new(null, reason);
}
