using Compliance.Checker.Engine;
using Compliance.Checker.Function.Sinks;
using Compliance.Checker.Live;
using Compliance.Checker.Live.Collection;
using Compliance.Checker.Remediation;
using Compliance.Checker.Reporting;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Function;

/// <summary>Decides and applies remediation for one scan (the engine behind COMPLIANCE_REMEDIATION).</summary>
public interface IRemediationRunner
{
    Task<RemediationRun> RunAsync(ScanReport report, AwsInventory inventory, RemediationMode mode, AwsSession session, CancellationToken cancellationToken);
}

/// <summary>Everything the function is composed of; the parameterless constructor builds it from the environment, tests build their own.</summary>
public sealed record FunctionDependencies
{
    public required FunctionConfiguration Configuration { get; init; }

    /// <summary>Opens the AWS session of one invocation (tests route it to an HTTP fake).</summary>
    public required Func<LiveOptions, AwsSession> Sessions { get; init; }

    /// <summary>The sinks of one invocation, in delivery order (the S3 report first, so the summary can link it).</summary>
    public required Func<AwsSession, IReadOnlyList<IReportSink>> Sinks { get; init; }

    public required IRemediationRunner Remediation { get; init; }

    public RuleRegistry Rules { get; init; } = RuleRegistry.BuiltIn();
    public IReadOnlyList<ICollector> Collectors { get; init; } = CollectorCatalog.All;
    public TextWriter Log { get; init; } = Console.Out;
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
