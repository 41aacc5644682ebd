using Compliance.Rules.Inventory;
using Compliance.Rules.Policies;

namespace Compliance.Rules.IAM;

/// <summary>No customer managed or inline policy allows every action on every resource.</summary>
public sealed class PolicyNoAdminAccess : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.IamPolicy1,
        Title = "No customer managed or inline policy grants Action '*' on Resource '*'",
        Rationale = "A policy that allows every action on every resource makes whoever holds it an administrator; least privilege means granting the actions a job needs, not all of them.",
        Severity = Severity.High,
        ResourceTypes = [ResourceTypes.IamPolicy, ResourceTypes.IamManagedPolicy, ResourceTypes.IamRole, ResourceTypes.IamUser, ResourceTypes.IamGroup],
        Frameworks =
        [
            new(Frameworks.PciDss40, "7.2.1", MappingConfidence.Proposed),
            new(Frameworks.PciDss40, "7.2.2", MappingConfidence.Proposed),
            new(Frameworks.CisAws30, "1.16", MappingConfidence.Proposed),
            new(Frameworks.AwsFsbp, "IAM.1", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS", MappingConfidence.Published),
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

            // Conditions narrow when a statement applies, not what it grants: an administrator behind MFA is still one.
            var admin = document.Statements.FirstOrDefault(s =>
                s.IsAllow && s.Actions.Any(PolicyAnalysis.IsEveryAction) && s.MatchesEveryResource(policy.Partition));
            if (admin is null)
            {
                yield return Descriptor.Pass(policy.Subject, $"No statement of {policy.Description} allows every action on every resource.");
                continue;
            }

            var statement = JudgedPolicies.Name(document, admin);
            var evidence = new Dictionary<string, string>
            {
                ["statement"] = statement,
                ["action"] = string.Join(",", admin.Actions),
                ["resource"] = admin.NotResources.Count > 0 ? "NotResource " + string.Join(",", admin.NotResources) : string.Join(",", admin.Resources),
                ["conditions"] = string.Join(",", admin.Conditions.Select(c => $"{c.Operator}:{c.Key}")),
            };
            yield return Descriptor.Fail(policy.Subject, $"Statement {statement} of {policy.Description} allows every action on every resource, which is administrator access.", evidence);
        }
    }
}
