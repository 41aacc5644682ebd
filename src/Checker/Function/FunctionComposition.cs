using Compliance.Checker.Function.Sinks;
using Compliance.Checker.Live;
using Compliance.Checker.Remediation;
using Compliance.Checker.Reporting;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Function;

/// <summary>Builds the function's dependencies from the environment (the Lambda configuration).</summary>
public static class FunctionComposition
{
    public static FunctionDependencies FromEnvironment() => From(FunctionConfiguration.FromEnvironment(Environment.GetEnvironmentVariable));

    public static FunctionDependencies From(FunctionConfiguration configuration) => new()
    {
        Configuration = configuration,
        Sessions = options => new AwsSession(options, CredentialResolver.Resolve(null)),
        Sinks = session => Sinks(configuration, session),
        Remediation = new EngineRemediation(configuration),
    };

    /// <summary>The S3 report (when a bucket is configured) and then the SNS summary (when a topic is), in that order.</summary>
    public static IReadOnlyList<IReportSink> Sinks(FunctionConfiguration configuration, AwsSession session)
    {
        var sinks = new List<IReportSink>();
        if (configuration.ReportBucket is { } bucket)
        {
            var region = configuration.Region ?? Amazon.Runtime.FallbackRegionFactory.GetRegionEndpoint()?.SystemName ?? session.Options.Regions.FirstOrDefault() ?? "us-east-1";
            sinks.Add(new S3ReportSink(session, region, bucket, configuration.ReportKmsKey));
        }

        if (configuration.SnsTopicArn is { } topic)
        {
            sinks.Add(new SnsSummarySink(session, topic, configuration.NotifyMinSeverity));
        }

        return sinks;
    }

    /// <summary>The built-in remediations, configured with the deployment's keys and destination, in the configured limits.</summary>
    private sealed class EngineRemediation(FunctionConfiguration configuration) : IRemediationRunner
    {
        private readonly RemediationEngine _engine = RemediationEngine.BuiltIn(configuration.RemediationSettings);

        public Task<RemediationRun> RunAsync(ScanReport report, AwsInventory inventory, RemediationMode mode, AwsSession session, CancellationToken cancellationToken) =>
            _engine.RunAsync(report.Findings, inventory, RemediationOptions.From(configuration) with { Mode = mode }, new AwsRemediationGateway(session), cancellationToken);
    }
}
