namespace Compliance.Rules.Remediation;

/// <summary>Small pieces the remediations share: the FAIL precondition, and parameters and response values as text.</summary>
internal static class RemediationSupport
{
    public const string True = "true";
    public const string False = "false";

    /// <summary>A finding a remediation of <paramref name="ruleId"/> may act on: that rule's, and a FAIL.</summary>
    public static bool IsFailOf(Finding finding, string ruleId) =>
        finding.RuleId == ruleId && finding.Status == ComplianceStatus.Fail;

    /// <summary>
    /// The configured key of <paramref name="resource"/>'s region (<see cref="RemediationSettings.KeyArnIn"/>) when the
    /// inventory shows it as an enabled, customer managed, symmetric key; otherwise null: a key is never guessed.
    /// </summary>
    public static string? UsableConfiguredKey(IReadOnlyList<string> keyArns, Inventory.AwsResource resource, Inventory.InventoryIndex index) =>
        RemediationSettings.KeyArnIn(keyArns, resource.Region) is { } key
            && index.ResolveKey(key, resource.Region, resource.AccountId)
                is { Ownership: Inventory.KeyOwnership.CustomerManaged, Key: { KeyState: "Enabled", KeySpec: "SYMMETRIC_DEFAULT" } }
            ? key
            : null;

    /// <summary>Action parameters, the region first.</summary>
    public static IReadOnlyDictionary<string, string> Parameters(string region, params (string Name, string Value)[] parameters)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal) { ["Region"] = region };
        foreach (var (name, value) in parameters)
        {
            result[name] = value;
        }

        return result;
    }

    /// <summary>The same parameters with some left out (a read action built from a change's parameters).</summary>
    public static IReadOnlyDictionary<string, string> Only(IReadOnlyDictionary<string, string> parameters, params string[] names) =>
        parameters.Where(p => names.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    /// <summary>A response member, or "" when absent.</summary>
    public static string Value(IReadOnlyDictionary<string, string> response, string name) =>
        response.TryGetValue(name, out var value) ? value : "";

    /// <summary>True when the response member is "true" (any case).</summary>
    public static bool IsTrue(IReadOnlyDictionary<string, string> response, string name) =>
        string.Equals(Value(response, name), True, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The items of a list response flattened as "{List}.{n}.{Member}" (1-based, as EC2's query protocol numbers them),
    /// each as its own dictionary of members.
    /// </summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Items(IReadOnlyDictionary<string, string> response, string list)
    {
        var items = new List<IReadOnlyDictionary<string, string>>();
        for (var n = 1; ; n++)
        {
            var prefix = $"{list}.{n}.";
            var item = response.Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal))
                .ToDictionary(p => p.Key[prefix.Length..], p => p.Value, StringComparer.Ordinal);
            if (item.Count == 0)
            {
                return items;
            }

            items.Add(item);
        }
    }
}
