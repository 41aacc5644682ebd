using Compliance.Rules.Inventory;
using Compliance.Rules.Policies;

namespace Compliance.Rules.ApiGateway;

/// <summary>
/// Whether a REST API's resource policy lets execute-api:Invoke through only from named VPC endpoints or VPCs: every
/// statement that allows Invoke is either itself conditioned on the source endpoint/VPC, or covered by a Deny to
/// everyone that applies whenever the source is not one of the named endpoints/VPCs.
/// </summary>
internal static class PrivateApiPolicy
{
    public const string InvokeAction = "execute-api:Invoke";

    /// <param name="Restricted">True when every Invoke allow is limited to named endpoints/VPCs.</param>
    /// <param name="Offending">The first statement that is not (its Sid, or "#n"), when not restricted.</param>
    /// <param name="Allows">How many statements allow Invoke.</param>
    public sealed record Verdict(bool Restricted, string? Offending, int Allows);

    public static Verdict Judge(ApiGatewayRestApi api, PolicyDocument policy, IReadOnlyCollection<string> sourceKeys)
    {
        var arn = AwsArn.Parse(api.Arn);
        var prefix = $"arn:{arn?.Partition ?? "aws"}:execute-api:{api.Region}:{api.AccountId}:{api.Id}";
        var guards = policy.Statements.Where(s => IsGuard(s, sourceKeys)).ToList();
        var allows = policy.Statements.Select((s, i) => (Statement: s, Index: i)).Where(p => p.Statement.IsAllow && p.Statement.MatchesAction(InvokeAction)).ToList();

        foreach (var (statement, index) in allows)
        {
            if (IsSelfRestricted(statement, sourceKeys))
            {
                continue;
            }

            var allowed = statement.NotResources.Count > 0 || statement.Resources.Count == 0
                ? [$"{prefix}/*"]
                : statement.Resources.Select(r => Effective(Normalize(r, prefix), prefix)).ToList();
            var covered = allowed.All(resource => guards.Any(g => g.Resources.Any(pattern => PolicyAnalysis.WildcardMatch(Normalize(pattern, prefix), resource))));
            if (!covered)
            {
                return new(false, statement.Sid is { Length: > 0 } sid ? sid : $"#{index + 1}", allows.Count);
            }
        }

        return new(true, null, allows.Count);
    }

    /// <summary>"execute-api:/prod/GET/pets" → "arn:aws:execute-api:region:account:api/prod/GET/pets" (API Gateway's own shorthand).</summary>
    private static string Normalize(string resource, string prefix) =>
        resource.StartsWith("execute-api:/", StringComparison.OrdinalIgnoreCase) ? prefix + resource["execute-api:".Length..] : resource;

    /// <summary>A pattern that covers the whole API ("arn:...:*/*") grants, in this API's own policy, exactly "api/*".</summary>
    private static string Effective(string resource, string prefix) =>
        PolicyAnalysis.WildcardMatch(resource, $"{prefix}/*") ? $"{prefix}/*" : resource;

    /// <summary>An Allow whose own condition requires the request to come from named endpoints or VPCs.</summary>
    private static bool IsSelfRestricted(PolicyStatement statement, IReadOnlyCollection<string> sourceKeys) =>
        statement.Conditions.Any(c =>
            sourceKeys.Contains(c.Key, StringComparer.OrdinalIgnoreCase)
            && BaseOperator(c.Operator) is "StringEquals" or "StringLike" or "StringEqualsIgnoreCase"
            && NamedValues(c.Values));

    /// <summary>A Deny of Invoke to everyone, on named resources, applying whenever the source is not a named endpoint or VPC.</summary>
    private static bool IsGuard(PolicyStatement statement, IReadOnlyCollection<string> sourceKeys) =>
        statement.IsDeny
        && statement.MatchesAction(InvokeAction)
        && statement.Principal?.IsPublic == true && statement.NotPrincipal is null
        && statement.NotResources.Count == 0 && statement.Resources.Count > 0
        && statement.Conditions.Count > 0
        && statement.Conditions.All(c =>
            sourceKeys.Contains(c.Key, StringComparer.OrdinalIgnoreCase)
            && BaseOperator(c.Operator) is "StringNotEquals" or "StringNotLike" or "StringNotEqualsIgnoreCase"
            && NamedValues(c.Values));

    /// <summary>"ForAnyValue:StringEquals" → "StringEquals"; "StringNotEqualsIfExists" → "StringNotEquals" for negated tests only.</summary>
    private static string BaseOperator(string op)
    {
        var name = op.Contains(':', StringComparison.Ordinal) ? op[(op.IndexOf(':', StringComparison.Ordinal) + 1)..] : op;
        // A negated test that also applies when the key is missing still denies (IfExists only widens the Deny);
        // a positive test with IfExists lets a request without the key through, so it stays distinct and never matches.
        return name.Contains("Not", StringComparison.Ordinal) && name.EndsWith("IfExists", StringComparison.Ordinal) ? name[..^"IfExists".Length] : name;
    }

    /// <summary>Fixed, named values: no wildcard that would admit any endpoint or VPC.</summary>
    private static bool NamedValues(IReadOnlyList<string> values) =>
        values.Count > 0 && values.All(v => v.Length > 0 && !v.Contains('*') && !v.Contains('?'));
}
