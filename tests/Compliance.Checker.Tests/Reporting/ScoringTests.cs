using Compliance.Checker.Reporting;
using Compliance.Rules;

namespace Compliance.Checker.Tests.Reporting;

public sealed class ScoringTests
{
    private static Finding F(Severity severity, ComplianceStatus status) => new()
    {
        RuleId = "X.Y.1",
        Severity = severity,
        Status = status,
        Resource = new ResourceRef("AWS::EC2::VPC", "vpc-1", null, "eu-west-1", "123456789012"),
        Message = "m",
    };

    [Fact]
    public void Score_weights_severities_and_counts_errors_against_it()
    {
        // PASS: critical 10 + low 1 = 11. Scored: 11 + FAIL high 5 + ERROR medium 2 = 18. EXEMPT and N/A are not scored.
        Finding[] findings =
        [
            F(Severity.Critical, ComplianceStatus.Pass), F(Severity.Low, ComplianceStatus.Pass),
            F(Severity.High, ComplianceStatus.Fail), F(Severity.Medium, ComplianceStatus.Error),
            F(Severity.Critical, ComplianceStatus.Exempt), F(Severity.Critical, ComplianceStatus.NotApplicable),
        ];

        Assert.Equal(61.1, Scoring.Score(findings));
    }

    [Fact]
    public void Nothing_scored_is_no_score_rather_than_a_perfect_one() =>
        Assert.Null(Scoring.Score([F(Severity.High, ComplianceStatus.NotApplicable)]));

    [Fact]
    public void Worst_status_prefers_fail_then_error() =>
        Assert.Equal(ComplianceStatus.Error, Scoring.Worst([ComplianceStatus.Pass, ComplianceStatus.Error, ComplianceStatus.NotApplicable]));
}
