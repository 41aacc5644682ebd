using Compliance.Rules;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Live.Collection;

/// <summary>
/// What to collect: resource types, and optionally only some resources of a type (a targeted scan of one security
/// group collects that group and nothing else).
/// </summary>
public sealed record CollectionScope
{
    /// <summary>Types rules name that have no record of their own: they are read from the record that carries them.</summary>
    private static readonly IReadOnlyDictionary<string, string> CarriedBy = new Dictionary<string, string>
    {
        [ResourceTypes.BucketPolicy] = ResourceTypes.Bucket,
        [ResourceTypes.SnsTopicPolicy] = ResourceTypes.SnsTopic,
        [ResourceTypes.SecretRotationSchedule] = ResourceTypes.Secret,
        [ResourceTypes.NetworkAclEntry] = ResourceTypes.NetworkAcl,
        [ResourceTypes.WafWebAclAssociation] = ResourceTypes.ApiGatewayStage,
        [ResourceTypes.ConformancePack] = ResourceTypes.ConfigRule, // a pack's rules are Config rules (CreatedBy config-conforms)
        // A plan's effect is what AWS Backup has protected, read with the vaults (ListProtectedResources).
        [ResourceTypes.BackupPlan] = ResourceTypes.BackupVault,
        [ResourceTypes.LambdaPermission] = ResourceTypes.LambdaFunction,
        [ResourceTypes.LambdaUrl] = ResourceTypes.LambdaFunction,
        [ResourceTypes.EventsEventBusPolicy] = ResourceTypes.EventsEventBus,
    };

    public required IReadOnlySet<string> Types { get; init; }

    /// <summary>Resource ids to collect, by type; a type not listed is collected whole.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ResourceIds { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Every type the inventory model knows.</summary>
    public static CollectionScope Everything { get; } = new()
    {
        Types = typeof(ResourceTypes).GetFields().Select(f => (string)f.GetRawConstantValue()!)
            .Select(t => CarriedBy.GetValueOrDefault(t, t)).ToHashSet(),
    };

    /// <summary>Only the types the given rules read (for targeted scans; full scans collect everything).</summary>
    public static CollectionScope ForRules(IEnumerable<IComplianceRule> rules) => new()
    {
        Types = rules.SelectMany(r => r.Descriptor.ResourceTypes).Select(t => CarriedBy.GetValueOrDefault(t, t)).ToHashSet(),
    };

    /// <summary>Only the named resources of one type, and only the types the given rules read.</summary>
    public static CollectionScope ForResources(IEnumerable<IComplianceRule> rules, string resourceType, IReadOnlyList<string> ids) =>
        ForRules(rules) with { ResourceIds = new Dictionary<string, IReadOnlyList<string>> { [resourceType] = ids } };

    public bool Wants(string resourceType) => Types.Contains(resourceType);

    /// <summary>The ids to collect of a type, or null for all of them.</summary>
    public IReadOnlyList<string>? IdsFor(string resourceType) => ResourceIds.GetValueOrDefault(resourceType);
}
