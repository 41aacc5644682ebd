using System.CommandLine;
using System.Text.Json;
using Compliance.Checker.Json;
using Compliance.Checker.Snapshots;
using Compliance.Rules;
using Spectre.Console;

namespace Compliance.Checker.Cli;

/// <summary>`compliance rules list|show`.</summary>
internal static class RulesCommand
{
    public static Command Create()
    {
        var command = new Command("rules", "List or describe the rules.");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Show());
        return command;
    }

    private static Command List()
    {
        var format = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var rulesPath = CommonOptions.RulesPath();
        var command = new Command("list", "List every rule with its id, severity and title.") { format, rulesPath };
        command.SetAction(parse =>
        {
            var descriptors = CommonOptions.LoadRegistry(parse.GetValue(rulesPath)).Rules.Select(r => r.Descriptor).ToList();
            if (parse.GetValue(format) == "json")
            {
                Console.Out.WriteLine(JsonSerializer.Serialize<IReadOnlyList<RuleDescriptor>>(descriptors, ComplianceJson.TypeInfo<IReadOnlyList<RuleDescriptor>>()));
                return ExitCodes.Ok;
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumn("Id").AddColumn("Severity").AddColumn("Resource type").AddColumn("Title");
            foreach (var d in descriptors)
            {
                table.AddRow(Markup.Escape(d.Id), d.Severity.ToWireName(), Markup.Escape(d.ResourceType), Markup.Escape(d.Title));
            }

            AnsiConsole.Write(table);
            AnsiConsole.WriteLine($"{descriptors.Count} rules");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show()
    {
        var id = new Argument<string>("id") { Description = "A rule id, e.g. EC2.SecurityGroup.2." };
        var rulesPath = CommonOptions.RulesPath();
        var command = new Command("show", "Show one rule: rationale, mappings, parameters and its doc page.") { id, rulesPath };
        command.SetAction(parse =>
        {
            var ruleId = parse.GetValue(id)!;
            var rule = CommonOptions.LoadRegistry(parse.GetValue(rulesPath)).Find(ruleId)
                ?? throw new InputException($"No rule '{ruleId}'. See `compliance rules list`.");
            Console.Out.Write(Docs.DocsGenerator.RuleHeader(rule.Descriptor));
            return ExitCodes.Ok;
        });
        return command;
    }
}
