using System.Globalization;
using Compliance.Checker.Templates.Intrinsics;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Templates.Mapping;

/// <summary>
/// Resolved properties of a resource (or of a nested property map), read the way mappers need them: absent,
/// known, or unknown. The readers take the CloudFormation default for an absent property and return null for
/// a value the template cannot decide.
/// </summary>
public sealed class Props(CfnMap map)
{
    /// <summary>No properties.</summary>
    public static Props Empty { get; } = new(new CfnMap([]));

    /// <summary>A property's value, or null when absent.</summary>
    public CfnValue? this[string name] => map[name];

    /// <summary>True when the property is written.</summary>
    public bool Has(string name) => map[name] is not null;

    /// <summary>The first reason a written property (or anything inside it) is unknown, or null.</summary>
    public string? UnknownReason(string name) => map[name]?.UnknownReason;

    /// <summary>A known string, or <paramref name="absent"/> when not written; null when unknown.</summary>
    public string? String(string name, string? absent = null) => map[name] switch
    {
        null or CfnNull => absent,
        CfnScalar s => s.Value,
        _ => null,
    };

    /// <summary>A known boolean ("true"/"false" in any case), <paramref name="absent"/> when not written, else null.</summary>
    public bool? Bool(string name, bool? absent) => map[name] switch
    {
        null or CfnNull => absent,
        CfnScalar { Value: var v } when bool.TryParse(v, out var b) => b,
        _ => null,
    };

    /// <summary>A known whole number, <paramref name="absent"/> when not written, else null.</summary>
    public int? Int(string name, int? absent = null) => map[name] switch
    {
        null or CfnNull => absent,
        CfnScalar { Value: var v } when int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) => i,
        CfnScalar { Value: var v } when double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == Math.Floor(d) && Math.Abs(d) < int.MaxValue => (int)d,
        _ => null,
    };

    /// <summary>A nested property map; <see cref="Empty"/> when not written; null when unknown or not a map.</summary>
    public Props? Map(string name) => map[name] switch
    {
        null or CfnNull => Empty,
        CfnMap m => new Props(m),
        _ => null,
    };

    /// <summary>A list of property maps; empty when not written; null when the list (or an item) is unknown.</summary>
    public IReadOnlyList<Props>? Maps(string name) => map[name] switch
    {
        null or CfnNull => [],
        CfnList list when list.Items.All(i => i is CfnMap) => list.Items.Cast<CfnMap>().Select(m => new Props(m)).ToList(),
        _ => null,
    };

    /// <summary>A list of strings (a single string counts as one); empty when not written; null when unknown.</summary>
    public IReadOnlyList<string>? Strings(string name) => map[name] switch
    {
        null or CfnNull => [],
        CfnScalar s => [s.Value],
        CfnList list when list.Items.All(i => i is CfnScalar) => list.Items.Select(i => i.Text!).ToList(),
        _ => null,
    };

    /// <summary>
    /// Tags from a [{Key, Value}] list or a {key: value} map. A tag whose key or value is unknown is left out, so a
    /// rule that needs it sees it missing.
    /// </summary>
    public IReadOnlyDictionary<string, string> Tags(string name = "Tags")
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (map[name])
        {
            case CfnList list:
                foreach (var item in list.Items.OfType<CfnMap>())
                {
                    if (item["Key"]?.Text is { } key && item["Value"]?.Text is { } value)
                    {
                        tags[key] = value;
                    }
                }

                break;
            case CfnMap pairs:
                foreach (var (key, value) in pairs.Entries)
                {
                    if (value.Text is { } text)
                    {
                        tags[key] = text;
                    }
                }

                break;
        }

        return tags;
    }

    /// <summary>
    /// An IAM policy document written as a map or as JSON text; null when absent, unknown anywhere inside, or
    /// not a policy (see <paramref name="problem"/>).
    /// </summary>
    public PolicyDocument? Policy(string name, out string? problem)
    {
        problem = null;
        var value = map[name];
        if (value is null or CfnNull)
        {
            return null;
        }

        if (!value.IsKnown)
        {
            problem = $"{name} contains a value the template cannot decide ({value.UnknownReason})";
            return null;
        }

        try
        {
            return value is CfnScalar { Value: var json }
                ? PolicyDocumentJsonConverter.Parse(json)
                : PolicyDocumentJsonConverter.Parse(value.ToJson()!.ToJsonString());
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException or FormatException)
        {
            problem = $"{name} is not a policy document ({ex.Message})";
            return null;
        }
    }
}
