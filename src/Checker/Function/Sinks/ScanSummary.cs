using Compliance.Checker.Live.Clients.SimpleNotificationService;

namespace Compliance.Checker.Function.Sinks;

/// <summary>The SNS summary of one scan, ready to publish.</summary>
/// <param name="Subject">The email subject: printable ASCII, under 100 characters.</param>
/// <param name="Message">The plain-text body, within the composer's byte budget.</param>
/// <param name="Attributes">severity, score and failCount, for subscription filter policies.</param>
/// <param name="OmittedLines">How many lines the budget cut (0 when the whole summary fits).</param>
public sealed record ScanSummary(string Subject, string Message, IReadOnlyDictionary<string, MessageAttributeValue> Attributes, int OmittedLines);
