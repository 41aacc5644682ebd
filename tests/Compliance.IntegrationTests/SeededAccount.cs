using System.Diagnostics;
using System.Text.Json.Nodes;
using Amazon.SecurityToken.Model;
using Compliance.Checker.Cli;
using Compliance.Checker.Engine;
using Compliance.Checker.Live;
using Compliance.Checker.Live.Collection;
using Compliance.Checker.Reporting;
using Compliance.IntegrationTests.Seeding;

namespace Compliance.IntegrationTests;

/// <summary>The integration suite: one seeded account, scanned in order; console redirection is process-wide too.</summary>
[CollectionDefinition(Name)]
public sealed class IntegrationCollection : ICollectionFixture<SeededAccount>
{
    public const string Name = "Integration";
}

/// <summary>A `compliance scan` run: its exit code and the JSON report it wrote.</summary>
public sealed record CliRun(int ExitCode, JsonNode Report, string StandardError);

/// <summary>
/// Plants compliant and non-compliant resources in both regions through the endpoint, then scans twice: after phase 1
/// and after phase 2 (which turns the account- and region-wide settings around), each time through LiveSource and
/// Scanner and through the CLI entry point. Tests only read the results. On moto the server is reset before seeding and
/// after the suite; on any other endpoint what was created is deleted, and what was changed restored, afterwards.
/// Without COMPLIANCE_IT_ENDPOINT nothing happens (every test is skipped).
/// </summary>
public sealed class SeededAccount : IAsyncLifetime
{
    private AwsSession? _session;

    public bool IsMoto { get; private set; }
    public Planted Planted { get; private set; } = null!;
    public LiveResult PhaseOneInventory { get; private set; } = null!;
    public IReadOnlyDictionary<int, ScanReport> Reports { get; private set; } = new Dictionary<int, ScanReport>();
    public IReadOnlyDictionary<int, CliRun> Cli { get; private set; } = new Dictionary<int, CliRun>();
    public IReadOnlyList<string> Timings { get; private set; } = [];

    public async Task InitializeAsync()
    {
        if (IntegrationFactAttribute.SkipReason() is not null)
        {
            return;
        }

        var url = ItEndpoint.Url;
        var timings = new List<string>();
        var clock = Stopwatch.StartNew();
        void Lap(string what) => timings.Add($"{what}: {clock.Elapsed.TotalSeconds:0.0} s");

        IsMoto = await ItEndpoint.TryResetMotoAsync(url);
        _session = ItEndpoint.Session(url);
        var account = (await _session.Sts(ItEndpoint.Home).GetCallerIdentityAsync(new GetCallerIdentityRequest())).Account;
        Planted = new Planted(account);
        try
        {
            await Task.WhenAll(ItEndpoint.Regions.Select(SeedRegionAsync));
            await AccountSeeder.PhaseOneAsync(_session, Planted);
            await AuditSeeder.PhaseOneAsync(_session, Planted);
            Lap("seeded");

            PhaseOneInventory = await CollectAsync(url);
            var one = Scan(PhaseOneInventory, url);
            Lap("phase 1 scanned (slowest: " + string.Join(", ", PhaseOneInventory.Stats.Timings.OrderByDescending(t => t.DurationMs).Take(3)
                .Select(t => $"{t.Service} {t.Region} {t.DurationMs / 1000:0.0} s")) + ")");
            var cliOne = await CliAsync(url, "--fail-on", "CRITICAL");
            Lap("phase 1 scanned by the CLI");

            await AccountSeeder.PhaseTwoAsync(_session, Planted);
            await AuditSeeder.PhaseTwoAsync(_session, Planted);
            var two = Scan(await CollectAsync(url), url);
            Lap("phase 2 scanned");
            var cliTwo = await CliAsync(url);
            Lap("phase 2 scanned by the CLI");

            Reports = new Dictionary<int, ScanReport> { [1] = one, [2] = two };
            Cli = new Dictionary<int, CliRun> { [1] = cliOne, [2] = cliTwo };
            Timings = timings;
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (_session is null)
        {
            return;
        }

        if (IsMoto)
        {
            await ItEndpoint.TryResetMotoAsync(ItEndpoint.Url);
        }
        else
        {
            var leftovers = await Planted.CleanUpAsync();
            foreach (var leftover in leftovers)
            {
                Console.Error.WriteLine($"integration cleanup: could not undo {leftover}");
            }
        }

        _session.Dispose();
        _session = null;
    }

    /// <summary>Re-judges the phase 1 inventory with rule parameters (no new collection).</summary>
    public ScanReport Rescan(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> parameters) =>
        new Scanner().Scan(PhaseOneInventory.Inventory, RuleRegistry.BuiltIn().Rules, new ScanSource("live", ItEndpoint.Url ?? "aws"), SourceKind.Live, parameters, PhaseOneInventory.Stats);

    /// <summary>Runs the real entry point (`compliance scan ... --format json -o FILE`) and reads the file back.</summary>
    public static async Task<CliRun> CliAsync(string? endpoint, params string[] extra)
    {
        var file = Path.Combine(Path.GetTempPath(), $"compliance-it-{Guid.NewGuid():N}.json");
        var (stdout, stderr) = (Console.Out, Console.Error);
        var (output, error) = (new StringWriter(), new StringWriter());
        Console.SetOut(output);
        Console.SetError(error);
        int exit;
        try
        {
            string[] where = endpoint is null ? [] : ["--endpoint-url", endpoint];
            exit = await Program.Main(["scan", .. where, "--regions", string.Join(",", ItEndpoint.Regions), "--format", "json", "-o", file, .. extra]);
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }

        try
        {
            var report = File.Exists(file) ? JsonNode.Parse(await File.ReadAllTextAsync(file))! : new JsonObject();
            return new CliRun(exit, report, error.ToString());
        }
        finally
        {
            File.Delete(file);
        }
    }

    private async Task SeedRegionAsync(string region)
    {
        await KmsSeeder.SeedAsync(_session!, Planted, region);
        await ServicesSeeder.SeedAsync(_session!, Planted, region);
        await S3Seeder.SeedAsync(_session!, Planted, region);
        await Ec2NetworkSeeder.SeedAsync(_session!, Planted, region);
        await SecurityGroupSeeder.SeedAsync(_session!, Planted, region);
        await Ec2ComputeSeeder.SeedAsync(_session!, Planted, region);
    }

    private static async Task<LiveResult> CollectAsync(string? endpoint)
    {
        using var session = ItEndpoint.Session(endpoint);
        return await new LiveSource(session, CollectorCatalog.All).CollectAsync(CollectionScope.Everything, progress: null, CancellationToken.None);
    }

    private static ScanReport Scan(LiveResult collected, string? endpoint) =>
        new Scanner().Scan(collected.Inventory, RuleRegistry.BuiltIn().Rules, new ScanSource("live", endpoint ?? "aws"), SourceKind.Live, collection: collected.Stats);
}
