using Compliance.Checker.Engine;
using Compliance.Rules;

namespace Compliance.Checker.Reporting.Formats;

/// <summary>The order findings are listed in: most severe first, failures before errors, then by rule and resource.</summary>
public static class FindingOrder
{
    public static IEnumerable<Finding> Sort(IEnumerable<Finding> findings) =>
        findings
            .OrderByDescending(f => f.Severity)
            .ThenBy(f => StatusRank(f.Status))
            .ThenBy(f => f.RuleId, RuleIdComparer.Instance)
            .ThenBy(f => f.Resource.Region, StringComparer.Ordinal)
            .ThenBy(f => f.Resource.Id, StringComparer.Ordinal);

    private static int StatusRank(ComplianceStatus status) => status switch
    {
        ComplianceStatus.Fail => 0,
        ComplianceStatus.Error => 1,
        ComplianceStatus.Exempt => 2,
        ComplianceStatus.Pass => 3,
        _ => 4,
    };
}
