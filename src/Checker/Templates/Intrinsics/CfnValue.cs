using System.Text.Json.Nodes;

namespace Compliance.Checker.Templates.Intrinsics;

/// <summary>
/// A template value after intrinsic functions ran. Scalars are text, as CloudFormation compares them; what the
/// template cannot decide is <see cref="CfnUnknown"/> with the reason, never a guess.
/// </summary>
public abstract record CfnValue
{
    /// <summary>True when no unknown is anywhere inside.</summary>
    public abstract bool IsKnown { get; }

    /// <summary>The first reason something inside is unknown, or null.</summary>
    public abstract string? UnknownReason { get; }

    /// <summary>A known scalar's text, or null.</summary>
    public string? Text => this is CfnScalar s ? s.Value : null;

    /// <summary>The value as JSON, or null when something inside is unknown.</summary>
    public abstract JsonNode? ToJson();

    public static CfnValue Of(string text) => new CfnScalar(text);

    public static CfnValue Bool(bool value) => new CfnScalar(value ? "true" : "false");

    public static CfnValue Unknown(string reason) => new CfnUnknown(reason);
}

/// <summary>A string, number or boolean, as text.</summary>
public sealed record CfnScalar(string Value) : CfnValue
{
    public override bool IsKnown => true;
    public override string? UnknownReason => null;
    public override JsonNode? ToJson() => JsonValue.Create(Value);
}

/// <summary>JSON null.</summary>
public sealed record CfnNull : CfnValue
{
    public static CfnNull Instance { get; } = new();
    public override bool IsKnown => true;
    public override string? UnknownReason => null;
    public override JsonNode? ToJson() => null;
}

/// <summary>AWS::NoValue: the property or list item is removed as if it were not written.</summary>
public sealed record CfnNoValue : CfnValue
{
    public static CfnNoValue Instance { get; } = new();
    public override bool IsKnown => true;
    public override string? UnknownReason => null;
    public override JsonNode? ToJson() => null;
}

/// <summary>A value only deployment can tell (an SSM parameter, an Availability Zone, another stack's attribute...).</summary>
public sealed record CfnUnknown(string Reason) : CfnValue
{
    public override bool IsKnown => false;
    public override string? UnknownReason => Reason;
    public override JsonNode? ToJson() => null;
}

/// <summary>A list.</summary>
public sealed record CfnList(IReadOnlyList<CfnValue> Items) : CfnValue
{
    public override bool IsKnown => Items.All(i => i.IsKnown);
    public override string? UnknownReason => Items.Select(i => i.UnknownReason).FirstOrDefault(r => r is not null);

    public override JsonNode? ToJson()
    {
        if (!IsKnown)
        {
            return null;
        }

        var array = new JsonArray();
        foreach (var item in Items)
        {
            array.Add(item.ToJson());
        }

        return array;
    }
}

/// <summary>A map with its keys in source order.</summary>
public sealed record CfnMap(IReadOnlyList<KeyValuePair<string, CfnValue>> Entries) : CfnValue
{
    public override bool IsKnown => Entries.All(e => e.Value.IsKnown);
    public override string? UnknownReason => Entries.Select(e => e.Value.UnknownReason).FirstOrDefault(r => r is not null);

    /// <summary>The value of a key, or null when absent.</summary>
    public CfnValue? this[string key] => Entries.FirstOrDefault(e => e.Key == key).Value;

    public override JsonNode? ToJson()
    {
        if (!IsKnown)
        {
            return null;
        }

        var map = new JsonObject();
        foreach (var (key, value) in Entries)
        {
            map[key] = value.ToJson();
        }

        return map;
    }
}
