using Compliance.Rules.Inventory;
using Ct = Compliance.Checker.Live.Clients.CloudTrail;

namespace Compliance.Checker.Live.Collectors;

/// <summary>GetEventSelectors → the inventory's selectors. Absent members take AWS's documented defaults.</summary>
internal static class TrailSelectorMapping
{
    public static TrailEventSelectors Map(Ct.GetEventSelectorsResponse response) => new()
    {
        Basic = response.EventSelectors.Select(s =>
            new EventSelector(s.ReadWriteType is { Length: > 0 } type ? type : "All", s.IncludeManagementEvents ?? true)
            {
                DataResources = (s.DataResources ?? []).Select(d => new DataResource(d.Type ?? "", d.Values ?? [])).ToList(),
                ExcludeManagementEventSources = s.ExcludeManagementEventSources ?? [],
            }).ToList(),
        Advanced = response.AdvancedEventSelectors.Select(a =>
            new AdvancedEventSelector(a.Name, (a.FieldSelectors ?? []).Where(f => f.Field is { Length: > 0 }).Select(f => new FieldSelector
            {
                Field = f.Field!,
                EqualTo = f.Equals ?? [],
                NotEquals = f.NotEquals ?? [],
                StartsWith = f.StartsWith ?? [],
                NotStartsWith = f.NotStartsWith ?? [],
                EndsWith = f.EndsWith ?? [],
                NotEndsWith = f.NotEndsWith ?? [],
            }).ToList())).ToList(),
    };
}
