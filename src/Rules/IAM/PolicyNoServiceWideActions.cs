using Compliance.Rules.Inventory;
using Compliance.Rules.Policies;

namespace Compliance.Rules.IAM;

/// <summary>No customer managed or inline policy allows a whole service ("s3:*", "*") or uses NotAction in an Allow.</summary>
public sealed class PolicyNoServiceWideActions : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.IamPolicy2,
        Title = "No identity policy allows whole services ('svc:*') or uses Allow with NotAction",
        Rationale = "A service-wide wildcard grants every action the service has and every one it will add; an Allow with NotAction grants everything not listed. Both give far more than a task needs.",
        Severity = Severity.Low,
        ResourceTypes = [ResourceTypes.IamPolicy, ResourceTypes.IamManagedPolicy, ResourceTypes.IamRole, ResourceTypes.IamUser, ResourceTypes.IamGroup],
        Frameworks =
        [
            new(Frameworks.PciDss40, "7.2.1", MappingConfidence.Proposed),
            new(Frameworks.PciDss40, "7.2.2", MappingConfidence.Proposed),
            new(Frameworks.PciDss40, "7.2.5", MappingConfidence.Proposed),
            new(Frameworks.AwsFsbp, "IAM.21", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "IAM_POLICY_NO_STATEMENTS_WITH_FULL_ACCESS", MappingConfidence.Published),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        foreach (var policy in JudgedPolicies.All(context.Inventory))
        {
            if (policy.Document is not { } document)
            {
                yield return Descriptor.Error(policy.Subject, $"The document of {policy.Description} is unknown (not collected or not parseable).");
                continue;
            }

            var offending = document.Statements.Where(s => s.IsAllow)
                .SelectMany(s => s.NotActions.Count > 0
                    ? [$"statement {JudgedPolicies.Name(document, s)} allows everything but NotAction {string.Join(",", s.NotActions)}"]
                    : s.Actions.Where(PolicyAnalysis.IsServiceWide).Select(a => $"statement {JudgedPolicies.Name(document, s)} allows {a}"))
                .ToList();
            if (offending.Count == 0)
            {
                yield return Descriptor.Pass(policy.Subject, $"{Capitalized(policy.Description)} allows no whole service and no NotAction.");
                continue;
            }

            var evidence = new Dictionary<string, string> { ["offending"] = string.Join("; ", offending) };
            yield return Descriptor.Fail(policy.Subject, $"In {policy.Description}, {string.Join("; ", offending)}.", evidence);
        }
    }

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
