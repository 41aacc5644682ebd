using System.CommandLine;
using Compliance.Checker.Engine;
using Compliance.Checker.Reporting;
using Compliance.Checker.Reporting.FrameworkReports;
using Compliance.Checker.Snapshots;

namespace Compliance.Checker.Cli;

/// <summary>`compliance report --framework`: one framework's requirements, the rules mapped to each, and their statuses.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var framework = new Option<string>("--framework")
        {
            Description = "The framework: pci-dss-4.0, cis-aws-3.0 or aws-fsbp.",
            Required = true,
        };
        framework.AcceptOnlyFromAmong([.. FrameworkReport.Supported]);
        var report = new Option<string?>("--report") { Description = "A saved JSON scan report (`compliance scan --format json`, or the function's report in S3)." };
        var snapshot = new Option<string?>("--snapshot") { Description = "Scan this snapshot file with every built-in rule and report on it." };
        var format = new Option<string>("--format") { Description = "table, markdown, json or csv.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong([.. FrameworkReportWriter.Formats]);
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of standard output." };
        var rulesPath = CommonOptions.RulesPath();

        var command = new Command("report", "Show a framework's requirements, the rules mapped to each with the mapping's confidence, and their statuses.")
        {
            framework, report, snapshot, format, output, rulesPath,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var frameworkId = parse.GetValue(framework)!;
            var reportPath = parse.GetValue(report);
            var snapshotPath = parse.GetValue(snapshot);
            if ((reportPath is null) == (snapshotPath is null))
            {
                throw new InputException("Give exactly one of --report FILE or --snapshot FILE.");
            }

            FrameworkReport result;
            if (reportPath is not null)
            {
                result = (await SavedScanReport.ReadAsync(reportPath, cancellationToken)).For(frameworkId);
            }
            else
            {
                var loaded = await SnapshotFile.ReadAsync(snapshotPath!, cancellationToken);
                var registry = CommonOptions.LoadRegistry(parse.GetValue(rulesPath));
                var scan = new Scanner().Scan(loaded.Inventory, registry.Rules, new ScanSource("snapshot", snapshotPath!), SourceKind.Snapshot);
                result = FrameworkReport.From(frameworkId, scan);
            }

            await CommonOptions.WriteOutputAsync(parse.GetValue(output), writer => FrameworkReportWriter.WriteAsync(result, parse.GetValue(format)!, writer, cancellationToken));
            return ExitCodes.Ok;
        });
        return command;
    }
}
