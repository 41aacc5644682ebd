using System.CommandLine;
using Compliance.Checker.Docs;
using Compliance.Checker.Snapshots;

namespace Compliance.Checker.Cli;

/// <summary>`compliance docs`: regenerate the README rule table and the rule page headers.</summary>
internal static class DocsCommand
{
    public static Command Create()
    {
        var root = new Option<string>("--root") { Description = "The repository root.", DefaultValueFactory = _ => "." };
        var check = new Option<bool>("--check") { Description = "Write nothing; exit 1 when a generated part is out of date." };
        var command = new Command("docs", "Regenerate the README rule table and each docs/rules page header from the rules.") { root, check };
        command.SetAction(parse =>
        {
            var rules = Engine.RuleRegistry.BuiltIn().Rules.Select(r => r.Descriptor).ToList();
            IReadOnlyList<(string Path, string Text)> changes;
            try
            {
                changes = DocsGenerator.Changes(parse.GetValue(root)!, rules);
            }
            catch (Exception ex) when (ex is InvalidOperationException or FileNotFoundException)
            {
                throw new InputException(ex.Message);
            }

            foreach (var (path, text) in changes)
            {
                Console.Out.WriteLine($"{(parse.GetValue(check) ? "out of date" : "updated")}: {path}");
                if (!parse.GetValue(check))
                {
                    File.WriteAllText(path, text);
                }
            }

            return parse.GetValue(check) && changes.Count > 0 ? ExitCodes.FindingsAtOrAboveThreshold : ExitCodes.Ok;
        });
        return command;
    }
}
