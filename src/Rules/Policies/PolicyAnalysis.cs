using System.Text;
using System.Text.RegularExpressions;
using Compliance.Rules.Inventory;

namespace Compliance.Rules.Policies;

/// <summary>What a policy statement grants, judged the way IAM evaluates it.</summary>
public static class PolicyAnalysis
{
    /// <summary>
    /// Condition keys that pin a statement to known callers or sources when given fixed values:
    /// a public principal restricted by one of these is not public.
    /// </summary>
    public static readonly IReadOnlySet<string> RestrictingConditionKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "aws:SourceArn", "aws:SourceAccount", "aws:SourceOwner", "aws:SourceVpc", "aws:SourceVpce", "aws:SourceIp",
        "aws:SourceOrgID", "aws:SourceOrgPaths", "aws:PrincipalAccount", "aws:PrincipalArn", "aws:PrincipalOrgID",
        "aws:PrincipalOrgPaths", "aws:userid", "aws:username", "kms:CallerAccount", "s3:DataAccessPointAccount",
        "s3:DataAccessPointArn", "aws:ResourceAccount", "aws:ResourceOrgID", "aws:ResourceOrgPaths",
    };

    /// <summary>True when the statement's action list (or NotAction) lets through <paramref name="action"/>.</summary>
    public static bool MatchesAction(this PolicyStatement statement, string action) =>
        statement.NotActions.Count > 0
            ? !AnyMatches(statement.NotActions, action)
            : AnyMatches(statement.Actions, action);

    /// <summary>True when the statement covers <paramref name="resourceArn"/> (Resource or NotResource).</summary>
    public static bool MatchesResource(this PolicyStatement statement, string resourceArn) =>
        statement.NotResources.Count > 0
            ? !AnyMatches(statement.NotResources, resourceArn)
            : statement.Resources.Count == 0 || AnyMatches(statement.Resources, resourceArn);

    /// <summary>True when one of the patterns matches; a plain loop, as rules ask this for every action of every statement.</summary>
    private static bool AnyMatches(IReadOnlyList<string> patterns, string value)
    {
        for (var i = 0; i < patterns.Count; i++)
        {
            if (WildcardMatch(patterns[i], value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the statement grants every action ("*", or NotAction).</summary>
    public static bool AllowsAllActions(this PolicyStatement statement) =>
        statement.NotActions.Count > 0 || statement.Actions.Any(a => a == "*");

    /// <summary>True when the statement applies to everyone: Principal "*", {"AWS": "*"}, or a NotPrincipal.</summary>
    public static bool HasPublicPrincipal(this PolicyStatement statement) =>
        statement.Principal?.IsPublic == true || statement.NotPrincipal is not null;

    /// <summary>The conditions on one key, case-insensitively.</summary>
    public static IEnumerable<PolicyCondition> ConditionsOn(this PolicyStatement statement, string key) =>
        statement.Conditions.Where(c => string.Equals(c.Key, key, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// True when a condition pins the statement to fixed callers or sources: a restricting key, a positive
    /// operator, and no value that is itself a wildcard.
    /// </summary>
    public static bool IsRestrictedByCondition(this PolicyStatement statement) => statement.HasFixedCondition(RestrictingConditionKeys);

    /// <summary>
    /// True when a condition on one of <paramref name="keys"/> pins it to fixed values: a positive operator (no "Not",
    /// no "IfExists", not "Null"), at least one value, and no value that is itself a wildcard or an all-addresses range.
    /// </summary>
    public static bool HasFixedCondition(this PolicyStatement statement, IReadOnlySet<string> keys) =>
        statement.HasFixedCondition(keys.Contains);

    /// <summary>As <see cref="HasFixedCondition(PolicyStatement, IReadOnlySet{string})"/>, for the keys <paramref name="isKey"/> accepts (prefixes, families).</summary>
    public static bool HasFixedCondition(this PolicyStatement statement, Func<string, bool> isKey) =>
        statement.Conditions.Any(c =>
            isKey(c.Key)
            && !c.Operator.Contains("Not", StringComparison.OrdinalIgnoreCase)
            && !c.Operator.EndsWith("IfExists", StringComparison.OrdinalIgnoreCase)
            && !c.Operator.Equals("Null", StringComparison.OrdinalIgnoreCase)
            && c.Values.Count > 0
            && c.Values.All(v => v != "*" && v != "0.0.0.0/0" && v != "::/0"));

    /// <summary>True for an action pattern that matches every action of every service: "*", "*:*".</summary>
    public static bool IsEveryAction(string pattern) =>
        pattern.Contains('*') && pattern.Replace("*", "", StringComparison.Ordinal) is "" or ":";

    /// <summary>
    /// True for an action pattern that matches every action of a service ("s3:*", "*:*", "*"): the part after the
    /// service prefix is nothing but wildcards.
    /// </summary>
    public static bool IsServiceWide(string pattern)
    {
        var colon = pattern.IndexOf(':', StringComparison.Ordinal);
        var actionPart = colon < 0 ? pattern : pattern[(colon + 1)..];
        return actionPart.Contains('*') && actionPart.All(c => c is '*' or '?');
    }

    /// <summary>
    /// True when the statement's Resource (or NotResource) covers every resource of the partition: probed with two
    /// made-up ARNs of unrelated shapes that only a wildcard can match ("*", "arn:aws:*", a NotResource list).
    /// </summary>
    public static bool MatchesEveryResource(this PolicyStatement statement, string partition) =>
        statement.MatchesResource($"arn:{partition}:zzprobe:zz-probe-1:000000000000:zzprobe/zz-probe-resource")
        && statement.MatchesResource($"arn:{partition}:s3:::zz-probe-bucket-0/zz-probe-object");
    /// <summary>A Deny to everyone: Principal "*" or {"AWS": "*"}, and no NotPrincipal that would exempt someone.</summary>
    public static bool IsDenyToEveryone(this PolicyStatement statement) =>
        statement.IsDeny && statement.Principal?.IsPublic == true && statement.NotPrincipal is null;

    /// True when the statement has conditions and every one tests aws:SecureTransport for false (Bool or BoolIfExists):
    /// it applies to exactly the requests not sent over TLS. Any other condition would narrow it to some of them.
    public static bool AppliesExactlyWithoutSecureTransport(this PolicyStatement statement) =>
        statement.Conditions.Count > 0
        && statement.Conditions.All(c =>
            string.Equals(c.Key, "aws:SecureTransport", StringComparison.OrdinalIgnoreCase)
            && (string.Equals(c.Operator, "Bool", StringComparison.OrdinalIgnoreCase) || string.Equals(c.Operator, "BoolIfExists", StringComparison.OrdinalIgnoreCase))
            && c.Values.Any(v => string.Equals(v, "false", StringComparison.OrdinalIgnoreCase)));

    /// <summary>How a message names a statement: its Sid, or "#n" (1-based) when it has none.</summary>
    public static string Label(this PolicyDocument policy, PolicyStatement statement) =>
        statement.Sid is { Length: > 0 } sid ? sid : $"#{policy.Statements.ToList().IndexOf(statement) + 1}";

    /// <summary>An Allow to a public principal that no condition restricts: anyone on the internet.</summary>
    public static bool IsPublicAllow(this PolicyStatement statement) =>
        statement.IsAllow && statement.HasPublicPrincipal() && !statement.IsRestrictedByCondition();

    /// <summary>IAM wildcard match: '*' any run, '?' one character, case-insensitive.</summary>
    public static bool WildcardMatch(string pattern, string value)
    {
        if (pattern == "*")
        {
            return true;
        }

        if (!pattern.Contains('*') && !pattern.Contains('?'))
        {
            return string.Equals(pattern, value, StringComparison.OrdinalIgnoreCase);
        }

        // ASCII text (every ARN, action and rule id in practice) is matched directly: building a regex per call cost
        // tens of microseconds, and each bucket's own ARN pattern defeated the regex cache. Other text keeps the
        // regex, whose case folding and "no match across a newline" this fast path need not reproduce.
        if (Ascii.IsValid(pattern) && Ascii.IsValid(value) && !pattern.Contains('\n') && !value.Contains('\n'))
        {
            return AsciiWildcardMatch(pattern, value);
        }

        var regex = "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$";
        return Regex.IsMatch(value, regex, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    /// <summary>Glob matching with backtracking to the last '*', ASCII case-insensitive.</summary>
    private static bool AsciiWildcardMatch(string pattern, string value)
    {
        int p = 0, v = 0, star = -1, resume = 0;
        while (v < value.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || SameIgnoringCase(pattern[p], value[v])))
            {
                p++;
                v++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = v;
            }
            else if (star >= 0)
            {
                p = star + 1;
                v = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    private static bool SameIgnoringCase(char a, char b) =>
        a == b || ((a | 0x20) == (b | 0x20) && (uint)((a | 0x20) - 'a') <= 'z' - 'a');
}
