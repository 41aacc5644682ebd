namespace Compliance.Rules.Inventory;

/// <summary>A GuardDuty detector (ListDetectors, GetDetector, GetAdministratorAccount). A region has at most one.</summary>
public sealed record GuardDutyDetector : AwsResource
{
    public override string ResourceType => ResourceTypes.GuardDutyDetector;

    /// <summary>ENABLED or DISABLED; null when GetDetector failed.</summary>
    public string? Status { get; init; }

    /// <summary>The delegated administrator account managing this detector; empty when it is standalone; null when unknown.</summary>
    public string? AdministratorAccountId { get; init; }

    /// <summary>Protection plans by name (S3_DATA_EVENTS, LAMBDA_NETWORK_LOGS, ...) → ENABLED or DISABLED.</summary>
    public IReadOnlyDictionary<string, string> Features { get; init; } = new Dictionary<string, string>();
}
