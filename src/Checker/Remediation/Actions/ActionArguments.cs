using System.Globalization;
using Compliance.Rules;

namespace Compliance.Checker.Remediation.Actions;

/// <summary>
/// Reading an action's parameters and writing its response for the handlers of this folder. Values are text: booleans
/// "true"/"false"; a list response is flattened as "{List}.{n}.{Member}", numbered from 1 as EC2's query protocol does.
/// </summary>
internal static class ActionArguments
{
    /// <summary>A parameter that must be present and non-empty.</summary>
    /// <exception cref="ArgumentException">It is missing: the remediation described the action wrongly.</exception>
    public static string Required(RemediationAction action, string name) =>
        action.Parameters.TryGetValue(name, out var value) && value.Length > 0
            ? value
            : throw new ArgumentException($"{action.Action} needs the parameter {name}.", nameof(action));

    /// <summary>A parameter, or null when absent or empty.</summary>
    public static string? Optional(RemediationAction action, string name) =>
        action.Parameters.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    /// <summary>A required boolean parameter, exactly "true" or "false".</summary>
    public static bool Flag(RemediationAction action, string name) => Required(action, name) switch
    {
        "true" => true,
        "false" => false,
        var other => throw new ArgumentException($"{action.Action}: parameter {name} must be true or false, not '{other}'.", nameof(action)),
    };

    /// <summary>A boolean parameter that must be "true": the handlers only ever switch protections on, never off.</summary>
    public static bool OnlyTrue(RemediationAction action, string name) =>
        Flag(action, name) ? true : throw new ArgumentException($"{action.Action}: parameter {name} is false, and remediation never switches a protection off.", nameof(action));

    public static string Text(bool value) => value ? "true" : "false";

    public static string Text(bool? value) => value is { } known ? Text(known) : "";

    /// <summary>Adds each item's members under "{list}.{n}."; a null member is left out.</summary>
    public static void AddItems(Dictionary<string, string> response, string list, IEnumerable<IReadOnlyDictionary<string, string?>> items)
    {
        var n = 0;
        foreach (var item in items)
        {
            n++;
            foreach (var (member, value) in item)
            {
                if (value is not null)
                {
                    response[$"{list}.{n.ToString(CultureInfo.InvariantCulture)}.{member}"] = value;
                }
            }
        }
    }

    /// <summary>The region the action is for (every action names one).</summary>
    public static string Region(RemediationAction action) => Required(action, "Region");
}
