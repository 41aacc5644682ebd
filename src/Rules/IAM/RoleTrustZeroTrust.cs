using Compliance.Rules.Inventory;
using Compliance.Rules.Policies;

namespace Compliance.Rules.IAM;

/// <summary>
/// A role's trust policy names who may assume it and pins outsiders by condition, and the role has no inline policies.
/// </summary>
public sealed class RoleTrustZeroTrust : IComplianceRule
{
    private static readonly string[] AssumeActions = ["sts:AssumeRole", "sts:AssumeRoleWithSAML", "sts:AssumeRoleWithWebIdentity"];

    private static readonly IReadOnlySet<string> CrossAccountKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "sts:ExternalId", "aws:PrincipalOrgID" };

    private static readonly IReadOnlySet<string> ServiceSourceKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "aws:SourceAccount", "aws:SourceArn", "aws:SourceOrgID", "aws:SourceOrgPaths",
    };

    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.IamRole2,
        Title = "Role trust admits no '*', pins other accounts and services; no inline policies",
        Rationale = "Whoever a trust policy admits can act as the role: '*' admits anyone, another account admits all of its principals, and a service admits requests made for any customer. Inline policies hide permissions from reuse and review.",
        Severity = Severity.High,
        ResourceTypes = [ResourceTypes.IamRole],
        Frameworks =
        [
            new(Frameworks.PciDss40, "7.2.1", MappingConfidence.Proposed),
            new(Frameworks.PciDss40, "7.2.5", MappingConfidence.Proposed),
            new(Frameworks.PciDss40, "8.2.2", MappingConfidence.Proposed),
            new(Frameworks.AwsConfig, "IAM_NO_INLINE_POLICY_CHECK", MappingConfidence.Published),
        ],
        Parameters =
        [
            new("exemptServicePrincipals", "ec2.amazonaws.com,lambda.amazonaws.com,edgelambda.amazonaws.com",
                "Service principals that need no aws:SourceAccount/aws:SourceArn condition: AWS does not send those keys when it assumes these execution roles, which only a principal of this account can pass (iam:PassRole)."),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var exempt = context.ListParameter("exemptServicePrincipals").ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var role in context.Inventory.IamRoles)
        {
            if (role.IsServiceLinked)
            {
                yield return Descriptor.NotApplicable(role.Ref, $"Role {role.DisplayName} is service-linked: AWS defines its trust policy and permissions.");
                continue;
            }

            if (role.AssumeRolePolicy is not { } trust || role.InlinePolicies is not { } inline)
            {
                yield return Descriptor.Error(role.Ref, $"Role {role.DisplayName}: its {(role.AssumeRolePolicy is null ? "trust policy" : "inline policies")} could not be read.");
                continue;
            }

            var problems = new List<string>();
            foreach (var statement in trust.Statements.Where(s => s.IsAllow && AssumeActions.Any(s.MatchesAction)))
            {
                problems.AddRange(Problems(statement, trust, role.AccountId, exempt));
            }

            if (inline.Count > 0)
            {
                problems.Add($"it has inline policies ({string.Join(", ", inline.Select(p => p.PolicyName))})");
            }

            var evidence = new Dictionary<string, string>
            {
                ["trustedPrincipals"] = string.Join(",", trust.Statements.Where(s => s.IsAllow).SelectMany(Principals)),
                ["inlinePolicies"] = string.Join(",", inline.Select(p => p.PolicyName)),
            };
            if (problems.Count == 0)
            {
                yield return Descriptor.Pass(role.Ref, $"Role {role.DisplayName} trusts only named, pinned principals and has no inline policies.", evidence);
                continue;
            }

            evidence["problems"] = string.Join("; ", problems);
            yield return Descriptor.Fail(role.Ref, $"Role {role.DisplayName}: {string.Join("; ", problems)}.", evidence);
        }
    }

    private static IEnumerable<string> Problems(PolicyStatement statement, PolicyDocument trust, string account, IReadOnlySet<string> exempt)
    {
        var name = JudgedPolicies.Name(trust, statement);
        if (statement.HasPublicPrincipal())
        {
            if (!statement.IsRestrictedByCondition())
            {
                yield return $"trust statement {name} admits every principal ('*') with no condition pinning the caller";
            }

            yield break;
        }

        var principal = statement.Principal;
        foreach (var value in principal?.Of("AWS") ?? [])
        {
            if (AccountOf(value) is { } other && other != account && !statement.HasFixedCondition(CrossAccountKeys))
            {
                yield return $"trust statement {name} admits account {other} ({value}) without an sts:ExternalId or aws:PrincipalOrgID condition";
            }
        }

        foreach (var service in principal?.Of("Service") ?? [])
        {
            // China regions name services with a ".cn" suffix (ec2.amazonaws.com.cn); the exemption covers both spellings.
            var exempted = exempt.Contains(service) || service.EndsWith(".cn", StringComparison.OrdinalIgnoreCase) && exempt.Contains(service[..^3]);
            if (!exempted && !statement.HasFixedCondition(ServiceSourceKeys))
            {
                yield return $"trust statement {name} admits the service {service} without an aws:SourceAccount or aws:SourceArn condition";
            }
        }

        foreach (var provider in principal?.Of("Federated") ?? [])
        {
            if (OidcHost(provider) is { } host && !statement.HasFixedCondition(key => PinsWebIdentity(host, key)))
            {
                yield return $"trust statement {name} admits any token of {host} (no condition on {host}:{(host == GitHubActions ? "sub" : "aud or :sub")})";
            }
        }
    }

    private const string GitHubActions = "token.actions.githubusercontent.com";

    /// <summary>The issuer of a web identity provider: an OIDC provider ARN's host, or a built-in one; null for SAML.</summary>
    private static string? OidcHost(string provider) =>
        AwsArn.Parse(provider) is { } arn
            ? arn.Resource.StartsWith("oidc-provider/", StringComparison.Ordinal) ? arn.Resource["oidc-provider/".Length..] : null
            : provider is "cognito-identity.amazonaws.com" or "accounts.google.com" or "graph.facebook.com" or "www.amazon.com" ? provider : null;

    /// <summary>
    /// A web identity is pinned by its audience or subject; for GitHub Actions only the subject (repository, branch)
    /// counts, because every GitHub token carries the same audience.
    /// </summary>
    private static bool PinsWebIdentity(string host, string key) =>
        key.Equals($"{host}:sub", StringComparison.OrdinalIgnoreCase)
        || (host != GitHubActions && key.Equals($"{host}:aud", StringComparison.OrdinalIgnoreCase));

    /// <summary>The account of an AWS principal (an account id or an IAM/STS ARN); null for a unique id of a deleted principal.</summary>
    private static string? AccountOf(string principal) =>
        principal.Length == 12 && principal.All(char.IsAsciiDigit) ? principal
        : AwsArn.Parse(principal) is { Account: { Length: 12 } account } ? account
        : null;

    private static IEnumerable<string> Principals(PolicyStatement statement) =>
        statement.HasPublicPrincipal() ? ["*"]
        : statement.Principal?.ByType.SelectMany(p => p.Value.Select(v => $"{p.Key}:{v}")) ?? [];
}
