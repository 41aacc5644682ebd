using Amazon.CDK;
using Compliance.Checker.Engine;
using Compliance.Checker.Remediation.Suppressions;
using Compliance.Checker.Reporting;
using Compliance.Checker.Templates;
using Compliance.Infra.Baseline;
using Compliance.Infra.Checker;
using Compliance.Rules;

namespace Compliance.Infra.Tests;

/// <summary>
/// The guard agrees with what it guards: the CDK app's stacks, synthesized as `cdk synth` writes them, pass the checker's
/// own template scan with the built-in rules and no FAIL. ERROR (what a template cannot decide) and NOT_APPLICABLE
/// (live-only rules, account-wide settings the app does not declare) are allowed.
/// </summary>
public sealed class GuardAgreesTests
{
    [Fact]
    public async Task The_synthesized_app_has_no_failing_finding_in_a_template_scan()
    {
        var outdir = Directory.CreateTempSubdirectory("guard-agrees");
        try
        {
            var app = new App(new AppProps { Outdir = outdir.FullName });
            var settings = DeploymentSettings.FromContext(app);
            var layout = RepositoryLayout.Find();
            var env = new Amazon.CDK.Environment { Account = "123456789012", Region = "eu-west-1" };
            _ = new CheckerStack(app, $"compliance-checker-{settings.EnvironmentName}", new StackProps { Env = env },
                new CheckerStackProps { Settings = settings, FunctionCode = layout.RequireFunctionCode(), Handler = layout.Handler() });
            _ = new BaselineStack(app, $"compliance-baseline-{settings.EnvironmentName}", new StackProps { Env = env },
                new BaselineStackProps { Settings = settings });
            app.Synth();

            var template = TemplateSource.Load(outdir.FullName, new TemplateOptions());
            // The app's own accepted risks, each with its reason and expiry; nothing else may FAIL.
            var acceptedRisks = await SuppressionFile.ReadAsync(Path.Combine(layout.Root, "src", "Infra", "accepted-risks.yaml"), CancellationToken.None);
            var report = new Scanner().Scan(template.Inventory, RuleRegistry.BuiltIn().Rules, new ScanSource("template", outdir.FullName),
                SourceKind.Template, suppressions: acceptedRisks, locations: template.Locations);

            var failing = report.Findings.Where(f => f.Status == ComplianceStatus.Fail)
                .Select(f => $"{f.RuleId} {f.Location?.LogicalId ?? f.Resource.Id}: {f.Message}")
                .ToList();
            Assert.True(failing.Count == 0, $"{failing.Count} FAIL findings on the synthesized app:\n{string.Join("\n", failing)}");
        }
        finally
        {
            outdir.Delete(recursive: true);
        }
    }
}
