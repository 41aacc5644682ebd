using Compliance.Checker.Cli;
using Compliance.IntegrationTests.Seeding;
using Compliance.Rules;
using Xunit.Abstractions;

namespace Compliance.IntegrationTests;

/// <summary>What the seeded scans say as a whole: exit codes, and on moto exactly which calls the emulator cannot answer.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class ScanOutcomeTests(SeededAccount account, ITestOutputHelper output)
{
    [IntegrationFact]
    public void A_cli_scan_with_planted_critical_failures_exits_1_with_fail_on_critical()
    {
        var run = account.Cli[1];

        Assert.True(run.ExitCode == ExitCodes.FindingsAtOrAboveThreshold, $"exit {run.ExitCode}; stderr: {run.StandardError}");
    }

    [IntegrationFact]
    public void A_cli_scan_without_a_threshold_exits_3_exactly_when_something_could_not_be_collected()
    {
        var run = account.Cli[2];
        var incomplete = run.Report["collectionErrors"]!.AsArray().Count > 0;

        Assert.Equal(incomplete ? ExitCodes.Incomplete : ExitCodes.Ok, run.ExitCode);
        Assert.True(!account.IsMoto || incomplete, "moto cannot answer every call, so the scan must say it is incomplete");
    }

    /// <summary>
    /// Exactly the calls moto 4.2 cannot answer, each leaving a value unknown rather than wrong: GetEbsDefaultKmsKeyId
    /// (not implemented, HTTP 500) only names the default key, which EC2.Account.2 does not judge; GetAdministratorAccount
    /// (no route, HTTP 404) leaves each detector's administrator unknown; and DescribeSecurityGroupRules mangles the two
    /// planted groups (IPv6 peer dropped, second CIDR dropped), so their inbound rules are unknown; and DescribeKey calls
    /// the AWS managed key aws/dynamodb customer managed, so its manager is unknown.
    /// </summary>
    [MotoFact]
    public void On_moto_the_collection_errors_are_exactly_the_emulator_gaps()
    {
        foreach (var (phase, report) in account.Reports)
        {
            var expected = ItEndpoint.Regions.SelectMany(region => new[]
            {
                ("ec2", "GetEbsDefaultKmsKeyId", "Http500", region, account.Planted.AccountId),
                ("guardduty", "GetAdministratorAccount", "Http404", region, account.Planted.Id(region, region == ItEndpoint.Home ? "it-pass-detector" : "it-fail-detector")),
                ("ec2", "DescribeSecurityGroupRules", "InvalidRule", region, account.Planted.Id(region, "it-fail-sg-rdp6")),
                ("ec2", "DescribeSecurityGroupRules", "InconsistentRules", region, account.Planted.Id(region, "it-fail-sg-ssh-two-cidrs")),
                ("kms", "DescribeKey", "InconsistentKeyManager", region, account.Planted.Id(region, ServicesSeeder.AwsManagedDynamoDbKey)),
            }).Order().ToList();
            var actual = report.CollectionErrors.Select(e => (e.Service, e.Operation, e.ErrorCode, e.Region, e.ResourceId ?? "")).Order().ToList();

            Assert.True(expected.SequenceEqual(actual), $"phase {phase} collection errors:\n" + string.Join("\n", report.CollectionErrors.Select(e => $"{e.Service}:{e.Operation} {e.Region} {e.ResourceId}: {e.ErrorCode} {e.Message}")));
        }
    }

    /// <summary>
    /// With a central monitoring account to check, an enabled detector whose administrator cannot be read is unknown:
    /// on moto GetAdministratorAccount is not implemented, so the verdict is ERROR; on AWS the test account is standalone,
    /// so it is FAIL. Never PASS. The suspended detector fails on its status alone, which moto does report.
    /// </summary>
    [IntegrationFact]
    public void An_unreadable_guardduty_administrator_is_unknown_when_centralization_is_checked()
    {
        var central = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            [RuleIds.GuardDutyDetector1] = new Dictionary<string, string> { ["centralMonitoringAccount"] = "999999999999" },
        };
        var findings = account.Rescan(central).Findings.Where(f => f.RuleId == RuleIds.GuardDutyDetector1).ToList();

        var enabled = Assert.Single(findings, f => f.Resource.Id == account.Planted.Id(ItEndpoint.Home, "it-pass-detector"));
        Assert.Equal(account.IsMoto ? ComplianceStatus.Error : ComplianceStatus.Fail, enabled.Status);
        var suspended = Assert.Single(findings, f => f.Resource.Id == account.Planted.Id(ItEndpoint.Other, "it-fail-detector"));
        Assert.Equal(ComplianceStatus.Fail, suspended.Status);
    }

    [IntegrationFact]
    public void The_suite_reports_how_long_each_stage_took()
    {
        Assert.NotEmpty(account.Timings);
        output.WriteLine((account.IsMoto ? "moto" : "endpoint") + " timings: " + string.Join("; ", account.Timings));
    }
}
