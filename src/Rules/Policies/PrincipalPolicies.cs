using Compliance.Rules.Inventory;

namespace Compliance.Rules.Policies;

/// <summary>One identity policy of a principal and where it comes from ("inline policy X", "group G: managed policy Y").</summary>
public sealed record SourcedPolicy(string Source, PolicyDocument Document);

/// <summary>
/// The identity policies of one user or role as far as the inventory knows them: the documents read, the sources whose
/// documents are unknown (not collected or unparseable), the AWS managed policies (whose documents are not collected),
/// and the permissions boundary.
/// </summary>
public sealed record PrincipalPolicies(
    IReadOnlyList<SourcedPolicy> Known,
    IReadOnlyList<string> Unknown,
    IReadOnlyList<string> AwsManaged,
    PolicyDocument? Boundary,
    string? UnknownBoundary)
{
    /// <summary>
    /// What the known documents decide for the request, cut down by the permissions boundary when its document is known
    /// (a boundary only ever narrows: the request must be allowed by both).
    /// </summary>
    public AccessVerdict Evaluate(string action, string resource, Func<PolicyStatement, bool>? restricts = null)
    {
        var identity = IdentityPolicyEvaluator.Evaluate(Known.Select(k => k.Document), action, resource, restricts);
        if (Boundary is null || !identity.MayBeAllowed)
        {
            return identity;
        }

        var boundary = IdentityPolicyEvaluator.Evaluate([Boundary], action, resource, restricts);
        return boundary.Decision switch
        {
            AccessDecision.Allowed => identity,
            AccessDecision.AllowedWithConditions => identity with { Decision = AccessDecision.AllowedWithConditions },
            _ => identity with { Decision = AccessDecision.NotAllowed },
        };
    }
}

/// <summary>
/// Gathers a principal's identity policies from the inventory: its inline policies, the managed policies attached to it
/// and, for a user, the inline and managed policies of its groups, plus the permissions boundary. Customer managed
/// policies are found by ARN in the same inventory; AWS managed ones (account "aws") are listed but not read.
/// </summary>
public sealed class PrincipalPolicyIndex
{
    private readonly Dictionary<string, IamManagedPolicy> _managed;
    private readonly Dictionary<(string Account, string Name), IamGroup> _groups;

    public PrincipalPolicyIndex(AwsInventory inventory)
    {
        _managed = inventory.IamManagedPolicies.Where(p => p.Arn is not null)
            .GroupBy(p => p.Arn!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _groups = inventory.IamGroups.GroupBy(g => (g.AccountId, g.Id)).ToDictionary(g => g.Key, g => g.First());
    }

    /// <summary>True for an AWS managed policy ARN (arn:partition:iam::aws:policy/...).</summary>
    public static bool IsAwsManaged(string policyArn) => AwsArn.Parse(policyArn)?.Account == "aws";

    /// <summary>A customer managed policy of the inventory by ARN, or null.</summary>
    public IamManagedPolicy? Managed(string policyArn) => _managed.GetValueOrDefault(policyArn);

    public PrincipalPolicies For(IamRole role)
    {
        var builder = new Builder(this);
        builder.AddInline(role.InlinePolicies, "");
        builder.AddAttached(role.AttachedManagedPolicyArns, "");
        return builder.Build(role.PermissionsBoundaryArn);
    }

    public PrincipalPolicies For(IamUser user)
    {
        var builder = new Builder(this);
        builder.AddInline(user.InlinePolicies, "");
        builder.AddAttached(user.AttachedManagedPolicyArns, "");
        if (user.Groups is null)
        {
            builder.Unknown.Add("group memberships");
        }

        foreach (var name in user.Groups ?? [])
        {
            if (_groups.GetValueOrDefault((user.AccountId, name)) is not { } group)
            {
                builder.Unknown.Add($"group {name} (not collected)");
                continue;
            }

            builder.AddInline(group.InlinePolicies, $"group {name}: ");
            builder.AddAttached(group.AttachedManagedPolicyArns, $"group {name}: ");
        }

        return builder.Build(user.PermissionsBoundaryArn);
    }

    private sealed class Builder(PrincipalPolicyIndex index)
    {
        public List<SourcedPolicy> Known { get; } = [];
        public List<string> Unknown { get; } = [];
        public List<string> AwsManaged { get; } = [];

        public void AddInline(IReadOnlyList<InlinePolicy>? policies, string prefix)
        {
            if (policies is null)
            {
                Unknown.Add($"{prefix}inline policies");
                return;
            }

            foreach (var policy in policies)
            {
                if (policy.Document is { } document)
                {
                    Known.Add(new SourcedPolicy($"{prefix}inline policy {policy.PolicyName}", document));
                }
                else
                {
                    Unknown.Add($"{prefix}inline policy {policy.PolicyName}");
                }
            }
        }

        public void AddAttached(IReadOnlyList<string>? arns, string prefix)
        {
            if (arns is null)
            {
                Unknown.Add($"{prefix}attached managed policies");
                return;
            }

            foreach (var arn in arns)
            {
                if (IsAwsManaged(arn))
                {
                    AwsManaged.Add(arn);
                }
                else if (index.Managed(arn) is { Document: { } document } policy)
                {
                    Known.Add(new SourcedPolicy($"{prefix}managed policy {policy.Id}", document));
                }
                else
                {
                    Unknown.Add($"{prefix}managed policy {arn}");
                }
            }
        }

        public PrincipalPolicies Build(string? boundaryArn) => boundaryArn switch
        {
            null => new(Known, Unknown, AwsManaged.Distinct(StringComparer.Ordinal).ToList(), null, "permissions boundary (unknown)"),
            "" => new(Known, Unknown, AwsManaged.Distinct(StringComparer.Ordinal).ToList(), null, null),
            _ when index.Managed(boundaryArn) is { Document: { } boundary } => new(Known, Unknown, AwsManaged.Distinct(StringComparer.Ordinal).ToList(), boundary, null),
            _ => new(Known, Unknown, AwsManaged.Distinct(StringComparer.Ordinal).ToList(), null, boundaryArn),
        };
    }
}
