using System.Text.Json.Serialization;

namespace Compliance.Rules.Inventory;

/// <summary>S3 Block Public Access settings. "No configuration" is all four false.</summary>
public sealed record PublicAccessBlock(bool BlockPublicAcls, bool IgnorePublicAcls, bool BlockPublicPolicy, bool RestrictPublicBuckets)
{
    /// <summary>What AWS applies when no configuration exists.</summary>
    public static PublicAccessBlock None { get; } = new(false, false, false, false);

    /// <summary>All four settings true.</summary>
    [JsonIgnore]
    public bool AllBlocked => BlockPublicAcls && IgnorePublicAcls && BlockPublicPolicy && RestrictPublicBuckets;

    /// <summary>The names of the settings that are false.</summary>
    public IReadOnlyList<string> Disabled() =>
        new (string Name, bool Value)[]
        {
            (nameof(BlockPublicAcls), BlockPublicAcls), (nameof(IgnorePublicAcls), IgnorePublicAcls),
            (nameof(BlockPublicPolicy), BlockPublicPolicy), (nameof(RestrictPublicBuckets), RestrictPublicBuckets),
        }.Where(s => !s.Value).Select(s => s.Name).ToList();
}

/// <summary>The account-level S3 Block Public Access (S3 Control GetPublicAccessBlock).</summary>
public sealed record AccountPublicAccessBlock : AwsResource
{
    public override string ResourceType => ResourceTypes.AccountPublicAccessBlock;

    /// <summary>The settings; <see cref="PublicAccessBlock.None"/> when none exist; null when unknown.</summary>
    public PublicAccessBlock? Settings { get; init; }
}
