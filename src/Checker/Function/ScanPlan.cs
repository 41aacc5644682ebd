using Compliance.Checker.Engine;
using Compliance.Checker.Live;
using Compliance.Checker.Live.Collection;
using Compliance.Rules;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Function;

/// <summary>
/// What one request will scan: regions, rules, collection scope and remediation mode. A request may narrow the
/// configured scope or lower the remediation mode, never widen or raise them.
/// </summary>
internal sealed record ScanPlan(string Trigger, LiveOptions Options, IReadOnlyList<IComplianceRule> Rules, CollectionScope Scope, RemediationMode Remediation, string? Error = null)
{
    public static ScanPlan For(FunctionRequest request, FunctionConfiguration config, RuleRegistry registry)
    {
        var options = new LiveOptions
        {
            Regions = config.Regions.Count > 0 ? config.Regions : config.Region is { } region ? [region] : [],
            EndpointUrl = config.EndpointUrl,
            Deadline = config.Deadline - TimeSpan.FromSeconds(5), // leave time to write the report
        };
        IReadOnlyList<IComplianceRule> configured;
        try
        {
            configured = new RuleSelection { Include = config.Rules, Exclude = config.Exclude }.Apply(registry);
        }
        catch (ArgumentException ex)
        {
            return Failed(options, $"COMPLIANCE_RULES / COMPLIANCE_EXCLUDE: {ex.Message}");
        }

        switch (request)
        {
            case FunctionRequest.SecurityGroupChange change:
                return new ScanPlan("security-group-change", options with { Regions = [change.Region], AccountId = change.Account },
                    SecurityGroupRules(configured), CollectionScope.Everything, config.Remediation);

            case FunctionRequest.OnDemand demand:
                var rules = configured;
                try
                {
                    rules = Narrow(configured, demand.Rules, demand.Exclude);
                }
                catch (ArgumentException ex)
                {
                    return Failed(options, ex.Message);
                }

                var regions = demand.Regions.Count > 0 ? demand.Regions : options.Regions;
                var mode = (RemediationMode)Math.Min((int)(demand.Remediation ?? config.Remediation), (int)config.Remediation);
                if (demand.SecurityGroupIds.Count > 0)
                {
                    var groupRules = SecurityGroupRules(rules);
                    return new ScanPlan("on-demand", options with { Regions = regions }, groupRules,
                        CollectionScope.ForResources(groupRules, ResourceTypes.SecurityGroup, demand.SecurityGroupIds), mode);
                }

                return new ScanPlan("on-demand", options with { Regions = regions }, rules, CollectionScope.Everything, mode);

            default:
                return new ScanPlan("scheduled", options, configured, CollectionScope.Everything, config.Remediation);
        }
    }

    public static string ModeName(RemediationMode mode) => mode switch
    {
        RemediationMode.DryRun => "dry-run",
        RemediationMode.Enforce => "enforce",
        _ => "off",
    };

    private static List<IComplianceRule> SecurityGroupRules(IEnumerable<IComplianceRule> rules) =>
        rules.Where(r => r.Descriptor.ResourceType == ResourceTypes.SecurityGroup).ToList();

    /// <summary>The configured rules, narrowed by the request's own include and exclude patterns.</summary>
    private static IReadOnlyList<IComplianceRule> Narrow(IReadOnlyList<IComplianceRule> configured, IReadOnlyList<string> include, IReadOnlyList<string> exclude)
    {
        if (include.Count == 0 && exclude.Count == 0)
        {
            return configured;
        }

        var narrowed = new RuleSelection { Include = include, Exclude = exclude }.Apply(RuleRegistry.FromRules(configured));
        return narrowed;
    }

    private static ScanPlan Failed(LiveOptions options, string error) =>
        new("invalid", options, [], CollectionScope.Everything, RemediationMode.Off, error);
}
