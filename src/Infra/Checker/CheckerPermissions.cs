using Compliance.Checker.Function;
using Compliance.Checker.Function.Sinks;
using Compliance.Checker.Live.Collection;
using Compliance.Checker.Remediation;

namespace Compliance.Infra.Checker;

/// <summary>The IAM actions of the function, taken from the code's own declarations (nothing typed twice).</summary>
public static class CheckerPermissions
{
    /// <summary>The read-only actions of a full live scan (CollectorCatalog.ReadOnlyActions, as `compliance permissions`).</summary>
    public static IReadOnlyList<string> ReadOnly => CollectorCatalog.ReadOnlyActions();

    /// <summary>What the S3 report sink calls.</summary>
    public static IReadOnlyList<string> ReportSink => S3ReportSink.RequiredActions;

    /// <summary>What the SNS summary sink calls.</summary>
    public static IReadOnlyList<string> SummarySink => SnsSummarySink.RequiredActions;

    /// <summary>What reading the suppressions file may call.</summary>
    public static IReadOnlyList<string> Suppressions => SuppressionsSource.RequiredActions;

    /// <summary>Rule ids that have a built-in remediation.</summary>
    public static IReadOnlyList<string> RemediableRules =>
        [.. RemediationEngine.BuiltIn().Remediations.Select(r => r.RuleId).Order(StringComparer.Ordinal)];

    /// <summary>
    /// The write actions of the allow-listed remediations only (their RequiredActions, minus the read-only ones
    /// the scan already has), sorted.
    /// </summary>
    /// <exception cref="ArgumentException">An allowed rule id has no remediation.</exception>
    public static IReadOnlyList<string> Remediation(IEnumerable<string> allowedRuleIds)
    {
        var engine = RemediationEngine.BuiltIn();
        var actions = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var ruleId in allowedRuleIds)
        {
            var remediation = engine.For(ruleId)
                ?? throw new ArgumentException($"Context 'remediationAllow' names {ruleId}, which has no remediation; remediable rules: {string.Join(", ", RemediableRules)}.");
            actions.UnionWith(remediation.RequiredActions);
        }

        actions.ExceptWith(ReadOnly);
        return [.. actions];
    }
}
