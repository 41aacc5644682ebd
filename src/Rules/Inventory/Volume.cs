namespace Compliance.Rules.Inventory;

/// <summary>An EBS volume (DescribeVolumes).</summary>
public sealed record Volume : AwsResource
{
    public override string ResourceType => ResourceTypes.Volume;

    public required bool Encrypted { get; init; }
    public string? KmsKeyId { get; init; }

    /// <summary>available, in-use, ...</summary>
    public string? State { get; init; }

    /// <summary>The instances the volume is attached to.</summary>
    public IReadOnlyList<string> AttachedInstanceIds { get; init; } = [];
}
