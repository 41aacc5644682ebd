using System.CommandLine;
using Compliance.Checker.Snapshots;

namespace Compliance.Checker.Cli;

/// <summary>The `compliance` command line.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var root = new RootCommand("Compliance: judge a live AWS account, a snapshot of one, or a CloudFormation template or cdk.out folder against a zero-trust, PCI DSS baseline.")
        {
            ScanCommand.Create(),
            CollectCommand.Create(),
            PermissionsCommand.Create(),
            InvokeCommand.Create(),
            RulesCommand.Create(),
            DocsCommand.Create(),
            ReportCommand.Create(),
        };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await Console.Error.WriteLineAsync($"compliance: {error.Message}");
            }

            await Console.Error.WriteLineAsync("Run `compliance --help` for usage.");
            return ExitCodes.UsageOrInput;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (InputException ex)
        {
            await Console.Error.WriteLineAsync($"compliance: {ex.Message}");
            return ExitCodes.UsageOrInput;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("compliance: cancelled.");
            return ExitCodes.InternalError;
        }
        catch (Exception ex)
        {
            await Console.Error.WriteLineAsync($"compliance: internal error ({ex.GetType().Name}: {ex.Message}). Please report it with the command you ran.");
            return ExitCodes.InternalError;
        }
    }
}
