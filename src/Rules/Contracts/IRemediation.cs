namespace Compliance.Rules;

/// <summary>
/// The fix for one rule's failures (the rule's "code fix"). Planning is pure; applying goes through
/// <see cref="IRemediationGateway"/>, so a remediation never holds an AWS client of its own.
/// </summary>
public interface IRemediation
{
    /// <summary>The rule whose FAIL findings this remediates.</summary>
    string RuleId { get; }

    /// <summary>The IAM actions <see cref="ApplyAsync"/> calls, e.g. "ec2:RevokeSecurityGroupIngress"; the deployment grants exactly these.</summary>
    IReadOnlyList<string> RequiredActions { get; }

    /// <summary>
    /// The precise actions that would fix this finding, or null when the fix cannot safely apply
    /// (preconditions unmet, the finding is not a FAIL, or the fix would widen access).
    /// </summary>
    RemediationPlan? Plan(Finding finding, Inventory.AwsInventory inventory);

    /// <summary>Carries out a plan and re-reads the resource to verify it.</summary>
    Task<RemediationOutcome> ApplyAsync(RemediationPlan plan, IRemediationGateway gateway, CancellationToken cancellationToken);
}

/// <summary>One API call a remediation makes, described as data so it can be shown in a dry run and recorded.</summary>
/// <param name="Action">The IAM action, e.g. "ec2:RevokeSecurityGroupIngress".</param>
/// <param name="Parameters">The request parameters by API member name.</param>
public sealed record RemediationAction(string Action, IReadOnlyDictionary<string, string> Parameters);

/// <summary>What a remediation would do for one finding.</summary>
/// <param name="RuleId">The rule remediated.</param>
/// <param name="Resource">The resource changed.</param>
/// <param name="Summary">One sentence saying what changes.</param>
/// <param name="Actions">The API calls, in order.</param>
public sealed record RemediationPlan(string RuleId, ResourceRef Resource, string Summary, IReadOnlyList<RemediationAction> Actions);

/// <summary>What happened when a plan was applied.</summary>
/// <param name="Plan">The plan applied.</param>
/// <param name="Succeeded">True when every action succeeded and re-verification passed.</param>
/// <param name="Before">The relevant state before, as data.</param>
/// <param name="After">The relevant state after, as data.</param>
/// <param name="Error">Why it failed, when it did.</param>
public sealed record RemediationOutcome(
    RemediationPlan Plan,
    bool Succeeded,
    IReadOnlyDictionary<string, string> Before,
    IReadOnlyDictionary<string, string> After,
    string? Error);

/// <summary>The checker's side of remediation: performs one described AWS call.</summary>
public interface IRemediationGateway
{
    /// <summary>Performs the action and returns the response members by name.</summary>
    Task<IReadOnlyDictionary<string, string>> InvokeAsync(RemediationAction action, CancellationToken cancellationToken);
}
