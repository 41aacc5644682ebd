using System.CommandLine;
using Compliance.Checker.Engine;
using Compliance.Checker.Snapshots;

namespace Compliance.Checker.Cli;

/// <summary>Options several commands share, their parsing, and writing a report to standard output or --output.</summary>
internal static class CommonOptions
{
    public static Option<string[]> RulesPath() => new("--rules-path")
    {
        Description = "A folder of rule plugin assemblies (*.dll) to load beside the built-in rules; repeatable.",
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>Splits repeated and comma-separated values: --rules S3.*,KMS.* --rules EC2.VPC.1.</summary>
    public static IReadOnlyList<string> List(string[]? values) =>
        (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();

    public static RuleRegistry LoadRegistry(string[]? rulesPaths)
    {
        try
        {
            return RuleRegistry.Load(rulesPaths ?? []);
        }
        catch (RuleRegistryException ex)
        {
            throw new InputException(ex.Message);
        }
    }

    /// <summary>Writes a report to standard output, or to <paramref name="outputPath"/> (--output) when given; a file that cannot be written is an input error.</summary>
    public static async Task WriteOutputAsync(string? outputPath, Func<TextWriter, Task> write)
    {
        if (outputPath is null)
        {
            await write(Console.Out);
            return;
        }

        try
        {
            await using var file = new StreamWriter(outputPath, append: false);
            await write(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"--output {outputPath}: cannot write the report: {ex.Message}");
        }
    }
}
