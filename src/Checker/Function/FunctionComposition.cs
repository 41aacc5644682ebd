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
        Sinks = _ => [],
        Remediation = new NoRemediation(),
    };

    /// <summary>Remediation before the engine is wired: records nothing, in the configured mode.</summary>
    private sealed class NoRemediation : IRemediationRunner
    {
        public Task<RemediationRun> RunAsync(ScanReport report, AwsInventory inventory, RemediationMode mode, AwsSession session, CancellationToken cancellationToken) =>
            Task.FromResult(new RemediationRun(mode, []));
    }
}
