using Amazon.EC2;
using Amazon.EC2.Model;
using Compliance.Checker.Live;
using static Compliance.IntegrationTests.Seeding.Ec2Tags;

namespace Compliance.IntegrationTests.Seeding;

/// <summary>
/// EBS and instances in one region: an encrypted and an unencrypted volume, a private, an account-shared and a public
/// snapshot, and two t3.micro instances (private with IMDSv2 required; public address with IMDSv1 allowed).
/// Runs after <see cref="Ec2NetworkSeeder"/> (subnets) and <see cref="KmsSeeder"/> (the volume key).
/// </summary>
public static class Ec2ComputeSeeder
{
    /// <summary>A syntactically valid account that is not ours, to share a snapshot with.</summary>
    public const string OtherAccount = "111122223333";

    public static async Task SeedAsync(AwsSession session, Planted planted, string region)
    {
        var ec2 = session.Ec2(region);
        var encrypted = await VolumeAsync(ec2, planted, region, "it-pass-volume", planted.Id(region, KmsSeeder.PassKeyArn));
        var plain = await VolumeAsync(ec2, planted, region, "it-fail-volume", kmsKeyArn: null);

        await SnapshotAsync(ec2, planted, region, encrypted, "it-pass-snapshot", permission: null);
        await SnapshotAsync(ec2, planted, region, plain, "it-pass-snapshot-shared", new ModifySnapshotAttributeRequest { UserIds = [OtherAccount] });

        // The flat UserGroup.1=all form: moto ignores the structured CreateVolumePermission.Add form (and answers true).
        await SnapshotAsync(ec2, planted, region, plain, "it-fail-snapshot", new ModifySnapshotAttributeRequest { GroupNames = ["all"] });

        var image = await ImageAsync(ec2);
        await InstanceAsync(ec2, planted, region, "it-pass-instance", image, planted.Id(region, "it-pass-subnet"), publicIp: false, HttpTokensState.Required);
        await InstanceAsync(ec2, planted, region, "it-fail-instance", image, planted.Id(region, "it-fail-subnet"), publicIp: true, HttpTokensState.Optional);
    }

    private static async Task<string> VolumeAsync(IAmazonEC2 ec2, Planted planted, string region, string logical, string? kmsKeyArn)
    {
        var id = (await ec2.CreateVolumeAsync(new CreateVolumeRequest
        {
            AvailabilityZone = region + "a", Size = 1, VolumeType = VolumeType.Gp3, Encrypted = kmsKeyArn is not null, KmsKeyId = kmsKeyArn,
            TagSpecifications = Named(planted, ResourceType.Volume, logical),
        })).Volume.VolumeId;
        planted.Add(region, logical, id);
        planted.OnCleanup($"{logical} in {region}", () => ec2.DeleteVolumeAsync(new DeleteVolumeRequest { VolumeId = id }));
        await WaitAsync(async () => (await ec2.DescribeVolumesAsync(new DescribeVolumesRequest { VolumeIds = [id] })).Volumes.Single().State == VolumeState.Available);
        return id;
    }

    private static async Task SnapshotAsync(IAmazonEC2 ec2, Planted planted, string region, string volumeId, string logical, ModifySnapshotAttributeRequest? permission)
    {
        var id = (await ec2.CreateSnapshotAsync(new CreateSnapshotRequest
        {
            VolumeId = volumeId, Description = planted.NameOf(logical), TagSpecifications = Named(planted, ResourceType.Snapshot, logical),
        })).Snapshot.SnapshotId;
        planted.Add(region, logical, id);
        planted.OnCleanup($"{logical} in {region}", () => ec2.DeleteSnapshotAsync(new DeleteSnapshotRequest { SnapshotId = id }));
        await WaitAsync(async () => (await ec2.DescribeSnapshotsAsync(new DescribeSnapshotsRequest { SnapshotIds = [id] })).Snapshots.Single().State == SnapshotState.Completed);
        if (permission is not null)
        {
            permission.SnapshotId = id;
            permission.Attribute = SnapshotAttributeName.CreateVolumePermission;
            permission.OperationType = OperationType.Add;
            await ec2.ModifySnapshotAttributeAsync(permission);
        }
    }

    /// <summary>The newest Amazon Linux 2 x86_64 image the endpoint knows (moto ships one in its default AMI set).</summary>
    private static async Task<string> ImageAsync(IAmazonEC2 ec2)
    {
        var images = (await ec2.DescribeImagesAsync(new DescribeImagesRequest
        {
            Owners = ["amazon"],
            Filters = [new Filter { Name = "name", Values = ["amzn2-ami-hvm-*-x86_64-gp2"] }, new Filter { Name = "state", Values = ["available"] }],
        })).Images ?? [];
        return images.OrderByDescending(i => i.CreationDate, StringComparer.Ordinal).FirstOrDefault()?.ImageId
            ?? throw new InvalidOperationException("The endpoint offers no Amazon Linux 2 x86_64 image to launch the test instances from.");
    }

    private static async Task InstanceAsync(IAmazonEC2 ec2, Planted planted, string region, string logical, string image, string subnetId, bool publicIp, HttpTokensState tokens)
    {
        var id = (await ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = image, InstanceType = InstanceType.T3Micro, MinCount = 1, MaxCount = 1,
            NetworkInterfaces = [new InstanceNetworkInterfaceSpecification { DeviceIndex = 0, SubnetId = subnetId, AssociatePublicIpAddress = publicIp }],
            MetadataOptions = new InstanceMetadataOptionsRequest { HttpTokens = tokens, HttpEndpoint = InstanceMetadataEndpointState.Enabled },
            TagSpecifications = Named(planted, ResourceType.Instance, logical),
        })).Reservation.Instances.Single().InstanceId;
        planted.Add(region, logical, id);
        planted.OnCleanup($"{logical} in {region}", async () =>
        {
            await ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [id] });
            await WaitAsync(async () => (await ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [id] }))
                .Reservations.SelectMany(r => r.Instances).All(i => i.State.Name == InstanceStateName.Terminated));
        });
    }
}
