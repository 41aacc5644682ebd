using System.Text.RegularExpressions;
using Compliance.Checker.Cli;
using Compliance.Checker.Engine;
using Compliance.Checker.Live;
using Compliance.Checker.Reporting;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Tests.Cli;

/// <summary>The shape of `--stats` (never its timing values, which depend on the machine).</summary>
[Collection(nameof(ConsoleCollection))]
public sealed partial class StatsWriterTests
{
    [Fact]
    public async Task A_live_scan_prints_totals_memory_collection_per_service_and_region_and_calls_per_operation()
    {
        var collection = new CollectionStats(1234.5,
            [new ServiceTiming("ec2", "eu-west-1", 800, true), new ServiceTiming("s3", "global", 300.2, false)],
            [new ApiCallCount("ec2", "DescribeSecurityGroups", 2, 0), new ApiCallCount("s3", "GetBucketPolicy", 7, 1)]);
        var report = new Scanner().Scan(new AwsInventory { AccountIds = [Fixtures.Account], Regions = ["eu-west-1"], SecurityGroups = [Fixtures.OpenSsh("sg-0a")] },
            RuleRegistry.BuiltIn().Rules, new ScanSource("live", "aws"), SourceKind.Live, collection: collection);
        var output = new StringWriter();

        await StatsWriter.WriteAsync(report, TimeSpan.FromSeconds(2), output);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Collection(lines,
            l => Assert.Matches(Total(), l),
            l => Assert.Matches(Memory(), l),
            l => Assert.Equal("collection 1235 ms · 9 API calls (1 failed)", l),
            l => Assert.Matches(@"^ec2 +eu-west-1 +800 ms$", l),
            l => Assert.Matches(@"^s3 +global +300 ms  \(incomplete\)$", l),
            l => Assert.Matches(@"^ec2:DescribeSecurityGroups +2 calls$", l),
            l => Assert.Matches(@"^s3:GetBucketPolicy +7 calls, 1 failed$", l));
        Assert.DoesNotContain("load", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_snapshot_scan_prints_its_load_time_and_no_collection()
    {
        var (_, output, error) = await CliTests.Run("scan", "--snapshot", Fixtures.Sample("compliant.json"), "--format", "json", "--stats");

        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(2, lines.Length);
        Assert.Matches(Total(), lines[0]);
        Assert.Matches(@" · load \d+ ms · ", lines[0]);
        Assert.Matches(Memory(), lines[1]);
        Assert.StartsWith("{", output.TrimStart(), StringComparison.Ordinal); // the report itself stays on standard output
    }

    [GeneratedRegex(@"^total \d+ ms( · load \d+ ms)? · evaluation \d+ ms · \d+ rules · \d+ findings$")]
    private static partial Regex Total();

    [GeneratedRegex(@"^memory peak working set \d+ MiB · GC heap \d+ MiB · allocated \d+ MiB · collections gen0 \d+, gen1 \d+, gen2 \d+$")]
    private static partial Regex Memory();
}
