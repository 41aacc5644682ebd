using System.Text;

namespace Compliance.Checker.Function.Sinks;

/// <summary>
/// Fits lines of text into a byte budget (UTF-8), cutting whole lines from the end and saying so in a last line:
/// "[truncated: N more lines; full report at s3://...]".
/// </summary>
public static class MessageBudget
{
    /// <summary>The text and how many lines were left out.</summary>
    public static (string Text, int OmittedLines) Fit(IReadOnlyList<string> lines, int maxBytes, string? reportLocation)
    {
        var total = lines.Sum(l => Encoding.UTF8.GetByteCount(l) + 1);
        if (total <= maxBytes)
        {
            return (string.Join('\n', lines), 0);
        }

        // Reserve room for the marker with the widest count it could carry.
        var reserve = Encoding.UTF8.GetByteCount(Marker(lines.Count, reportLocation)) + 1;
        var kept = 0;
        var used = 0;
        while (kept < lines.Count && used + Encoding.UTF8.GetByteCount(lines[kept]) + 1 + reserve <= maxBytes)
        {
            used += Encoding.UTF8.GetByteCount(lines[kept]) + 1;
            kept++;
        }

        var omitted = lines.Count - kept;
        return (string.Join('\n', lines.Take(kept).Append(Marker(omitted, reportLocation))), omitted);
    }

    /// <summary>The last line of a cut message.</summary>
    public static string Marker(int omittedLines, string? reportLocation) =>
        $"[truncated: {omittedLines} more lines; {(reportLocation is null ? "the full report was not stored" : $"full report at {reportLocation}")}]";
}
