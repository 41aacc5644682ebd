using System.Text;
using System.Text.Json;
using Compliance.Checker.Function;
using Compliance.Checker.Function.Sinks;
using Compliance.Checker.Json;
using Compliance.Checker.Remediation;
using Compliance.Checker.Reporting;
using Compliance.Checker.Tests.Live;

namespace Compliance.Checker.Tests.Function;

/// <summary>Runs the real handler with its AWS calls answered by a FakeAws.</summary>
internal static class FunctionHarness
{
    public static string SampleEvent(string name) => File.ReadAllText(Path.Combine(Fixtures.RepositoryRoot, "samples", "events", name));

    public static async Task<(FunctionResult Result, string Log)> Invoke(string payload, FakeAws aws, FunctionConfiguration? configuration = null, IReadOnlyList<IReportSink>? sinks = null, IRemediationRunner? remediation = null)
    {
        var log = new StringWriter();
        var function = new ComplianceFunction(new FunctionDependencies
        {
            Configuration = configuration ?? new FunctionConfiguration { Regions = ["eu-west-1"] },
            Sessions = options => aws.Session(options with { AccountId = options.AccountId ?? "123456789012" }),
            Sinks = _ => sinks ?? [],
            Remediation = remediation ?? new RecordingRemediation(),
            Log = log,
        });
        await using var output = await function.HandleAsync(new MemoryStream(Encoding.UTF8.GetBytes(payload)));
        return ((await JsonSerializer.DeserializeAsync(output, ComplianceJson.TypeInfo<FunctionResult>()))!, log.ToString());
    }

    /// <summary>Remediation that plans nothing, and remembers the mode it was asked for.</summary>
    public sealed class RecordingRemediation : IRemediationRunner
    {
        public Task<RemediationRun> RunAsync(ScanReport report, Rules.Inventory.AwsInventory inventory, RemediationMode mode, Compliance.Checker.Live.AwsSession session, CancellationToken cancellationToken) =>
            Task.FromResult(new RemediationRun(mode, []));
    }

    /// <summary>A sink that answers as told and remembers what it was given.</summary>
    public sealed class StubSink(string name, SinkResult answer) : IReportSink
    {
        public string Name => name;
        public string? ReceivedLocation { get; private set; }
        public bool Called { get; private set; }

        public Task<SinkResult> DeliverAsync(ScanReport report, RemediationRun? remediation, string? reportLocation, CancellationToken cancellationToken)
        {
            Called = true;
            ReceivedLocation = reportLocation;
            return Task.FromResult(answer);
        }
    }
}
