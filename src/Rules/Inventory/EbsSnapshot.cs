namespace Compliance.Rules.Inventory;

/// <summary>An EBS snapshot owned by the account (DescribeSnapshots, DescribeSnapshotAttribute createVolumePermission).</summary>
public sealed record EbsSnapshot : AwsResource
{
    public override string ResourceType => ResourceTypes.Snapshot;

    public string? VolumeId { get; init; }
    public bool Encrypted { get; init; }

    /// <summary>
    /// The createVolumePermission grants: "all" (the group that makes it public) and account ids.
    /// Null when the attribute could not be read.
    /// </summary>
    public IReadOnlyList<string>? CreateVolumePermissions { get; init; }
}
