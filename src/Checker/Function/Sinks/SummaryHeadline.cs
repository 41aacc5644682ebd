using System.Globalization;
using System.Text;
using Compliance.Checker.Live.Clients.SimpleNotificationService;
using Compliance.Checker.Reporting;
using Compliance.Rules;

namespace Compliance.Checker.Function.Sinks;

/// <summary>
/// The parts of the SNS summary a subscriber sees or filters on before the body: the email subject and the message
/// attributes severity, score and failCount.
/// </summary>
public static class SummaryHeadline
{
    /// <summary>SNS: "less than 100 characters", no line breaks or control characters; we also keep to printable ASCII for mail clients.</summary>
    public const int MaxSubjectLength = 99;

    /// <summary>"Compliance 123456789012 87.5 - 12 FAIL (3 critical, 4 high)", plus " - incomplete" when data is missing.</summary>
    public static string Subject(ScanReport report)
    {
        var fails = report.Findings.Where(f => f.Status == ComplianceStatus.Fail).ToList();
        var critical = fails.Count(f => f.Severity == Severity.Critical);
        var high = fails.Count(f => f.Severity == Severity.High);
        var incomplete = report.Incomplete ? " - incomplete" : "";
        var subject = string.Create(CultureInfo.InvariantCulture,
            $"Compliance {Account(report)} {Score(report) ?? "n/a"} - {fails.Count} FAIL ({critical} critical, {high} high){incomplete}");
        return PrintableAscii(subject, MaxSubjectLength);
    }

    /// <summary>
    /// severity (String): the highest severity with a FAIL, or "NONE"; score (Number, e.g. "87.5"; String "n/a" when
    /// nothing was scored, since a Number attribute must hold a number); failCount (Number).
    /// </summary>
    public static IReadOnlyDictionary<string, MessageAttributeValue> Attributes(ScanReport report)
    {
        var fails = report.Findings.Where(f => f.Status == ComplianceStatus.Fail).ToList();
        var highest = fails.Count == 0 ? "NONE" : fails.Max(f => f.Severity).ToWireName();
        return new Dictionary<string, MessageAttributeValue>(StringComparer.Ordinal)
        {
            ["severity"] = MessageAttributeValue.OfString(highest),
            ["score"] = Score(report) is { } score ? MessageAttributeValue.OfNumber(score) : MessageAttributeValue.OfString("n/a"),
            ["failCount"] = MessageAttributeValue.OfNumber(fails.Count.ToString(CultureInfo.InvariantCulture)),
        };
    }

    /// <summary>The score with one decimal, as the table output shows it; null when nothing was scored.</summary>
    public static string? Score(ScanReport report) =>
        report.Score is { } score && double.IsFinite(score) ? score.ToString("0.0", CultureInfo.InvariantCulture) : null;

    /// <summary>The report's first account, or "unknown account".</summary>
    public static string Account(ScanReport report) => report.Scope.AccountIds.FirstOrDefault(a => a.Length > 0) ?? "unknown account";

    /// <summary>Every character outside printable ASCII (0x20-0x7E) becomes '?', runs of spaces collapse, and the text is cut to the length.</summary>
    public static string PrintableAscii(string text, int maxLength)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var printable = c is >= ' ' and <= '~' ? c : (char.IsWhiteSpace(c) ? ' ' : '?');
            if (printable != ' ' || (builder.Length > 0 && builder[^1] != ' '))
            {
                builder.Append(printable);
            }
        }

        var result = builder.ToString().Trim();
        return result.Length <= maxLength ? result : result[..maxLength].TrimEnd();
    }
}
