using System.Text;
using Compliance.Checker.Engine;
using Compliance.Checker.Function;
using Compliance.Checker.Function.Sinks;
using Compliance.Checker.Live.Clients.SimpleNotificationService;
using Compliance.Checker.Remediation;
using Compliance.Checker.Reporting;
using Compliance.Rules;
using Outcome = Compliance.Checker.Remediation.RemediationStatus;

namespace Compliance.Checker.Tests.Function;

public sealed class SummaryComposerTests
{
    [Fact]
    public async Task Lists_at_most_ten_failing_rules_at_or_above_the_minimum_most_severe_first()
    {
        var report = await SinkReports.Noncompliant();
        var failing = report.Findings.Where(f => f.Status is ComplianceStatus.Fail or ComplianceStatus.Error && f.Severity >= Severity.High)
            .GroupBy(f => f.RuleId).ToList();
        Assert.True(failing.Count > SummaryComposer.TopRules, $"{failing.Count} rules");

        var message = new SummaryComposer(Severity.High).Compose(report, null, null).Message.Split('\n');

        var start = Array.FindIndex(message, l => l.StartsWith("Top failing rules (FAIL or ERROR at HIGH or above", StringComparison.Ordinal));
        var listed = message.Skip(start + 1).TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal) && !l.StartsWith("  ...", StringComparison.Ordinal)).ToList();
        Assert.Equal(SummaryComposer.TopRules, listed.Count);
        var severities = listed.Select(l => Enum.Parse<Severity>(l.Trim().Split(' ')[0], ignoreCase: true)).ToList();
        Assert.Equal(severities.OrderDescending(), severities);
        Assert.All(severities, s => Assert.True(s >= Severity.High));
        Assert.Equal($"  ... and {failing.Count - SummaryComposer.TopRules} more rules", message[start + 1 + listed.Count]);

        var worst = failing.OrderByDescending(g => g.Max(f => f.Severity)).ThenByDescending(g => g.Count(f => f.Status == ComplianceStatus.Fail)).First();
        Assert.StartsWith($"  CRITICAL {worst.Key}: {worst.Count(f => f.Status == ComplianceStatus.Fail)} FAIL", listed[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scan_with_nothing_scored_says_n_a_in_the_subject_and_as_a_string_attribute()
    {
        var inventory = await SinkReports.NoncompliantInventory();
        var report = new Scanner().Scan(inventory, [], new ScanSource("snapshot", "noncompliant.json"), SourceKind.Snapshot);
        Assert.Null(report.Score);

        var summary = new SummaryComposer(Severity.Medium).Compose(report, null, null);

        Assert.Equal("Compliance 123456789012 n/a - 0 FAIL (0 critical, 0 high) - incomplete", summary.Subject);
        Assert.Equal(MessageAttributeValue.OfString("n/a"), summary.Attributes["score"]);
        Assert.Equal(MessageAttributeValue.OfString("NONE"), summary.Attributes["severity"]);
        Assert.Equal(MessageAttributeValue.OfNumber("0"), summary.Attributes["failCount"]);
        Assert.Contains("Full report: not stored.", summary.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remediation_counts_every_outcome_and_lists_what_was_done_failures_first()
    {
        var report = await SinkReports.Noncompliant();
        var fails = report.Findings.Where(f => f.Status == ComplianceStatus.Fail).Take(4).ToList();
        RemediationRecord Record(int i, Outcome outcome, string detail) =>
            new() { RuleId = fails[i].RuleId, Resource = fails[i].Resource, Outcome = outcome, Detail = detail };
        var run = new RemediationRun(RemediationMode.Enforce,
        [
            Record(0, Outcome.Applied, "Revoked sgr-0aa."),
            Record(1, Outcome.Skipped, "Not allow-listed."),
            Record(2, Outcome.Failed, "UnauthorizedOperation: not allowed\nto revoke."),
            Record(3, Outcome.Applied, "Revoked sgr-0bb."),
        ]);

        var lines = new SummaryComposer(Severity.Medium).Compose(report, run, null).Message.Split('\n');

        Assert.Contains("Remediation (Enforce): 2 applied, 0 planned, 1 failed, 1 skipped.", lines);
        var records = lines.SkipWhile(l => l != "Remediation records:").Skip(1).TakeWhile(l => l.Length > 0).ToList();
        Assert.Equal(
        [
            $"  FAILED {fails[2].RuleId} {fails[2].Resource.Id} ({fails[2].Resource.Region}): UnauthorizedOperation: not allowed to revoke.",
            $"  APPLIED {fails[0].RuleId} {fails[0].Resource.Id} ({fails[0].Resource.Region}): Revoked sgr-0aa.",
            $"  APPLIED {fails[3].RuleId} {fails[3].Resource.Id} ({fails[3].Resource.Region}): Revoked sgr-0bb.",
        ], records);
    }

    [Fact]
    public void The_budget_keeps_whole_lines_and_names_what_it_left_out()
    {
        var lines = Enumerable.Range(1, 4).Select(i => $"line {i} " + new string('x', 100)).ToList(); // 4 x 107 bytes
        var all = string.Join('\n', lines);

        Assert.Equal((all, 0), MessageBudget.Fit(lines, Encoding.UTF8.GetByteCount(all) + 1, null)); // each line + newline

        var budget = 108 + MessageBudget.Marker(4, null).Length + 1; // the first line, and room for the marker
        var (text, omitted) = MessageBudget.Fit(lines, budget, null);
        Assert.Equal(3, omitted);
        Assert.Equal($"{lines[0]}\n[truncated: 3 more lines; the full report was not stored]", text);
        Assert.True(Encoding.UTF8.GetByteCount(text) <= budget);
        Assert.EndsWith("[truncated: 4 more lines; full report at s3://b/k.json]", MessageBudget.Fit(lines, 100, "s3://b/k.json").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Subjects_keep_to_printable_ascii_without_runs_of_spaces()
    {
        Assert.Equal("Compliance ? caf? 12", SummaryHeadline.PrintableAscii("Compliance \u2014 caf\u00e9\t\n 12", 99));
        Assert.Equal("abc", SummaryHeadline.PrintableAscii("abc   def", 4));
    }
}
