using System.CommandLine;
using Compliance.Checker.Engine;
using Compliance.Checker.Live.Collection;
using Compliance.Checker.Remediation.Suppressions;
using Compliance.Checker.Reporting;
using Compliance.Checker.Reporting.Formats;
using Compliance.Checker.Snapshots;
using Compliance.Rules;

namespace Compliance.Checker.Cli;

/// <summary>`compliance scan`: judge an inventory and render the report.</summary>
internal static class ScanCommand
{
    public static Command Create()
    {
        var snapshot = new Option<string?>("--snapshot") { Description = "Judge a snapshot file written by `compliance collect` (docs/snapshot-format.md) instead of the live account." };
        var template = new TemplateCommandOptions();
        var live = new LiveCommandOptions();
        var securityGroups = new Option<string[]>("--security-group") { Description = "Live only: a targeted scan of these security groups (ids), collecting nothing else; runs the rules that read security groups." };
        var stats = new Option<bool>("--stats") { Description = "Print collection time per service and region, API calls, load and evaluation time, and peak memory to standard error." };
        var rules = new Option<string[]>("--rules") { Description = "Only these rule ids or patterns (S3.*); comma-separated or repeated." };
        var exclude = new Option<string[]>("--exclude") { Description = "Skip these rule ids or patterns." };
        var minSeverity = new Option<string>("--min-severity") { Description = "Only rules at or above LOW, MEDIUM, HIGH or CRITICAL.", DefaultValueFactory = _ => "LOW" };
        var format = new Option<string>("--format") { Description = "table, json, csv, sarif or ocsf.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong([.. ReportWriters.Names]);
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of standard output." };
        var failOn = new Option<string?>("--fail-on") { Description = "Exit 1 when a FAIL or ERROR finding at or above this severity exists." };
        var all = new Option<bool>("--all") { Description = "Table format: list PASS and NOT_APPLICABLE findings too." };
        var noColour = new Option<bool>("--no-color") { Description = "Table format: no ANSI colours (also when NO_COLOR is set or output is redirected)." };
        var rulesPath = CommonOptions.RulesPath();
        var suppressionsFile = new Option<string?>("--suppressions") { Description = "Accepted risks (docs/suppressions.md): matching FAIL and ERROR findings become EXEMPT until their expiry." };

        var command = new Command("scan", "Judge the live account, a snapshot (--snapshot) or a template (--template) against the rules and report the findings.")
        {
            snapshot, rules, exclude, minSeverity, format, output, failOn, all, noColour, rulesPath, stats, securityGroups, suppressionsFile,
        };
        template.AddTo(command);
        live.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var selection = new RuleSelection
            {
                Include = CommonOptions.List(parse.GetValue(rules)),
                Exclude = CommonOptions.List(parse.GetValue(exclude)),
                MinimumSeverity = ParseSeverity("--min-severity", parse.GetValue(minSeverity)),
            };
            var threshold = parse.GetValue(failOn) is { } f ? ParseSeverity("--fail-on", f) : (Severity?)null;
            var file = parse.GetValue(snapshot);

            var registry = CommonOptions.LoadRegistry(parse.GetValue(rulesPath));
            var suppressions = parse.GetValue(suppressionsFile) is { } suppressionsPath ? await ReadSuppressionsAsync(suppressionsPath, registry, cancellationToken) : [];
            var selected = Select(selection, registry);
            var targets = CommonOptions.List(parse.GetValue(securityGroups));
            if (targets.Count > 0)
            {
                selected = [.. selected.Where(r => r.Descriptor.ResourceType == Rules.Inventory.ResourceTypes.SecurityGroup)];
            }
            var stopwatch = System.Diagnostics.Stopwatch.StartNew();
            TimeSpan? load = null;
            ScanReport report;
            var templatePath = parse.GetValue(template.Path);
            if ((file is not null || templatePath is not null) && targets.Count > 0)
            {
                throw new InputException($"--security-group targets a live scan; it cannot be combined with {(file is not null ? "--snapshot" : "--template")}.");
            }

            if (file is not null && templatePath is not null)
            {
                throw new InputException("--snapshot and --template name two different inventories; give one.");
            }

            var templateOptions = template.Read(parse, templatePath);
            Templates.TemplateInventory? fromTemplate = null;
            if (templatePath is not null)
            {
                fromTemplate = Templates.TemplateSource.Load(templatePath, templateOptions!);
                TemplateCommandOptions.WriteWarnings(fromTemplate, Console.Error);
                report = new Scanner().Scan(fromTemplate.Inventory, selected, new ScanSource("template", templatePath), SourceKind.Template,
                    suppressions: suppressions, locations: fromTemplate.Locations);
            }
            else if (file is not null)
            {
                var loaded = await SnapshotFile.ReadAsync(file, cancellationToken);
                load = stopwatch.Elapsed;
                report = new Scanner().Scan(loaded.Inventory, selected, new ScanSource("snapshot", file), SourceKind.Snapshot, suppressions: suppressions);
            }
            else
            {
                var options = live.Read(parse);
                var scope = targets.Count > 0
                    ? CollectionScope.ForResources(selected, Rules.Inventory.ResourceTypes.SecurityGroup, targets)
                    : CollectionScope.Everything;
                var collected = await LiveCollection.RunAsync(options, scope, cancellationToken);
                report = new Scanner().Scan(collected.Inventory, selected, new ScanSource("live", options.EndpointUrl ?? "aws"), SourceKind.Live, collection: collected.Stats, suppressions: suppressions);
            }

            await WriteAsync(report, parse.GetValue(format)!, parse.GetValue(output), parse.GetValue(all), parse.GetValue(noColour), cancellationToken);
            if (parse.GetValue(stats))
            {
                await StatsWriter.WriteAsync(report, stopwatch.Elapsed, Console.Error, load);
                if (fromTemplate is not null)
                {
                    await TemplateCommandOptions.WriteStatsAsync(fromTemplate, Console.Error);
                }
            }

            return ExitCodes.For(report, threshold);
        });
        return command;
    }

    private static IReadOnlyList<IComplianceRule> Select(RuleSelection selection, RuleRegistry registry)
    {
        try
        {
            return selection.Apply(registry);
        }
        catch (ArgumentException ex)
        {
            throw new InputException(ex.Message);
        }
    }

    /// <summary>The file's suppressions; each rule pattern must match some rule, since a typo would silently exempt nothing.</summary>
    private static async Task<IReadOnlyList<Suppression>> ReadSuppressionsAsync(string path, RuleRegistry registry, CancellationToken cancellationToken)
    {
        try
        {
            var suppressions = await SuppressionFile.ReadAsync(path, cancellationToken);
            if (suppressions.FirstOrDefault(s => !registry.Rules.Any(r => Rules.Policies.PolicyAnalysis.WildcardMatch(s.RuleId, r.Descriptor.Id))) is { } unknown)
            {
                throw new InputException($"{path}: the suppression of '{unknown.RuleId}' ({unknown.ResourcePattern}) matches no rule. See `compliance rules list`.");
            }

            return suppressions;
        }
        catch (SuppressionFileException ex)
        {
            throw new InputException(ex.Message);
        }
    }

    private static Severity ParseSeverity(string option, string? text) =>
        SeverityExtensions.TryParse(text, out var severity)
            ? severity
            : throw new InputException($"{option}: '{text}' is not a severity; expected LOW, MEDIUM, HIGH or CRITICAL.");

    private static async Task WriteAsync(ScanReport report, string format, string? outputPath, bool all, bool noColour, CancellationToken cancellationToken)
    {
        var colour = outputPath is null && !noColour && !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;
        var writer = ReportWriters.For(format, colour);
        if (writer is TableReportWriter)
        {
            writer = new TableReportWriter(colour) { IncludePassing = all };
        }

        await CommonOptions.WriteOutputAsync(outputPath, output => writer.WriteAsync(report, output, cancellationToken));
    }
}
