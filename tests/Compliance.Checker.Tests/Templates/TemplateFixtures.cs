using Compliance.Checker.Engine;
using Compliance.Checker.Reporting;
using Compliance.Checker.Templates;
using Compliance.Checker.Templates.Intrinsics;
using Compliance.Checker.Templates.Reading;
using Compliance.Checker.Templates.Stacks;
using Compliance.Rules;

namespace Compliance.Checker.Tests.Templates;

/// <summary>Writes templates to temporary files, loads them through the template source, and scans them with the built-in rules.</summary>
internal static class TemplateFixtures
{
    /// <summary>A fresh temporary folder.</summary>
    public static string Folder()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"templates-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Writes a template (text as given, byte for byte in UTF-8) and returns its path.</summary>
    public static string Write(string text, string name = "template.yaml", string? folder = null)
    {
        var path = Path.Combine(folder ?? Folder(), name);
        File.WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(text));
        return path;
    }

    public static TemplateInventory Load(string text, TemplateOptions? options = null, string name = "template.yaml") =>
        TemplateSource.Load(Write(text, name), options ?? new TemplateOptions());

    /// <summary>Every finding of the built-in rules (or the given ones) on a template, located as the CLI locates them.</summary>
    public static IReadOnlyList<Finding> Scan(TemplateInventory template, params string[] ruleIds) => Report(template, ruleIds).Findings;

    public static ScanReport Report(TemplateInventory template, params string[] ruleIds)
    {
        var rules = RuleRegistry.BuiltIn().Rules.Where(r => ruleIds.Length == 0 || ruleIds.Contains(r.Descriptor.Id)).ToList();
        return new Scanner().Scan(template.Inventory, rules, new ScanSource("template", "test"), SourceKind.Template, locations: template.Locations);
    }

    /// <summary>The status of the one finding a rule gave a resource.</summary>
    public static ComplianceStatus Status(IReadOnlyList<Finding> findings, string ruleId, string resourceId) =>
        Assert.Single(findings, f => f.RuleId == ruleId && f.Resource.Id == resourceId).Status;

    /// <summary>Resolves a template's output Value with the intrinsic resolver, in a lone stack.</summary>
    public static CfnValue Output(string template, string output, IReadOnlyDictionary<string, string>? parameters = null, string region = "eu-west-1")
    {
        var document = TemplateReader.Parse(System.Text.Encoding.UTF8.GetBytes(template), "test.yaml");
        var stack = new TemplateStack(document, "app", "", new StackEnvironment("111122223333", region));
        _ = new TemplateSet([stack], TemplateMappers.Namings(TemplateMappers.All), parameters ?? new Dictionary<string, string>());
        return stack.Resolver.Output(output);
    }
}
