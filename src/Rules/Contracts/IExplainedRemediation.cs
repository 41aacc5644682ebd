namespace Compliance.Rules;

/// <summary>
/// A remediation that says why it has no plan. <see cref="IRemediation.Plan"/> answers only "no"; the engine records
/// the reason from <see cref="Decide"/> instead, so a skipped fix names its unmet precondition in the report.
/// Implement <see cref="IRemediation.Plan"/> as <c>Decide(finding, inventory).Plan</c>.
/// </summary>
public interface IExplainedRemediation : IRemediation
{
    /// <summary>The plan, or the reason there is none. Pure, like <see cref="IRemediation.Plan"/>.</summary>
    PlanDecision Decide(Finding finding, Inventory.AwsInventory inventory);
}
