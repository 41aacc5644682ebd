using Compliance.Rules;
using Compliance.Rules.Policies;

namespace Compliance.Checker.Remediation.Suppressions;

/// <summary>
/// An accepted risk: findings of the rules matching <see cref="RuleId"/> on the resources matching
/// <see cref="ResourcePattern"/> are EXEMPT (not FAIL or ERROR) until the end of <see cref="Expires"/> (UTC).
/// Patterns use '*' (any run) and '?' (one character), case-insensitively.
/// </summary>
/// <param name="RuleId">A rule id ("EC2.SecurityGroup.2") or pattern ("S3.*").</param>
/// <param name="ResourcePattern">Matched against the resource id and its ARN ("sg-0abc...", "arn:aws:s3:::logs-*", "*").</param>
/// <param name="Reason">Why the risk is accepted; shown in the report.</param>
/// <param name="Expires">The last day it applies; from the next day on the finding counts again.</param>
public sealed record Suppression(string RuleId, string ResourcePattern, string Reason, DateOnly Expires)
{
    /// <summary>True when the suppression names the finding's rule and resource (whatever the date).</summary>
    public bool Matches(Finding finding) =>
        PolicyAnalysis.WildcardMatch(RuleId, finding.RuleId)
        && (PolicyAnalysis.WildcardMatch(ResourcePattern, finding.Resource.Id)
            || (finding.Resource.Arn is { } arn && PolicyAnalysis.WildcardMatch(ResourcePattern, arn)));

    /// <summary>True on or before <see cref="Expires"/>, judged on the UTC date of <paramref name="now"/>.</summary>
    public bool IsActive(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime) <= Expires;
}
