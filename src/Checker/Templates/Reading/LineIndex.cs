using System.Text;
using Compliance.Checker.Templates.Model;

namespace Compliance.Checker.Templates.Reading;

/// <summary>
/// Maps byte offsets of UTF-8 text to 1-based lines and columns. Lines end at "\n" (so "\r\n" too, as
/// System.Text.Json counts them); a column counts the UTF-16 code units before the offset on its line, so a
/// multibyte character before a key moves the key by one column, not by its byte length.
/// </summary>
internal sealed class LineIndex
{
    private readonly ReadOnlyMemory<byte> _text;
    private readonly List<int> _lineStarts = [0];

    public LineIndex(ReadOnlyMemory<byte> text)
    {
        _text = text;
        var span = text.Span;
        for (var i = 0; i < span.Length; i++)
        {
            if (span[i] == (byte)'\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    /// <summary>The position of a byte offset.</summary>
    public SourcePosition At(long offset)
    {
        var clamped = (int)Math.Clamp(offset, 0, _text.Length);
        var line = _lineStarts.BinarySearch(clamped);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return new SourcePosition(line + 1, Chars(_lineStarts[line], clamped) + 1);
    }

    /// <summary>The position of a byte offset inside a 1-based line, as System.Text.Json reports errors.</summary>
    public SourcePosition At(int line, long bytePositionInLine)
    {
        var index = Math.Clamp(line - 1, 0, _lineStarts.Count - 1);
        return At(_lineStarts[index] + bytePositionInLine);
    }

    private int Chars(int from, int to)
    {
        // An offset inside a multibyte sequence (only possible for error offsets) counts the partial character once.
        return Encoding.UTF8.GetCharCount(_text.Span[from..to]);
    }
}
