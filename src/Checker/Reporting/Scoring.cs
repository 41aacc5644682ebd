using Compliance.Rules;

namespace Compliance.Checker.Reporting;

/// <summary>The score and status roll-ups of ARCHITECTURE.md.</summary>
public static class Scoring
{
    /// <summary>100 × Σw·PASS / Σw·(PASS+FAIL+ERROR), rounded to one decimal; null when there is nothing to score.</summary>
    public static double? Score(IEnumerable<Finding> findings)
    {
        long passed = 0, scored = 0;
        foreach (var f in findings)
        {
            var weight = f.Severity.Weight();
            switch (f.Status)
            {
                case ComplianceStatus.Pass:
                    passed += weight;
                    scored += weight;
                    break;
                case ComplianceStatus.Fail or ComplianceStatus.Error:
                    scored += weight;
                    break;
            }
        }

        return scored == 0 ? null : Math.Round(100.0 * passed / scored, 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>The combined status of several findings: any FAIL, else any ERROR, else any PASS, else EXEMPT, else NOT_APPLICABLE.</summary>
    public static ComplianceStatus Worst(IEnumerable<ComplianceStatus> statuses)
    {
        var set = statuses.ToHashSet();
        foreach (var status in new[] { ComplianceStatus.Fail, ComplianceStatus.Error, ComplianceStatus.Pass, ComplianceStatus.Exempt })
        {
            if (set.Contains(status))
            {
                return status;
            }
        }

        return ComplianceStatus.NotApplicable;
    }

    /// <summary>Counts per status wire name, every status present (zero when none).</summary>
    public static IReadOnlyDictionary<string, int> CountByStatus(IEnumerable<Finding> findings)
    {
        var counts = Enum.GetValues<ComplianceStatus>().ToDictionary(s => s.ToWireName(), _ => 0);
        foreach (var f in findings)
        {
            counts[f.Status.ToWireName()]++;
        }

        return counts;
    }
}
