using Compliance.Rules.Inventory;

namespace Compliance.Rules.IAM;

/// <summary>One identity policy the IAM.Policy rules judge, with the subject its finding is reported on.</summary>
/// <param name="Subject">The managed policy, or the inline policy as ("role/name/policy", AWS::IAM::Policy).</param>
/// <param name="Description">"customer managed policy X", "inline policy P of role R".</param>
/// <param name="Document">The document; null when unknown.</param>
/// <param name="Partition">The partition of the account, for resource probes.</param>
internal sealed record JudgedPolicy(ResourceRef Subject, string Description, PolicyDocument? Document, string Partition);

/// <summary>
/// The identity policies the IAM.Policy rules judge: customer managed policies (attached or not) and the inline policies
/// of users, groups and roles. AWS managed policies are out of scope, as in the AWS Config rules these follow (AWS owns
/// and versions them); so are service-linked roles, whose policies AWS defines.
/// </summary>
internal static class JudgedPolicies
{
    public static IEnumerable<JudgedPolicy> All(AwsInventory inventory)
    {
        foreach (var policy in inventory.IamManagedPolicies)
        {
            yield return new JudgedPolicy(policy.Ref, $"customer managed policy {policy.Id}", policy.Document, IamFacts.Partition(policy.Arn));
        }

        var principals = inventory.IamRoles.Where(r => !r.IsServiceLinked).Select(r => (Kind: "role", Resource: (AwsResource)r, r.InlinePolicies))
            .Concat(inventory.IamUsers.Select(u => (Kind: "user", Resource: (AwsResource)u, u.InlinePolicies)))
            .Concat(inventory.IamGroups.Select(g => (Kind: "group", Resource: (AwsResource)g, g.InlinePolicies)));
        foreach (var (kind, principal, inline) in principals)
        {
            if (inline is null)
            {
                yield return new JudgedPolicy(principal.Ref, $"the inline policies of {kind} {principal.DisplayName}", null, IamFacts.Partition(principal.Arn));
                continue;
            }

            foreach (var policy in inline)
            {
                var subject = new ResourceRef(ResourceTypes.IamPolicy, $"{kind}/{principal.Id}/{policy.PolicyName}", null, principal.Region, principal.AccountId);
                yield return new JudgedPolicy(subject, $"inline policy {policy.PolicyName} of {kind} {principal.DisplayName}", policy.Document, IamFacts.Partition(principal.Arn));
            }
        }
    }

    /// <summary>"Sid" or "#n" (1-based), to name a statement in messages.</summary>
    public static string Name(PolicyDocument document, PolicyStatement statement) =>
        statement.Sid is { Length: > 0 } sid ? sid : $"#{IamFacts.Text(IndexOf(document, statement) + 1)}";

    private static int IndexOf(PolicyDocument document, PolicyStatement statement)
    {
        for (var i = 0; i < document.Statements.Count; i++)
        {
            if (ReferenceEquals(document.Statements[i], statement))
            {
                return i;
            }
        }

        return -1;
    }
}
