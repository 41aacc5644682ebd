using System.Collections.Concurrent;
using Amazon.EC2;
using Compliance.Checker.Live.Collection;
using Compliance.Rules.Inventory;
using Ec2 = Amazon.EC2.Model;

namespace Compliance.Checker.Live.Collectors;

/// <summary>
/// EBS: volumes (DescribeVolumes), the account's own snapshots (DescribeSnapshots, then DescribeSnapshotAttribute
/// createVolumePermission per snapshot: no list call returns who may restore one), and the region's encryption
/// defaults (GetEbsEncryptionByDefault, GetEbsDefaultKmsKeyId).
/// </summary>
public sealed partial class Ec2Collector
{
    private static async Task ReadVolumesAsync(IAmazonEC2 client, CollectorContext context, CancellationToken cancellationToken)
    {
        if (NothingWanted(context, ResourceTypes.Volume))
        {
            return;
        }

        var filters = IdFilter("volume-id", context.Scope.IdsFor(ResourceTypes.Volume));
        var (volumes, _) = await ListAsync(context, "DescribeVolumes", ResourceTypes.Volume,
            (token, ct) => client.DescribeVolumesAsync(new Ec2.DescribeVolumesRequest { Filters = filters, MaxResults = 1000, NextToken = token }, ct),
            page => page.Volumes, page => page.NextToken, cancellationToken);
        foreach (var volume in volumes)
        {
            context.Builder.Add(new Volume
            {
                Id = volume.VolumeId,
                Region = context.Region,
                AccountId = context.AccountId,
                Arn = Arn(context, $"volume/{volume.VolumeId}"),
                Tags = Tags(volume.Tags),
                Encrypted = volume.Encrypted ?? false,
                KmsKeyId = volume.KmsKeyId,
                State = volume.State?.Value,
                AttachedInstanceIds = (volume.Attachments ?? []).Select(a => a.InstanceId).OfType<string>().Distinct(StringComparer.Ordinal).ToList(),
            });
        }
    }

    private static async Task ReadSnapshotsAsync(IAmazonEC2 client, CollectorContext context, CancellationToken cancellationToken)
    {
        if (NothingWanted(context, ResourceTypes.Snapshot))
        {
            return;
        }

        // owner-id repeats OwnerIds=self as a filter: the same on AWS, and it keeps emulators that ignore OwnerIds
        // from returning the world's public snapshots (and a per-snapshot attribute call for each).
        var filters = (IdFilter("snapshot-id", context.Scope.IdsFor(ResourceTypes.Snapshot)) ?? [])
            .Append(new Ec2.Filter { Name = "owner-id", Values = [context.AccountId] }).ToList();
        var (snapshots, _) = await ListAsync(context, "DescribeSnapshots", ResourceTypes.Snapshot,
            (token, ct) => client.DescribeSnapshotsAsync(new Ec2.DescribeSnapshotsRequest { OwnerIds = ["self"], Filters = filters, MaxResults = 1000, NextToken = token }, ct),
            page => page.Snapshots, page => page.NextToken, cancellationToken);

        var permissions = new ConcurrentDictionary<string, IReadOnlyList<string>?>(StringComparer.Ordinal);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = SnapshotConcurrency, CancellationToken = cancellationToken };
        try
        {
            await Parallel.ForEachAsync(snapshots.Select(s => s.SnapshotId).Distinct(StringComparer.Ordinal), parallel, async (id, ct) =>
            {
                var answer = await context.CallAsync(Ec2Service, "DescribeSnapshotAttribute", ResourceTypes.Snapshot,
                    c => client.DescribeSnapshotAttributeAsync(new Ec2.DescribeSnapshotAttributeRequest { SnapshotId = id, Attribute = SnapshotAttributeName.CreateVolumePermission }, c),
                    ct, id);
                permissions[id] = answer is null ? null : CreateVolumePermissions(answer.CreateVolumePermissions);
            });
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The deadline stopped the fan-out: the snapshots not reached keep unknown permissions, and the other types stay collected.
            context.Missing(Ec2Service, "DescribeSnapshotAttribute", ResourceTypes.Snapshot, "DeadlineExceeded",
                "The scan deadline passed before every snapshot's createVolumePermission was read.");
        }

        foreach (var snapshot in snapshots)
        {
            context.Builder.Add(new EbsSnapshot
            {
                Id = snapshot.SnapshotId,
                Region = context.Region,
                AccountId = context.AccountId,
                Arn = Arn(context, $"snapshot/{snapshot.SnapshotId}", withAccount: false),
                Tags = Tags(snapshot.Tags),
                VolumeId = snapshot.VolumeId,
                Encrypted = snapshot.Encrypted ?? false,
                CreateVolumePermissions = permissions.GetValueOrDefault(snapshot.SnapshotId),
            });
        }
    }

    /// <summary>"all" for the group that makes a snapshot public, then account ids; no grants is an empty list.</summary>
    private static List<string> CreateVolumePermissions(IEnumerable<Ec2.CreateVolumePermission>? grants) =>
        (grants ?? [])
            .Select(g => g.Group?.Value is { Length: > 0 } group ? group : g.UserId)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .OrderBy(p => p == "all" ? 0 : 1).ThenBy(p => p, StringComparer.Ordinal)
            .ToList();

    private static async Task ReadRegionSettingsAsync(IAmazonEC2 client, CollectorContext context, CancellationToken cancellationToken)
    {
        const string Type = ResourceTypes.EbsEncryptionByDefault;
        var byDefault = context.CallAsync(Ec2Service, "GetEbsEncryptionByDefault", Type,
            ct => client.GetEbsEncryptionByDefaultAsync(new Ec2.GetEbsEncryptionByDefaultRequest(), ct), cancellationToken, context.AccountId);
        var defaultKey = context.CallAsync(Ec2Service, "GetEbsDefaultKmsKeyId", Type,
            ct => client.GetEbsDefaultKmsKeyIdAsync(new Ec2.GetEbsDefaultKmsKeyIdRequest(), ct), cancellationToken, context.AccountId);
        context.Builder.Add(new RegionSettings
        {
            Id = context.AccountId,
            Region = context.Region,
            AccountId = context.AccountId,
            EbsEncryptionByDefault = (await byDefault)?.EbsEncryptionByDefault,
            EbsDefaultKmsKeyId = (await defaultKey)?.KmsKeyId,
        });
    }
}
