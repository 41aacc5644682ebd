using System.CommandLine;
using System.Text.Json;
using Compliance.Checker.Function;
using Compliance.Checker.Json;
using Compliance.Checker.Snapshots;

namespace Compliance.Checker.Cli;

/// <summary>`compliance invoke --event FILE`: runs the Lambda handler, with the same environment configuration, on a local event.</summary>
internal static class InvokeCommand
{
    public static Command Create()
    {
        var eventFile = new Option<string>("--event") { Description = "The event JSON (samples/events/*.json).", Required = true };
        var remediation = new Option<string?>("--remediation") { Description = "off, dry-run or enforce; overrides COMPLIANCE_REMEDIATION." };
        remediation.AcceptOnlyFromAmong("off", "dry-run", "enforce");
        var command = new Command("invoke", "Run the Lambda handler locally on an event file and print its result (structured logs go to standard error).") { eventFile, remediation };
        command.SetAction(async (parse, cancellationToken) =>
        {
            FunctionConfiguration configuration;
            try
            {
                configuration = FunctionConfiguration.FromEnvironment(Environment.GetEnvironmentVariable);
            }
            catch (ConfigurationException ex)
            {
                throw new InputException(ex.Message);
            }

            configuration = parse.GetValue(remediation) switch
            {
                "off" => configuration with { Remediation = RemediationMode.Off },
                "dry-run" => configuration with { Remediation = RemediationMode.DryRun },
                "enforce" => configuration with { Remediation = RemediationMode.Enforce },
                _ => configuration,
            };

            var path = parse.GetValue(eventFile)!;
            Stream input;
            try
            {
                input = File.OpenRead(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new InputException($"--event {path}: cannot read the event: {ex.Message}");
            }

            var function = new ComplianceFunction(FunctionComposition.From(configuration) with { Log = Console.Error });
            FunctionResult result;
            await using (input)
            {
                await using var output = await function.HandleAsync(input);
                result = (await JsonSerializer.DeserializeAsync(output, ComplianceJson.TypeInfo<FunctionResult>(), cancellationToken))!;
            }

            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(result, ComplianceJson.TypeInfo<FunctionResult>()));
            return result.Status == "error" ? ExitCodes.UsageOrInput : result.Incomplete == true ? ExitCodes.Incomplete : ExitCodes.Ok;
        });
        return command;
    }
}
