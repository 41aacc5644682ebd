using Compliance.Rules.Inventory;

namespace Compliance.Rules.CloudTrail;

/// <summary>
/// Which management events a trail's selectors log. Selectors are OR'ed: an event is logged when any selector matches it,
/// so a kind of event (read or write) is fully logged when some selector takes it in and no event source is excluded by
/// every such selector.
/// </summary>
internal static class ManagementEventCoverage
{
    /// <summary>What one selector takes in: read and/or write management events, minus the excluded event sources.</summary>
    private sealed record Scope(bool Read, bool Write, IReadOnlySet<string> ExcludedSources);

    /// <summary>
    /// The management events the selectors miss, e.g. "read management events" or
    /// "write management events from kms.amazonaws.com"; empty when every read and write management event is logged.
    /// A trail with neither kind of selector logs all management events, as AWS configures a trail created without selectors.
    /// </summary>
    public static IReadOnlyList<string> Gaps(TrailEventSelectors selectors)
    {
        if (selectors.Basic.Count == 0 && selectors.Advanced.Count == 0)
        {
            return [];
        }

        var scopes = selectors.Basic.Select(FromBasic)
            .Concat(selectors.Advanced.Select(FromAdvanced))
            .OfType<Scope>()
            .ToList();

        var gaps = new List<string>();
        AddGap(gaps, "read", scopes.Where(s => s.Read).ToList());
        AddGap(gaps, "write", scopes.Where(s => s.Write).ToList());
        return gaps;
    }

    /// <summary>A short description of the coverage, for evidence.</summary>
    public static string Describe(TrailEventSelectors selectors)
    {
        var gaps = Gaps(selectors);
        return gaps.Count == 0 ? "all read and write management events" : "missing " + string.Join(", ", gaps);
    }

    private static void AddGap(List<string> gaps, string kind, IReadOnlyList<Scope> covering)
    {
        if (covering.Count == 0)
        {
            gaps.Add($"{kind} management events");
            return;
        }

        IEnumerable<string> alwaysExcluded = covering[0].ExcludedSources;
        foreach (var scope in covering.Skip(1))
        {
            alwaysExcluded = alwaysExcluded.Intersect(scope.ExcludedSources, StringComparer.OrdinalIgnoreCase);
        }

        var missing = alwaysExcluded.Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            gaps.Add($"{kind} management events from {string.Join(", ", missing)}");
        }
    }

    private static Scope? FromBasic(EventSelector selector)
    {
        if (!selector.IncludeManagementEvents)
        {
            return null;
        }

        var excluded = selector.ExcludeManagementEventSources.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return selector.ReadWriteType switch
        {
            var t when t.Equals("All", StringComparison.OrdinalIgnoreCase) => new Scope(true, true, excluded),
            var t when t.Equals("ReadOnly", StringComparison.OrdinalIgnoreCase) => new Scope(true, false, excluded),
            var t when t.Equals("WriteOnly", StringComparison.OrdinalIgnoreCase) => new Scope(false, true, excluded),
            _ => null,
        };
    }

    /// <summary>
    /// An advanced selector logs management events when its eventCategory condition admits "Management". A readOnly condition
    /// narrows it to read ("true") or write ("false") events; eventSource NotEquals excludes sources. Any other condition
    /// (eventSource Equals, prefixes or suffixes, eventName, resources.*) narrows it to a subset we do not count as full coverage.
    /// </summary>
    private static Scope? FromAdvanced(AdvancedEventSelector selector)
    {
        var hasCategory = false;
        bool read = true, write = true;
        var excluded = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        foreach (var field in selector.FieldSelectors)
        {
            switch (field.Field)
            {
                case var f when f.Equals("eventCategory", StringComparison.OrdinalIgnoreCase):
                    if (!Admits(field, "Management"))
                    {
                        return null;
                    }

                    hasCategory = true;
                    break;
                case var f when f.Equals("readOnly", StringComparison.OrdinalIgnoreCase):
                    read &= Admits(field, "true");
                    write &= Admits(field, "false");
                    break;
                case var f when f.Equals("eventSource", StringComparison.OrdinalIgnoreCase)
                                && field.EqualTo.Count == 0 && field.StartsWith.Count == 0 && field.NotStartsWith.Count == 0
                                && field.EndsWith.Count == 0 && field.NotEndsWith.Count == 0:
                    excluded.UnionWith(field.NotEquals);
                    break;
                default:
                    return null;
            }
        }

        return hasCategory && (read || write) ? new Scope(read, write, excluded) : null;
    }

    /// <summary>Whether a value satisfies every operator of one field condition.</summary>
    private static bool Admits(FieldSelector field, string value) =>
        (field.EqualTo.Count == 0 || field.EqualTo.Contains(value, StringComparer.OrdinalIgnoreCase))
        && (field.StartsWith.Count == 0 || field.StartsWith.Any(p => value.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
        && !field.NotEquals.Contains(value, StringComparer.OrdinalIgnoreCase)
        && !field.NotStartsWith.Any(p => value.StartsWith(p, StringComparison.OrdinalIgnoreCase));
}
