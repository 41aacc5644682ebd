using Compliance.Checker.Docs;
using Compliance.Checker.Engine;

namespace Compliance.Checker.Tests.Docs;

public sealed class DocsDriftTests
{
    [Fact]
    public void Readme_rule_table_and_rule_pages_match_the_code()
    {
        var rules = RuleRegistry.BuiltIn().Rules.Select(r => r.Descriptor).ToList();

        var drifted = DocsGenerator.Changes(Fixtures.RepositoryRoot, rules).Select(c => Path.GetRelativePath(Fixtures.RepositoryRoot, c.Path)).ToList();

        Assert.True(drifted.Count == 0, $"Out of date (run `dotnet run --project src/Checker -- docs`): {string.Join(", ", drifted)}");
    }

    [Fact]
    public void Every_rule_page_file_belongs_to_a_rule()
    {
        var ids = RuleRegistry.BuiltIn().Rules.Select(r => r.Descriptor.Id).ToHashSet();
        var pages = Directory.EnumerateFiles(Path.Combine(Fixtures.RepositoryRoot, "docs", "rules"), "*.md")
            .Select(path => Path.GetFileNameWithoutExtension(path)!)
            .Where(name => name != "README");

        Assert.All(pages, page => Assert.Contains(page, ids));
    }
}
