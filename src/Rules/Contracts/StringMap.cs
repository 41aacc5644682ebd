using System.Diagnostics.CodeAnalysis;

namespace Compliance.Rules;

/// <summary>
/// A small read-only map of text, as findings keep their evidence and snapshots their tags: the pairs in the order
/// they were added, in one array, about a third of the size of a Dictionary (a 100,000-resource scan keeps some
/// 280,000 findings and 100,000 tag sets). Keys compare ordinally, as in a default Dictionary of strings; a dictionary
/// with another comparer, or a large one, is kept as it is.
/// </summary>
public sealed class StringMap : IReadOnlyDictionary<string, string>
{
    private const int MaxCompacted = 12;
    private readonly KeyValuePair<string, string>[] _pairs;

    private StringMap(KeyValuePair<string, string>[] pairs) => _pairs = pairs;

    /// <summary>The empty map; shared, since it cannot change.</summary>
    public static IReadOnlyDictionary<string, string> Empty { get; } = new StringMap([]);

    /// <summary>The map to keep for <paramref name="evidence"/>: compacted when it is a small default-comparer Dictionary.</summary>
    public static IReadOnlyDictionary<string, string> From(IReadOnlyDictionary<string, string>? evidence) => evidence switch
    {
        null or { Count: 0 } => Empty,
        Dictionary<string, string> d when d.Count <= MaxCompacted && (d.Comparer == EqualityComparer<string>.Default || d.Comparer == StringComparer.Ordinal) => new StringMap([.. d]),
        _ => evidence,
    };

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No entry '{key}'.");

    public IEnumerable<string> Keys => _pairs.Select(p => p.Key);

    public IEnumerable<string> Values => _pairs.Select(p => p.Value);

    public int Count => _pairs.Length;

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        foreach (var pair in _pairs)
        {
            if (string.Equals(pair.Key, key, StringComparison.Ordinal))
            {
                value = pair.Value;
                return true;
            }
        }

        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, string>>)_pairs).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
