using System.Globalization;
using Compliance.Checker.Live.Collection;
using Compliance.Rules.Inventory;
using Gd = Compliance.Checker.Live.Clients.GuardDuty;

namespace Compliance.Checker.Live.Collectors;

/// <summary>
/// Per severity band (<see cref="GuardDutySeverityBands"/>), one paginated ListFindings for the unarchived findings of
/// the band whose updatedAt is older than the band's default response time (service.archived = false, the band's
/// severity range, updatedAt &lt; now − days; oldest first). Only ids are counted: no GetFindings call, since the filter
/// already says everything the rule judges. At most <see cref="MaxPages"/> pages a band: past that the count is a lower bound.
/// updatedAt is the only time a ListFindings filter offers, so the age is the time since GuardDuty last saw the activity.
/// </summary>
internal static class GuardDutyFindingsReader
{
    /// <summary>Pages of 50 ids read per band at most (1,000 findings), so a flood of findings cannot stall the scan.</summary>
    public const int MaxPages = 20;

    /// <summary>How many ids of each band are kept for messages.</summary>
    private const int Samples = 5;

    public static async Task<IReadOnlyList<GuardDutyOverdueFindings>> ReadOverdueAsync(
        CollectorContext context, Gd.IAmazonGuardDuty client, string detectorId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await Task.WhenAll(GuardDutySeverityBands.All.Select(band => ReadBandAsync(context, client, detectorId, band, now, cancellationToken)));

    private static async Task<GuardDutyOverdueFindings> ReadBandAsync(
        CollectorContext context, Gd.IAmazonGuardDuty client, string detectorId, GuardDutySeverityBand band, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var criteria = Criteria(band, now.AddDays(-band.DefaultSlaDays));
        var ids = new List<string>();
        string? token = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var request = new Gd.ListFindingsRequest(detectorId)
            {
                FindingCriteria = criteria,
                MaxResults = 50,
                NextToken = token,
                SortCriteria = new Gd.SortCriteria("updatedAt", "ASC"),
            };
            var response = await context.CallAsync("guardduty", "ListFindings", ResourceTypes.GuardDutyDetector,
                ct => client.ListFindingsAsync(request, ct), cancellationToken, detectorId);
            if (response is null)
            {
                return new GuardDutyOverdueFindings { Band = band.Name, OlderThanDays = band.DefaultSlaDays }; // count unknown; recorded
            }

            ids.AddRange(response.FindingIds ?? []);
            token = response.NextToken;
            if (string.IsNullOrEmpty(token))
            {
                break;
            }
        }

        return new GuardDutyOverdueFindings
        {
            Band = band.Name,
            OlderThanDays = band.DefaultSlaDays,
            Count = ids.Count,
            CountIsLowerBound = !string.IsNullOrEmpty(token),
            SampleFindingIds = [.. ids.Take(Samples)],
        };
    }

    /// <summary>service.archived = false, the band's severity range, and updatedAt before the cutoff (epoch milliseconds).</summary>
    public static Gd.FindingCriteria Criteria(GuardDutySeverityBand band, DateTimeOffset cutoff)
    {
        var criterion = new Dictionary<string, Gd.Condition>(StringComparer.Ordinal)
        {
            ["service.archived"] = new() { Eq = ["false"] },
            ["severity"] = new() { Gte = Whole(band.MinSeverity), Lt = Whole(band.BelowSeverity) },
            ["updatedAt"] = new() { Lt = cutoff.ToUnixTimeMilliseconds() },
        };
        return new Gd.FindingCriteria(criterion);
    }

    /// <summary>Band bounds are whole severities (4, 7); the API's numeric conditions take longs.</summary>
    private static long? Whole(double? bound) => bound is { } b
        ? (b == Math.Floor(b) ? (long)b : throw new ArgumentException($"Severity bound {b.ToString(CultureInfo.InvariantCulture)} is not whole.", nameof(bound)))
        : null;
}
