using System.CommandLine;
using System.Text.RegularExpressions;
using Compliance.Checker.Snapshots;
using Compliance.Checker.Templates;

namespace Compliance.Checker.Cli;

/// <summary>The options of a template scan: the template or cdk.out folder, parameter values, and the pseudo account and region.</summary>
internal sealed partial class TemplateCommandOptions
{
    public Option<string?> Path { get; } = new("--template")
    {
        Description = "Judge a CloudFormation template (JSON or YAML) or a cdk.out folder (every stack and nested stack) instead of the live account. See docs/templates.md.",
    };

    public Option<string[]> Parameters { get; } = new("--param")
    {
        Description = "Template only: a parameter value, NAME=VALUE; repeatable. Parameters not given take their Default; without one they are unknown.",
    };

    public Option<string> Account { get; } = new("--template-account")
    {
        Description = $"Template only: the account id AWS::AccountId resolves to, unless a cdk.out stack names its own environment. Default: {TemplateOptions.DefaultAccountId}.",
        DefaultValueFactory = _ => TemplateOptions.DefaultAccountId,
    };

    public Option<string> Region { get; } = new("--template-region")
    {
        Description = $"Template only: the region AWS::Region resolves to (and AWS::Partition follows), unless a cdk.out stack names its own environment. Default: {TemplateOptions.DefaultRegion}.",
        DefaultValueFactory = _ => TemplateOptions.DefaultRegion,
    };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Path, Parameters, Account, Region })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The template options, checked; null when no --template is given (then --param must not be either).</summary>
    public TemplateOptions? Read(ParseResult parse, string? path)
    {
        var pairs = parse.GetValue(Parameters) ?? [];
        if (path is null)
        {
            return pairs.Length > 0 ? throw new InputException("--param applies to a template scan; give --template too.") : null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new InputException($"--param '{pair}': expected NAME=VALUE.");
            }

            values[pair[..equals]] = pair[(equals + 1)..];
        }

        var account = parse.GetValue(Account)!;
        var region = parse.GetValue(Region)!;
        if (!AccountPattern().IsMatch(account))
        {
            throw new InputException($"--template-account '{account}': expected a 12-digit account id.");
        }

        if (!RegionPattern().IsMatch(region))
        {
            throw new InputException($"--template-region '{region}': expected a region name such as eu-west-1.");
        }

        return new TemplateOptions { AccountId = account, Region = region, Parameters = values };
    }

    /// <summary>One warning line per thing not judged, and one for every type no mapper maps.</summary>
    public static void WriteWarnings(TemplateInventory template, TextWriter error)
    {
        if (template.NotMapped.Count > 0)
        {
            error.WriteLine($"compliance: warning: {template.NotMapped.Values.Sum()} resources of {template.NotMapped.Count} types no rule reads are not mapped: {string.Join(", ", template.NotMapped.Select(t => $"{t.Key} ({t.Value})"))}.");
        }

        foreach (var warning in template.Warnings)
        {
            error.WriteLine($"compliance: warning: {warning}");
        }
    }

    /// <summary>--stats: the files read, the records mapped per type, and the types not mapped.</summary>
    public static async Task WriteStatsAsync(TemplateInventory template, TextWriter error)
    {
        await error.WriteLineAsync($"template files: {string.Join(", ", template.Files)}");
        foreach (var type in template.Inventory.AllResources().GroupBy(r => r.ResourceType).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            await error.WriteLineAsync($"  mapped      {type.Key,-40} {type.Count(),5}");
        }

        foreach (var (type, count) in template.NotMapped)
        {
            await error.WriteLineAsync($"  not mapped  {type,-40} {count,5}");
        }
    }

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex AccountPattern();

    [GeneratedRegex(@"^[a-z]{2}(-[a-z]+)+-\d+$")]
    private static partial Regex RegionPattern();
}
