using System.CommandLine;
using System.Text.Json.Nodes;
using Compliance.Checker.Live.Collection;

namespace Compliance.Checker.Cli;

/// <summary>`compliance permissions`: the least-privilege IAM policy a live scan needs, derived from the collectors' declarations.</summary>
internal static class PermissionsCommand
{
    public static Command Create()
    {
        var command = new Command("permissions", "Print the IAM policy (read-only, exactly the calls the collectors make) that a live scan needs.");
        command.SetAction(_ =>
        {
            var policy = new JsonObject
            {
                ["Version"] = "2012-10-17",
                ["Statement"] = new JsonArray(new JsonObject
                {
                    ["Sid"] = "ComplianceReadOnlyScan",
                    ["Effect"] = "Allow",
                    ["Action"] = new JsonArray([.. CollectorCatalog.ReadOnlyActions().Select(a => (JsonNode?)a)]),
                    ["Resource"] = "*",
                }),
            };
            Console.Out.WriteLine(policy.ToJsonString(new() { WriteIndented = true }));
            return ExitCodes.Ok;
        });
        return command;
    }
}
