using System.CommandLine;
using Compliance.Checker.Engine;
using Compliance.Checker.Snapshots;

namespace Compliance.Checker.Cli;

/// <summary>Options several commands share, and their parsing.</summary>
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
}
