namespace Compliance.Rules;

/// <summary>Small phrasing helpers so every rule's message reads the same way.</summary>
internal static class Wording
{
    /// <summary>Joins items as English: "a", "a and b", "a, b and c".</summary>
    public static string Prose(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => $"{string.Join(", ", items.Take(items.Count - 1))} and {items[^1]}",
    };

    /// <summary>As <see cref="Prose(IReadOnlyList{string})"/>, but a list longer than <paramref name="limit"/> names its first two: "a, b and 3 more".</summary>
    public static string Prose(IReadOnlyList<string> items, int limit) =>
        items.Count > limit ? $"{items[0]}, {items[1]} and {items.Count - 2} more" : Prose(items);
}
