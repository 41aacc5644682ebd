using Compliance.Checker.Cli;
using Compliance.Checker.Engine;
using Compliance.Checker.Live;
using Compliance.Checker.Live.Collection;
using Compliance.Checker.Reporting;
using Compliance.Rules;

namespace Compliance.IntegrationTests;

/// <summary>
/// With the endpoint gone (a closed loopback port) nothing can be read: no rule may report PASS, the report must say it
/// is incomplete, and the CLI must exit 3. In the integration collection so that its console redirection runs alone.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class UnreachableEndpointTests
{
    [IntegrationFact]
    public async Task A_live_scan_of_a_stopped_endpoint_passes_nothing_and_is_incomplete()
    {
        using var session = ItEndpoint.Session(ItEndpoint.Unreachable);
        var collected = await new LiveSource(session, CollectorCatalog.All).CollectAsync(CollectionScope.Everything, progress: null, CancellationToken.None);
        var report = new Scanner().Scan(collected.Inventory, RuleRegistry.BuiltIn().Rules, new ScanSource("live", ItEndpoint.Unreachable), SourceKind.Live, collection: collected.Stats);

        Assert.True(report.Incomplete);
        Assert.Contains(report.CollectionErrors, e => e is { Operation: "GetCallerIdentity", ErrorCode: "EndpointUnreachable" });
        Assert.DoesNotContain(report.Findings, f => f.Status == ComplianceStatus.Pass);
        Assert.True(report.Score is null or 0.0, $"score {report.Score}");

        // Every rule says something, and what it says is "unknown" (or "does not apply"): nothing was seen to fail either.
        Assert.Equal(RuleRegistry.BuiltIn().Rules.Select(r => r.Descriptor.Id).Order(), report.Findings.Select(f => f.RuleId).Distinct().Order());
        Assert.All(report.Findings, f => Assert.Contains(f.Status, new[] { ComplianceStatus.Error, ComplianceStatus.NotApplicable }));
    }

    [IntegrationFact]
    public async Task The_cli_exits_3_with_collection_errors_and_no_pass_when_the_endpoint_is_stopped()
    {
        var run = await SeededAccount.CliAsync(ItEndpoint.Unreachable);

        Assert.True(run.ExitCode == ExitCodes.Incomplete, $"exit {run.ExitCode}; stderr: {run.StandardError}");
        Assert.NotEmpty(run.Report["collectionErrors"]!.AsArray());
        Assert.DoesNotContain(run.Report["findings"]!.AsArray(), f => (string?)f!["status"] == "PASS");

        // Even with the lowest threshold it is 3, not 1: an unreachable account has no definite violation to report.
        var strict = await SeededAccount.CliAsync(ItEndpoint.Unreachable, "--fail-on", "LOW");
        Assert.Equal(ExitCodes.Incomplete, strict.ExitCode);
    }
}
