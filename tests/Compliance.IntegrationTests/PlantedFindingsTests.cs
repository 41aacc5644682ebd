using Compliance.Rules;

namespace Compliance.IntegrationTests;

/// <summary>
/// Every planted resource gets exactly one finding per rule, with exactly the expected status: "it-fail-*" FAIL, its
/// "it-pass-*" twin PASS (or ERROR where the endpoint cannot represent the setting), per rule and per region, from
/// LiveSource + Scanner and from the `compliance scan` entry point alike.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class PlantedFindingsTests(SeededAccount account)
{
    [IntegrationTheory]
    [MemberData(nameof(Expectations.PhaseOne), MemberType = typeof(Expectations))]
    public void Phase_one_scan_reports_the_planted_status(string rule, string region, string name) => AssertScan(1, rule, region, name);

    [IntegrationTheory]
    [MemberData(nameof(Expectations.PhaseTwo), MemberType = typeof(Expectations))]
    public void Phase_two_scan_reports_the_turned_around_status(string rule, string region, string name) => AssertScan(2, rule, region, name);

    [IntegrationTheory]
    [MemberData(nameof(Expectations.PhaseOne), MemberType = typeof(Expectations))]
    public void Phase_one_cli_report_has_the_planted_status(string rule, string region, string name) => AssertCli(1, rule, region, name);

    [IntegrationTheory]
    [MemberData(nameof(Expectations.PhaseTwo), MemberType = typeof(Expectations))]
    public void Phase_two_cli_report_has_the_turned_around_status(string rule, string region, string name) => AssertCli(2, rule, region, name);

    private void AssertScan(int phase, string rule, string region, string name)
    {
        var (id, expected) = Expect(phase, rule, region, name);
        var findings = account.Reports[phase].Findings.Where(f => f.RuleId == rule && f.Resource.Region == region && f.Resource.Id == id).ToList();
        var finding = Assert.Single(findings);
        Assert.True(finding.Status == expected,
            $"{rule} on {name} ({id}) in {region}: expected {expected.ToWireName()}, got {finding.Status.ToWireName()}: {finding.Message}");
    }

    private void AssertCli(int phase, string rule, string region, string name)
    {
        var (id, expected) = Expect(phase, rule, region, name);
        var findings = account.Cli[phase].Report["findings"]!.AsArray()
            .Where(f => (string?)f!["ruleId"] == rule && (string?)f["resource"]!["region"] == region && (string?)f["resource"]!["id"] == id)
            .Select(f => f!)
            .ToList();
        var finding = Assert.Single(findings);
        Assert.True((string?)finding["status"] == expected.ToWireName(),
            $"{rule} on {name} ({id}) in {region}: expected {expected.ToWireName()}, got {finding["status"]}: {finding["message"]}");
    }

    private (string Id, ComplianceStatus Expected) Expect(int phase, string rule, string region, string name) =>
        (account.Planted.Id(region, name), Expectations.Find(phase, rule, region, name).Expected(account.IsMoto));
}
