using BenchmarkDotNet.Attributes;
using Compliance.Benchmarks.Synthetic;
using Compliance.Checker.Snapshots;

namespace Compliance.Benchmarks;

/// <summary>Snapshot files of 100,000 resources: writing one, and reading one back from disk.</summary>
[MemoryDiagnoser]
public class SnapshotBenchmarks
{
    private Snapshot _snapshot = null!;
    private string _path = null!;

    [Params(100_000)]
    public int Resources { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _snapshot = new Snapshot { SchemaVersion = Snapshot.CurrentSchemaVersion, Source = "synthetic", Inventory = SyntheticInventory.Generate(Resources) };
        _path = Path.Combine(Path.GetTempPath(), $"compliance-bench-{Environment.ProcessId}.json");
        using var file = File.Create(_path);
        SnapshotFile.WriteAsync(_snapshot, file).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_path);

    [Benchmark(Description = "Snapshot save")]
    public async Task<long> Save()
    {
        var output = new CountingStream();
        await SnapshotFile.WriteAsync(_snapshot, output);
        return output.Length;
    }

    [Benchmark(Description = "Snapshot load")]
    public async Task<int> Load() => (await SnapshotFile.ReadAsync(_path)).Inventory.SecurityGroups.Count;

    /// <summary>A write-only stream that keeps nothing, so the benchmark measures serialization, not a growing buffer or a disk.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => _length += count;
        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
