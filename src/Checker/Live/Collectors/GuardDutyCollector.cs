using Amazon;
using Compliance.Checker.Live.Collection;
using Compliance.Rules.Inventory;
using Gd = Compliance.Checker.Live.Clients.GuardDuty;

namespace Compliance.Checker.Live.Collectors;

/// <summary>
/// GuardDuty detectors: ListDetectors (paginated; a region has at most one), then per detector GetDetector (status,
/// protection plans, tags), GetAdministratorAccount (the managing account) and, per severity band, ListFindings for the
/// unarchived findings not updated within the band's default response time (<see cref="GuardDutyFindingsReader"/>).
/// A region without a detector yields no record, which the rules read as "not enabled".
/// </summary>
public sealed class GuardDutyCollector : ICollector
{
    public string Service => "guardduty";
    public IReadOnlyList<string> Produces { get; } = [ResourceTypes.GuardDutyDetector];
    public bool IsGlobal => false;
    public IReadOnlyDictionary<string, string> Permissions { get; } = new Dictionary<string, string>
    {
        ["guardduty:ListDetectors"] = "guardduty:ListDetectors",
        ["guardduty:GetDetector"] = "guardduty:GetDetector",
        ["guardduty:GetAdministratorAccount"] = "guardduty:GetAdministratorAccount",
        ["guardduty:ListFindings"] = "guardduty:ListFindings",
    };

    public async Task CollectAsync(CollectorContext context, CancellationToken cancellationToken)
    {
        if (!context.Scope.Wants(ResourceTypes.GuardDutyDetector))
        {
            return;
        }

        var client = Gd.GuardDutyClient.For(context.Session, context.Region);
        var wanted = context.Scope.IdsFor(ResourceTypes.GuardDutyDetector)?.ToHashSet(StringComparer.Ordinal);
        var ids = new List<string>();
        string? token = null;
        do
        {
            var page = await context.CallAsync("guardduty", "ListDetectors", ResourceTypes.GuardDutyDetector,
                ct => client.ListDetectorsAsync(new Gd.ListDetectorsRequest { MaxResults = 50, NextToken = token }, ct), cancellationToken);
            if (page is null)
            {
                break; // recorded as a collection error; detectors listed so far are still read
            }

            ids.AddRange(page.DetectorIds ?? []);
            token = page.NextToken;
        }
        while (!string.IsNullOrEmpty(token));

        foreach (var id in ids.Distinct(StringComparer.Ordinal).Where(id => wanted is null || wanted.Contains(id)))
        {
            await ReadDetectorAsync(context, client, id, cancellationToken);
        }
    }

    private static async Task ReadDetectorAsync(CollectorContext context, Gd.IAmazonGuardDuty client, string id, CancellationToken cancellationToken)
    {
        var detectorTask = context.CallAsync("guardduty", "GetDetector", ResourceTypes.GuardDutyDetector,
            ct => client.GetDetectorAsync(new Gd.GetDetectorRequest(id), ct), cancellationToken, id);
        var administratorTask = context.CallAsync("guardduty", "GetAdministratorAccount", ResourceTypes.GuardDutyDetector,
            ct => client.GetAdministratorAccountAsync(new Gd.GetAdministratorAccountRequest(id), ct), cancellationToken, id);
        var overdueTask = GuardDutyFindingsReader.ReadOverdueAsync(context, client, id, DateTimeOffset.UtcNow, cancellationToken);
        var detector = await detectorTask;
        var administrator = await administratorTask;

        context.Builder.Add(new GuardDutyDetector
        {
            Id = id,
            Region = context.Region,
            AccountId = context.AccountId,
            Arn = $"arn:{RegionEndpoint.GetBySystemName(context.Region).PartitionName}:guardduty:{context.Region}:{context.AccountId}:detector/{id}",
            Tags = detector?.Tags ?? new Dictionary<string, string>(),
            TagsUnknown = detector is null,
            Status = detector?.Status,
            Features = detector is null ? new Dictionary<string, string>() : Features(detector),
            AdministratorAccountId = administrator is null ? null : administrator.Administrator?.AccountId ?? "",
            OverdueFindings = await overdueTask,
        });
    }

    /// <summary>The Features list by name; S3 Protection from the older DataSources.S3Logs when Features does not name it.</summary>
    private static Dictionary<string, string> Features(Gd.GetDetectorResponse detector)
    {
        var features = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var feature in detector.Features ?? [])
        {
            if (feature is { Name: { } name, Status: { } status })
            {
                features[name] = status;
            }
        }

        if (!features.ContainsKey("S3_DATA_EVENTS") && detector.DataSources?.S3Logs?.Status is { } s3)
        {
            features["S3_DATA_EVENTS"] = s3;
        }

        return features;
    }
}
