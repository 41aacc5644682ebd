namespace Compliance.Rules.Inventory;

/// <summary>A GuardDuty detector (ListDetectors, GetDetector, GetAdministratorAccount, ListFindings). A region has at most one.</summary>
public sealed record GuardDutyDetector : AwsResource
{
    public override string ResourceType => ResourceTypes.GuardDutyDetector;

    /// <summary>ENABLED or DISABLED; null when GetDetector failed.</summary>
    public string? Status { get; init; }

    /// <summary>The delegated administrator account managing this detector; empty when it is standalone; null when unknown.</summary>
    public string? AdministratorAccountId { get; init; }

    /// <summary>
    /// Protection plans by name (S3_DATA_EVENTS, LAMBDA_NETWORK_LOGS, ...) → ENABLED or DISABLED, as GetDetector's
    /// Features list them; S3_DATA_EVENTS comes from the older DataSources.S3Logs when Features does not name it. Empty
    /// when GetDetector failed (then <see cref="Status"/> is null too).
    /// </summary>
    public IReadOnlyDictionary<string, string> Features { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Unarchived findings not updated for a band's age cutoff, one entry per severity band
    /// (<see cref="GuardDutySeverityBands"/>); null when they were not read at all.
    /// </summary>
    public IReadOnlyList<GuardDutyOverdueFindings>? OverdueFindings { get; init; }
}

/// <summary>
/// The unarchived findings of one severity band whose last update is at least <see cref="OlderThanDays"/> days old
/// (ListFindings with service.archived = false, the band's severity range, and updatedAt before the cutoff).
/// </summary>
public sealed record GuardDutyOverdueFindings
{
    /// <summary>High, Medium or Low (<see cref="GuardDutySeverityBands"/>).</summary>
    public required string Band { get; init; }

    /// <summary>The age cutoff the listing used, in days.</summary>
    public required int OlderThanDays { get; init; }

    /// <summary>How many such findings were listed; null when the listing failed.</summary>
    public int? Count { get; init; }

    /// <summary>True when the listing stopped at its page cap, so <see cref="Count"/> is a lower bound.</summary>
    public bool CountIsLowerBound { get; init; }

    /// <summary>Some of the finding ids, the least recently updated first.</summary>
    public IReadOnlyList<string> SampleFindingIds { get; init; } = [];
}

/// <summary>A GuardDuty severity band: findings with MinSeverity ≤ severity &lt; BelowSeverity (either bound may be open).</summary>
/// <param name="Name">High, Medium or Low.</param>
/// <param name="MinSeverity">The lowest severity of the band, inclusive; null for no lower bound.</param>
/// <param name="BelowSeverity">The severity the band stays under, exclusive; null for no upper bound.</param>
/// <param name="DefaultSlaDays">How many days a finding of the band may stay unarchived by default.</param>
public sealed record GuardDutySeverityBand(string Name, double? MinSeverity, double? BelowSeverity, int DefaultSlaDays);

/// <summary>
/// GuardDuty's severity levels as bands: High 7.0 and above (which includes Critical, 9.0–10.0), Medium 4.0–6.9,
/// Low below 4.0; with the response times the AWS Config rule GUARDDUTY_NON_ARCHIVED_FINDINGS uses by default
/// (1, 7 and 30 days).
/// </summary>
public static class GuardDutySeverityBands
{
    public static GuardDutySeverityBand High { get; } = new("High", 7.0, null, 1);
    public static GuardDutySeverityBand Medium { get; } = new("Medium", 4.0, 7.0, 7);
    public static GuardDutySeverityBand Low { get; } = new("Low", null, 4.0, 30);

    /// <summary>High, Medium, Low.</summary>
    public static IReadOnlyList<GuardDutySeverityBand> All { get; } = [High, Medium, Low];
}
