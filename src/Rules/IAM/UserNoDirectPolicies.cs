using Compliance.Rules.Inventory;

namespace Compliance.Rules.IAM;

/// <summary>No IAM user has inline or managed policies of its own: permissions come through groups (or roles).</summary>
public sealed class UserNoDirectPolicies : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.IamUser3,
        Title = "IAM users get permissions only through groups, not attached policies",
        Rationale = "Permissions attached user by user drift apart and are hard to review or revoke; granting them through groups keeps one place to see and change who may do what.",
        Severity = Severity.Low,
        ResourceTypes = [ResourceTypes.IamUser],
        Frameworks =
        [
            new(Frameworks.PciDss40, "7.2.1", MappingConfidence.Proposed),
            new(Frameworks.CisAws30, "1.15", MappingConfidence.Published),
            new(Frameworks.AwsFsbp, "IAM.2", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "IAM_USER_NO_POLICIES_CHECK", MappingConfidence.Published),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        foreach (var user in context.Inventory.IamUsers)
        {
            if (user.InlinePolicies is not { } inline || user.AttachedManagedPolicyArns is not { } attached)
            {
                yield return Descriptor.Error(user.Ref, $"IAM user {user.DisplayName}: its inline or attached policies are unknown.");
                continue;
            }

            var evidence = new Dictionary<string, string>
            {
                ["inlinePolicies"] = string.Join(",", inline.Select(p => p.PolicyName)),
                ["attachedManagedPolicies"] = string.Join(",", attached),
            };
            var direct = inline.Select(p => $"inline policy {p.PolicyName}").Concat(attached.Select(a => $"managed policy {a}")).ToList();
            yield return direct.Count == 0
                ? Descriptor.Pass(user.Ref, $"IAM user {user.DisplayName} has no policies of its own.", evidence)
                : Descriptor.Fail(user.Ref, $"IAM user {user.DisplayName} has {direct.Count} polic{(direct.Count == 1 ? "y" : "ies")} of its own: {string.Join(", ", direct)}.", evidence);
        }
    }
}
