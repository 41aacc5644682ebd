using System.Reflection;
using Compliance.Checker.Engine;
using Compliance.Checker.Function;
using Compliance.Checker.Remediation.Suppressions;
using Compliance.Rules;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Remediation;

/// <summary>
/// Decides, for every FAIL finding whose rule has a remediation, what happens to it, and does it: nothing when the mode
/// is off; skipped when the rule is not allow-listed, the fix cannot safely apply, or the run's cap is spent; planned
/// in a dry run (no AWS call); applied and re-verified when enforcing. EXEMPT findings are recorded as skipped and never
/// touched. Findings are taken most severe first, then by rule and resource, so a capped run fixes the worst first.
/// Nothing thrown by a remediation escapes: it becomes a Failed record with the message.
/// </summary>
public sealed class RemediationEngine
{
    private readonly Dictionary<string, IRemediation> _byRule;

    /// <exception cref="RemediationCatalogException">Two remediations name the same rule.</exception>
    public RemediationEngine(IEnumerable<IRemediation> remediations)
    {
        var list = remediations.ToList();
        var duplicates = list.GroupBy(r => r.RuleId, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).ToList();
        if (duplicates.Count > 0)
        {
            throw new RemediationCatalogException("Duplicate remediation: " + string.Join("; ", duplicates.Select(g =>
                $"{g.Key} is remediated by {string.Join(" and ", g.Select(r => r.GetType().FullName))}")) + ". A rule has at most one remediation.");
        }

        _byRule = list.ToDictionary(r => r.RuleId, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Every remediation, by rule id.</summary>
    public IReadOnlyCollection<IRemediation> Remediations => _byRule.Values;

    /// <summary>The remediations of the built-in rule pack.</summary>
    /// <exception cref="RemediationCatalogException">Two remediations name the same rule, or one cannot be created.</exception>
    public static RemediationEngine BuiltIn(RemediationSettings? settings = null) => new(Discover(typeof(RuleIds).Assembly, settings ?? RemediationSettings.None));

    /// <summary>
    /// Every concrete <see cref="IRemediation"/> of the assembly with a public parameterless constructor; one that also
    /// takes <see cref="RemediationSettings"/> (a configured key or destination) is built with the settings.
    /// </summary>
    /// <exception cref="RemediationCatalogException">One cannot be created.</exception>
    public static IReadOnlyList<IRemediation> Discover(Assembly assembly, RemediationSettings? settings = null) =>
        assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IRemediation).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t =>
            {
                try
                {
                    return (IRemediation)(settings is not null && t.GetConstructor([typeof(RemediationSettings)]) is { } configured
                        ? configured.Invoke([settings])
                        : Activator.CreateInstance(t)!);
                }
                catch (TargetInvocationException ex)
                {
                    throw new RemediationCatalogException($"Cannot create remediation {t.FullName}: {(ex.InnerException ?? ex).Message}");
                }
            })
            .ToList();

    /// <summary>The remediation of a rule, or null.</summary>
    public IRemediation? For(string ruleId) => _byRule.GetValueOrDefault(ruleId);

    /// <summary>Runs remediation over a scan's findings. Never throws for a remediation's failure; cancellation skips what has not started.</summary>
    public async Task<RemediationRun> RunAsync(
        IReadOnlyList<Finding> findings, AwsInventory inventory, RemediationOptions options, IRemediationGateway gateway, CancellationToken cancellationToken)
    {
        if (options.Mode == RemediationMode.Off)
        {
            return new RemediationRun(RemediationMode.Off, []);
        }

        var candidates = findings
            .Where(f => _byRule.ContainsKey(f.RuleId) && (f.Status == ComplianceStatus.Fail || IsExemptedFailure(f)))
            .OrderByDescending(f => f.Severity)
            .ThenBy(f => f.RuleId, RuleIdComparer.Instance)
            .ThenBy(f => f.Resource.AccountId, StringComparer.Ordinal)
            .ThenBy(f => f.Resource.Region, StringComparer.Ordinal)
            .ThenBy(f => f.Resource.Id, StringComparer.Ordinal);

        var records = new List<RemediationRecord>();
        var started = 0;
        foreach (var finding in candidates)
        {
            var remediation = _byRule[finding.RuleId];
            if (finding.Status == ComplianceStatus.Exempt)
            {
                records.Add(Record(finding, RemediationStatus.Skipped, ExemptionDetail(finding)));
                continue;
            }

            if (!options.Allows(finding.RuleId))
            {
                records.Add(Record(finding, RemediationStatus.Skipped, "not on COMPLIANCE_REMEDIATION_ALLOW"));
                continue;
            }

            PlanDecision decision;
            try
            {
                decision = remediation is IExplainedRemediation explained
                    ? explained.Decide(finding, inventory)
                    : remediation.Plan(finding, inventory) is { } plan ? PlanDecision.Ready(plan) : PlanDecision.NotPossible("the fix cannot safely apply to this finding (its preconditions are unmet)");
            }
            catch (Exception ex)
            {
                records.Add(Record(finding, RemediationStatus.Failed, $"planning failed: {ex.GetType().Name}: {ex.Message}"));
                continue;
            }

            if (decision.Plan is not { } ready)
            {
                records.Add(Record(finding, RemediationStatus.Skipped, decision.Reason ?? "no plan"));
                continue;
            }

            if (started >= options.MaxPerRun)
            {
                records.Add(Record(finding, RemediationStatus.Skipped, $"cap of {options.MaxPerRun} reached", ready));
                continue;
            }

            if (cancellationToken.IsCancellationRequested)
            {
                records.Add(Record(finding, RemediationStatus.Skipped, "the run was cancelled before this fix started", ready));
                continue;
            }

            started++;
            records.Add(options.Mode == RemediationMode.DryRun
                ? Record(finding, RemediationStatus.Planned, ready.Summary, ready)
                : await ApplyAsync(finding, remediation, ready, gateway, cancellationToken));
        }

        return new RemediationRun(options.Mode, records);
    }

    private static async Task<RemediationRecord> ApplyAsync(
        Finding finding, IRemediation remediation, RemediationPlan plan, IRemediationGateway gateway, CancellationToken cancellationToken)
    {
        try
        {
            var outcome = await remediation.ApplyAsync(plan, gateway, cancellationToken);
            return Record(finding, outcome.Succeeded ? RemediationStatus.Applied : RemediationStatus.Failed,
                outcome.Succeeded ? plan.Summary : outcome.Error ?? "re-verification did not confirm the fix", plan) with
            {
                Before = outcome.Before,
                After = outcome.After,
            };
        }
        catch (Exception ex)
        {
            return Record(finding, RemediationStatus.Failed, ex is OperationCanceledException ? $"cancelled: {ex.Message}" : ex.Message, plan);
        }
    }

    private static bool IsExemptedFailure(Finding finding) =>
        finding.Status == ComplianceStatus.Exempt && finding.Evidence.GetValueOrDefault(ExemptionEvidence.ExemptedStatus) == ComplianceStatus.Fail.ToWireName();

    private static string ExemptionDetail(Finding finding) =>
        finding.Evidence.TryGetValue(ExemptionEvidence.SuppressionReason, out var reason)
            ? $"exempt: suppressed until {finding.Evidence.GetValueOrDefault(ExemptionEvidence.SuppressionExpires)} ({reason})"
            : finding.Evidence.TryGetValue(ExemptionEvidence.ExemptTag, out var tag)
                ? $"exempt: tagged {ExemptionEvidence.TagKey}={tag}"
                : "exempt";

    private static RemediationRecord Record(Finding finding, RemediationStatus outcome, string detail, RemediationPlan? plan = null) => new()
    {
        RuleId = finding.RuleId,
        Resource = finding.Resource,
        Outcome = outcome,
        Detail = detail,
        Plan = plan,
    };
}
