namespace Compliance.Rules;

/// <summary>
/// A compliance rule. Rules are pure: they read the inventory in the context and never call AWS.
/// Implementations are sealed, stateless, have a public parameterless constructor and are discovered by reflection.
/// </summary>
public interface IComplianceRule
{
    /// <summary>The rule's identity, severity, mappings and parameters.</summary>
    RuleDescriptor Descriptor { get; }

    /// <summary>
    /// Judges every resource the rule applies to and yields one finding for each.
    /// A value the inventory does not know yields <see cref="ComplianceStatus.Error"/>, never PASS.
    /// </summary>
    IEnumerable<Finding> Evaluate(RuleContext context);
}
