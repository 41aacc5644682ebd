namespace Compliance.Rules.Inventory;

/// <summary>An IAM Access Analyzer analyzer of one region (ListAnalyzers). Id is the analyzer name.</summary>
public sealed record AccessAnalyzer : AwsResource
{
    /// <summary>The analyzer types that report external access (the others report unused or internal access).</summary>
    public static IReadOnlySet<string> ExternalAccessTypes { get; } = new HashSet<string>(StringComparer.Ordinal) { "ACCOUNT", "ORGANIZATION" };

    public override string ResourceType => ResourceTypes.AccessAnalyzer;

    /// <summary>ACCOUNT, ORGANIZATION, ACCOUNT_UNUSED_ACCESS, ORGANIZATION_UNUSED_ACCESS, ACCOUNT_INTERNAL_ACCESS, ...; null when unknown.</summary>
    public string? Type { get; init; }

    /// <summary>ACTIVE, CREATING, DISABLED or FAILED; null when unknown.</summary>
    public string? Status { get; init; }
}
