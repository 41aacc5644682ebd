using System.Diagnostics.CodeAnalysis;

namespace Compliance.Rules;

/// <summary>
/// Evidence as a finding keeps it: the pairs in the order they were added, in one array, about a third of the size of
/// the Dictionary a rule builds (a 100,000-resource scan keeps some 280,000 findings). Keys compare ordinally, as in
/// the dictionaries rules build; a dictionary with another comparer, or a large one, is kept as it is.
/// </summary>
internal sealed class EvidenceMap : IReadOnlyDictionary<string, string>
{
    private const int MaxCompacted = 12;
    private readonly KeyValuePair<string, string>[] _pairs;

    private EvidenceMap(KeyValuePair<string, string>[] pairs) => _pairs = pairs;

    /// <summary>No evidence; shared, since it cannot change.</summary>
    public static IReadOnlyDictionary<string, string> Empty { get; } = new EvidenceMap([]);

    /// <summary>The evidence to keep for <paramref name="evidence"/>.</summary>
    public static IReadOnlyDictionary<string, string> From(IReadOnlyDictionary<string, string>? evidence) => evidence switch
    {
        null or { Count: 0 } => Empty,
        Dictionary<string, string> d when d.Count <= MaxCompacted && (d.Comparer == EqualityComparer<string>.Default || d.Comparer == StringComparer.Ordinal) => new EvidenceMap([.. d]),
        _ => evidence,
    };

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No evidence '{key}'.");

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
