using Compliance.Rules.Inventory;
using Compliance.Rules.Policies;

namespace Compliance.Rules.IAM;

/// <summary>No customer managed or inline policy allows kms:Decrypt or kms:ReEncryptFrom on every key.</summary>
public sealed class PolicyNoKmsDecryptOnAllKeys : IComplianceRule
{
    /// <summary>Probe key id: only a wildcard in the key-id position matches it.</summary>
    private const string ProbeKeyId = "00000000-zz00-probe-0000-000000000000";

    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.IamPolicy3,
        Title = "No identity policy allows kms:Decrypt or kms:ReEncryptFrom on all keys",
        Rationale = "Decrypt on every key lets one principal read whatever any key protects; naming the keys (or pinning them by condition) keeps each principal to the data it needs.",
        Severity = Severity.Medium,
        ResourceTypes = [ResourceTypes.IamPolicy, ResourceTypes.IamManagedPolicy, ResourceTypes.IamRole, ResourceTypes.IamUser, ResourceTypes.IamGroup],
        Frameworks =
        [
            new(Frameworks.PciDss40, "3.6.1", MappingConfidence.Proposed),
            new(Frameworks.PciDss40, "7.2.1", MappingConfidence.Proposed),
            new(Frameworks.AwsFsbp, "KMS.1", MappingConfidence.Published),
            new(Frameworks.AwsFsbp, "KMS.2", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "IAM_CUSTOMER_POLICY_BLOCKED_KMS_ACTIONS", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "IAM_INLINE_POLICY_BLOCKED_KMS_ACTIONS", MappingConfidence.Published),
        ],
        Parameters = [new("blockedActions", "kms:Decrypt,kms:ReEncryptFrom", "KMS actions that must not be allowed on every key.")],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var blocked = context.ListParameter("blockedActions");
        var regions = context.Inventory.Regions.DefaultIfEmpty("us-east-1").ToList();
        foreach (var policy in JudgedPolicies.All(context.Inventory))
        {
            if (policy.Document is not { } document)
            {
                yield return Descriptor.Error(policy.Subject, $"The document of {policy.Description} is unknown (not collected or not parseable).");
                continue;
            }

            // A made-up key of the policy's own account in each scanned region: a statement that matches it names no key.
            var probes = regions.Select(r => $"arn:{policy.Partition}:kms:{r}:{policy.Subject.AccountId}:key/{ProbeKeyId}").ToList();
            var grants = (from action in blocked
                          from probe in probes
                          let verdict = IdentityPolicyEvaluator.Evaluate([document], action, probe, PinsKeys)
                          where verdict.Decision != AccessDecision.Denied
                          from allow in verdict.Allows.Where(s => !PinsKeys(s))
                          select (Action: action, Statement: allow)).ToList();
            if (grants.Count == 0)
            {
                yield return Descriptor.Pass(policy.Subject, $"No statement of {policy.Description} allows {string.Join(" or ", blocked)} on every key.");
                continue;
            }

            var actions = grants.Select(g => g.Action).Distinct(StringComparer.Ordinal).ToList();
            var statement = grants[0].Statement;
            var evidence = new Dictionary<string, string>
            {
                ["actions"] = string.Join(",", actions),
                ["statement"] = JudgedPolicies.Name(document, statement),
                ["resource"] = statement.NotResources.Count > 0 ? "NotResource " + string.Join(",", statement.NotResources) : string.Join(",", statement.Resources),
            };
            yield return Descriptor.Fail(policy.Subject,
                $"Statement {evidence["statement"]} of {policy.Description} allows {string.Join(" and ", actions)} on every key ({evidence["resource"]}).", evidence);
        }
    }

    /// <summary>
    /// A condition that pins which keys or which use: the service the call comes through, the encryption context, the
    /// key's alias, tags or owning account. Conditions on the caller (MFA, source IP) do not narrow the keys.
    /// </summary>
    private static bool PinsKeys(PolicyStatement statement) => statement.HasFixedCondition(key =>
        key.Equals("kms:ViaService", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("kms:EncryptionContext", StringComparison.OrdinalIgnoreCase)
        || key.Equals("kms:ResourceAliases", StringComparison.OrdinalIgnoreCase)
        || key.Equals("kms:RequestAlias", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("aws:ResourceTag/", StringComparison.OrdinalIgnoreCase)
        || key.Equals("aws:ResourceAccount", StringComparison.OrdinalIgnoreCase)
        || key.Equals("aws:ResourceOrgID", StringComparison.OrdinalIgnoreCase)
        || key.Equals("aws:ResourceOrgPaths", StringComparison.OrdinalIgnoreCase));
}
