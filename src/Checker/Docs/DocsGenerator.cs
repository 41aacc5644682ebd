using System.Text;
using Compliance.Rules;

namespace Compliance.Checker.Docs;

/// <summary>
/// Writes the parts of the documentation that are facts about the code: the README's rule table and the header
/// of every rule page. A test regenerates them and fails on any difference, so docs cannot drift from the rules.
/// </summary>
public static class DocsGenerator
{
    public const string PageBegin = "<!-- BEGIN GENERATED: rule header, rewritten from the descriptor by `compliance docs`; edit the code, not this block -->";
    public const string PageEnd = "<!-- END GENERATED -->";
    public const string TableBegin = "<!-- BEGIN GENERATED: rule table, rewritten by `compliance docs`; edit the rules, not this table -->";
    public const string TableEnd = "<!-- END GENERATED: rule table -->";

    /// <summary>The files whose generated parts differ from the code, with their new text.</summary>
    public static IReadOnlyList<(string Path, string Text)> Changes(string repositoryRoot, IReadOnlyList<RuleDescriptor> rules)
    {
        var changes = new List<(string, string)>();
        var readme = Path.Combine(repositoryRoot, "README.md");
        Compare(readme, text => ReplaceBlock(text, TableBegin, TableEnd, RuleTable(rules), readme), changes);
        foreach (var rule in rules)
        {
            var page = Path.Combine(repositoryRoot, RuleDescriptor.DocsFolder, $"{rule.Id}.md");
            Compare(page, text => ReplaceBlock(text, PageBegin, PageEnd, RuleHeader(rule), page), changes, whenMissing: $"{PageBegin}\n{PageEnd}\n");
        }

        return changes;
    }

    /// <summary>The rule table for the README.</summary>
    public static string RuleTable(IEnumerable<RuleDescriptor> rules)
    {
        var list = rules.ToList();
        var text = new StringBuilder()
            .Append(list.Count).Append(" rules.\n\n")
            .Append("| Id | Severity | Resource type | Title | PCI DSS v4.0 |\n|---|---|---|---|---|\n");
        foreach (var r in list)
        {
            var pci = string.Join(", ", r.Frameworks.Where(f => f.Framework == Frameworks.PciDss40).Select(f => f.ControlId + Tag(f.Confidence)));
            text.Append($"| [{r.Id}]({r.HelpLink}) | {r.Severity.ToWireName()} | `{r.ResourceType}` | {Escape(r.Title)} | {(pci.Length == 0 ? "—" : pci)} |\n");
        }

        return text.ToString();
    }

    /// <summary>A rule page's generated header.</summary>
    public static string RuleHeader(RuleDescriptor r)
    {
        var text = new StringBuilder()
            .Append($"# {r.Id}: {Escape(r.Title)}\n\n")
            .Append($"{r.Rationale}\n\n")
            .Append("| | |\n|---|---|\n")
            .Append($"| Severity | {r.Severity.ToWireName()} |\n")
            .Append($"| Resource types | {string.Join(", ", r.ResourceTypes.Select(t => $"`{t}`"))} |\n")
            .Append($"| Evaluated on | {Modes(r.Modes)} |\n");
        foreach (var p in r.Parameters)
        {
            text.Append($"| Parameter `{p.Name}` | `{Escape(p.DefaultValue)}`: {Escape(p.Description)} |\n");
        }

        if (r.Frameworks.Count > 0)
        {
            text.Append("\n| Framework | Control | Mapping |\n|---|---|---|\n");
            foreach (var f in r.Frameworks)
            {
                text.Append($"| {Frameworks.DisplayName(f.Framework)} | {f.ControlId} | {f.Confidence.ToString().ToLowerInvariant()} |\n");
            }
        }

        return text.ToString();
    }

    private static void Compare(string path, Func<string, string> regenerate, List<(string, string)> changes, string? whenMissing = null)
    {
        var current = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : whenMissing;
        if (current is null)
        {
            throw new FileNotFoundException($"{path} is missing.", path);
        }

        var updated = regenerate(current);
        if (!File.Exists(path) || updated != current)
        {
            changes.Add((path, updated));
        }
    }

    private static string ReplaceBlock(string text, string begin, string end, string content, string path)
    {
        var start = text.IndexOf(begin, StringComparison.Ordinal);
        var stop = text.IndexOf(end, StringComparison.Ordinal);
        if (start < 0 || stop < start)
        {
            throw new InvalidOperationException($"{path} has no generated block; it needs the lines\n{begin}\n{end}");
        }

        return text[..(start + begin.Length)] + "\n" + content + text[stop..];
    }

    private static string Modes(EvaluationModes modes) => modes switch
    {
        EvaluationModes.TemplateAndLive => "templates and the live account",
        EvaluationModes.TemplatePresenceAndLive => "the live account (a template shows presence only)",
        _ => "the live account only",
    };

    private static string Tag(MappingConfidence confidence) => confidence switch
    {
        MappingConfidence.Published => "",
        MappingConfidence.Inferred => " (inferred)",
        _ => " (proposed)",
    };

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
