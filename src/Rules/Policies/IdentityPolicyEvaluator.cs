using Compliance.Rules.Inventory;

namespace Compliance.Rules.Policies;

/// <summary>What a set of identity policies decides for one request.</summary>
public enum AccessDecision
{
    /// <summary>No statement allows it: the implicit deny.</summary>
    NotAllowed,

    /// <summary>A Deny statement without conditions matches: denied whatever else allows it.</summary>
    Denied,

    /// <summary>Allowed only when conditions hold (an Allow restricted by conditions, or a conditional Deny that may apply).</summary>
    AllowedWithConditions,

    /// <summary>An Allow statement without restricting conditions matches and no Deny statement does.</summary>
    Allowed,
}

/// <summary>The decision and the statements that made it.</summary>
/// <param name="Decision">What the policies decide.</param>
/// <param name="Allows">The Allow statements that match the request.</param>
/// <param name="Denies">The Deny statements that match the request.</param>
public sealed record AccessVerdict(AccessDecision Decision, IReadOnlyList<PolicyStatement> Allows, IReadOnlyList<PolicyStatement> Denies)
{
    /// <summary>Allowed, with or without conditions: the principal may be able to do it.</summary>
    public bool MayBeAllowed => Decision is AccessDecision.Allowed or AccessDecision.AllowedWithConditions;
}

/// <summary>
/// Evaluates identity policies (inline and managed policies of one principal) the way IAM does for one action on one
/// resource: an explicit Deny beats any Allow; without an Allow the request is implicitly denied. Action and resource
/// matching use the statement's wildcards, NotAction and NotResource. Conditions are not evaluated against a request
/// context; they are treated as restricting: an Allow under conditions is not an unconditional grant, and a Deny under
/// conditions is not an unconditional deny.
/// </summary>
public static class IdentityPolicyEvaluator
{
    /// <param name="policies">Every policy that applies to the principal.</param>
    /// <param name="action">The action, "service:Action".</param>
    /// <param name="resource">The resource ARN.</param>
    /// <param name="restricts">
    /// Whether an Allow statement's conditions restrict it; by default any condition does. A rule that only counts some
    /// conditions (keys that pin the resource, say) passes its own test.
    /// </param>
    public static AccessVerdict Evaluate(IEnumerable<PolicyDocument> policies, string action, string resource, Func<PolicyStatement, bool>? restricts = null)
    {
        restricts ??= s => s.Conditions.Count > 0;
        var matching = policies.SelectMany(p => p.Statements).Where(s => s.MatchesAction(action) && s.MatchesResource(resource)).ToList();
        var denies = matching.Where(s => s.IsDeny).ToList();
        var allows = matching.Where(s => s.IsAllow).ToList();

        var decision = denies.Any(d => d.Conditions.Count == 0) ? AccessDecision.Denied
            : allows.Count == 0 ? AccessDecision.NotAllowed
            : denies.Count == 0 && allows.Any(a => !restricts(a)) ? AccessDecision.Allowed
            : AccessDecision.AllowedWithConditions;
        return new AccessVerdict(decision, allows, denies);
    }
}
