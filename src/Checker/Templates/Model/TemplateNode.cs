namespace Compliance.Checker.Templates.Model;

/// <summary>A place in a template file: 1-based line, 1-based column counted in UTF-16 code units (characters).</summary>
public readonly record struct SourcePosition(int Line, int Column)
{
    public override string ToString() => $"{Line}:{Column}";
}

/// <summary>
/// A template value as written, JSON and YAML alike, with where it starts. YAML short-form tags are already
/// rewritten into their long form ("!Ref X" is a map {"Ref": "X"}), so the resolver sees one shape.
/// </summary>
public abstract record TemplateNode(SourcePosition Position);

/// <summary>How a scalar was written: CloudFormation compares them all as text, but null and "" differ.</summary>
public enum ScalarKind
{
    String,
    Number,
    Boolean,
    Null,
}

/// <summary>A string, number, boolean or null; numbers and booleans keep their source text.</summary>
public sealed record ScalarNode(string? Value, ScalarKind Kind, SourcePosition Position) : TemplateNode(Position)
{
    /// <summary>The text CloudFormation would use: "" for null.</summary>
    public string Text => Value ?? "";
}

/// <summary>A list.</summary>
public sealed record ListNode(IReadOnlyList<TemplateNode> Items, SourcePosition Position) : TemplateNode(Position);

/// <summary>One key of a map, with where the key itself is written.</summary>
public sealed record MapEntry(string Key, SourcePosition KeyPosition, TemplateNode Value);

/// <summary>A map with its keys in source order; keys are unique (the readers reject duplicates).</summary>
public sealed record MapNode(IReadOnlyList<MapEntry> Entries, SourcePosition Position) : TemplateNode(Position)
{
    /// <summary>The value of a key, or null when absent.</summary>
    public TemplateNode? this[string key] => Entry(key)?.Value;

    /// <summary>The entry of a key, or null when absent.</summary>
    public MapEntry? Entry(string key)
    {
        foreach (var entry in Entries)
        {
            if (entry.Key == key)
            {
                return entry;
            }
        }

        return null;
    }
}
