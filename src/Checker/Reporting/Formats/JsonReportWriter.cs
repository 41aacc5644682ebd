using System.Text;
using System.Text.Json;
using Compliance.Checker.Json;

namespace Compliance.Checker.Reporting.Formats;

/// <summary>
/// The full report as JSON (docs/report-format.md). Streamed to the output in chunks: a 100,000-resource report is about
/// 190 MB of JSON, and serializing it to one string first held that string, twice its size in UTF-16, and the serializer's
/// growing buffer at once (peak working set 1.1 GB; streamed, the report adds next to nothing to the scan's peak).
/// </summary>
public sealed class JsonReportWriter : IReportWriter
{
    public string Format => "json";

    public async Task WriteAsync(ScanReport report, TextWriter output, CancellationToken cancellationToken)
    {
        await using (var stream = new TextWriterStream(output))
        {
            await JsonSerializer.SerializeAsync(stream, report, ComplianceJson.TypeInfo<ScanReport>(), cancellationToken);
        }

        await output.WriteLineAsync();
    }

    /// <summary>A write-only stream that decodes the serializer's UTF-8 into the text writer as it comes.</summary>
    private sealed class TextWriterStream(TextWriter output) : Stream
    {
        private readonly Decoder _decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
        private char[] _chars = [];

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            var count = Decode(buffer); // first: it may replace the buffer
            output.Write(_chars, 0, count);
        }

        /// <summary>The decoded characters are handed over without a copy: the serializer awaits each write before the next reuses the buffer.</summary>
        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var count = Decode(buffer.Span); // first: it may replace the buffer
            await output.WriteAsync(_chars.AsMemory(0, count), cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() => output.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => output.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        /// <summary>Decodes <paramref name="bytes"/> into the character buffer and returns how many characters it holds; a sequence split across two writes is completed by the next.</summary>
        private int Decode(ReadOnlySpan<byte> bytes)
        {
            var needed = _decoder.GetCharCount(bytes, flush: false);
            if (_chars.Length < needed)
            {
                _chars = new char[Math.Max(needed, 16 * 1024)];
            }

            return _decoder.GetChars(bytes, _chars, flush: false);
        }
    }
}
