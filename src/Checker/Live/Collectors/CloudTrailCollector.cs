using Compliance.Checker.Live.Collection;
using Compliance.Rules.Inventory;
using Ct = Compliance.Checker.Live.Clients.CloudTrail;

namespace Compliance.Checker.Live.Collectors;

/// <summary>
/// Trails: DescribeTrails once per Region, then GetTrailStatus and GetEventSelectors per trail (by ARN, which also
/// works for an organization trail seen from a member account). Each trail is collected once, in its home Region;
/// a trail whose home Region is not scanned is collected in the first scanned Region that sees it (its multi-Region
/// or organization copy there), with the per-trail calls made to its home Region.
/// </summary>
public sealed class CloudTrailCollector : ICollector
{
    private const int Concurrency = 8;

    public string Service => "cloudtrail";
    public IReadOnlyList<string> Produces { get; } = [ResourceTypes.Trail];
    public bool IsGlobal => false;
    public IReadOnlyDictionary<string, string> Permissions { get; } = new Dictionary<string, string>
    {
        ["cloudtrail:DescribeTrails"] = "cloudtrail:DescribeTrails",
        ["cloudtrail:GetTrailStatus"] = "cloudtrail:GetTrailStatus",
        ["cloudtrail:GetEventSelectors"] = "cloudtrail:GetEventSelectors",
    };

    public async Task CollectAsync(CollectorContext context, CancellationToken cancellationToken)
    {
        if (!context.Scope.Wants(ResourceTypes.Trail))
        {
            return;
        }

        var client = Ct.CloudTrailClient.For(context.Session, context.Region);

        // Shadow trails stay in: without them DescribeTrails leaves out organization trails in a member account.
        var described = await context.CallAsync("cloudtrail", "DescribeTrails", ResourceTypes.Trail,
            ct => client.DescribeTrailsAsync(new Ct.DescribeTrailsRequest { IncludeShadowTrails = true }, ct), cancellationToken);
        if (described is null)
        {
            return;
        }

        var wanted = context.Scope.IdsFor(ResourceTypes.Trail)?.ToHashSet(StringComparer.Ordinal);
        var trails = described.TrailList
            .Where(t => t.Name is { Length: > 0 } && CollectedHere(context, t.HomeRegion ?? context.Region))
            .Where(t => wanted is null || wanted.Contains(t.Name!) || (t.TrailARN is { } arn && wanted.Contains(arn)))
            .DistinctBy(t => t.TrailARN ?? t.Name)
            .ToList();

        using var gate = new SemaphoreSlim(Concurrency);
        var records = await Task.WhenAll(trails.Select(async trail =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                return await ReadAsync(context, client, trail, cancellationToken);
            }
            finally
            {
                gate.Release();
            }
        }));

        foreach (var record in records)
        {
            context.Builder.Add(record);
        }
    }

    /// <summary>In its home Region when that is scanned, else in the first scanned Region.</summary>
    private static bool CollectedHere(CollectorContext context, string homeRegion) =>
        homeRegion == context.Region || (!context.Regions.Contains(homeRegion) && context.Regions.Count > 0 && context.Regions[0] == context.Region);

    private static async Task<Trail> ReadAsync(CollectorContext context, Ct.IAmazonCloudTrail regional, Ct.Trail trail, CancellationToken cancellationToken)
    {
        var name = trail.Name!;
        var home = trail.HomeRegion ?? context.Region;
        var client = home == context.Region ? regional : Ct.CloudTrailClient.For(context.Session, home);
        var id = trail.TrailARN ?? name;

        var status = await context.CallAsync("cloudtrail", "GetTrailStatus", ResourceTypes.Trail,
            ct => client.GetTrailStatusAsync(new Ct.GetTrailStatusRequest(id), ct), cancellationToken, name);
        var selectors = await context.CallAsync("cloudtrail", "GetEventSelectors", ResourceTypes.Trail,
            ct => client.GetEventSelectorsAsync(new Ct.GetEventSelectorsRequest(id), ct), cancellationToken, name);

        return new Trail
        {
            Id = name,
            Region = home,
            AccountId = OwnerOf(trail.TrailARN) ?? context.AccountId,
            Arn = trail.TrailARN,
            TagsUnknown = true, // DescribeTrails returns no tags, and ListTags is not called
            IsMultiRegionTrail = trail.IsMultiRegionTrail ?? false,
            IncludeGlobalServiceEvents = trail.IncludeGlobalServiceEvents ?? false,
            IsOrganizationTrail = trail.IsOrganizationTrail ?? false,
            LogFileValidationEnabled = trail.LogFileValidationEnabled ?? false,
            KmsKeyId = NullIfEmpty(trail.KmsKeyId),
            S3BucketName = NullIfEmpty(trail.S3BucketName),
            CloudWatchLogsLogGroupArn = NullIfEmpty(trail.CloudWatchLogsLogGroupArn),
            IsLogging = status?.IsLogging,
            EventSelectors = selectors is null ? null : TrailSelectorMapping.Map(selectors),
        };
    }

    /// <summary>The account in arn:aws:cloudtrail:region:account:trail/name (an organization trail's is the management account).</summary>
    private static string? OwnerOf(string? arn) =>
        arn?.Split(':') is { Length: >= 6 } parts && parts[4] is { Length: > 0 } account ? account : null;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
