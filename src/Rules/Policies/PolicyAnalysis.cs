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
    public static bool IsRestrictedByCondition(this PolicyStatement statement) =>
        statement.Conditions.Any(c =>
            RestrictingConditionKeys.Contains(c.Key)
            && !c.Operator.Contains("Not", StringComparison.OrdinalIgnoreCase)
            && !c.Operator.EndsWith("IfExists", StringComparison.OrdinalIgnoreCase)
            && c.Values.Count > 0
            && c.Values.All(v => v != "*" && v != "0.0.0.0/0" && v != "::/0"));

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
