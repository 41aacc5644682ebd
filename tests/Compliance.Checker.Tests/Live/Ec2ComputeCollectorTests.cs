using Compliance.Checker.Live.Collection;
using Compliance.Checker.Live.Collectors;
using Compliance.Rules.Inventory;
using static Compliance.Checker.Tests.Live.Ec2ComputeResponses;
using static Compliance.Checker.Tests.Live.Ec2NetworkResponses;

namespace Compliance.Checker.Tests.Live;

public sealed class Ec2ComputeCollectorTests
{
    private const string Denied = "You are not authorized to perform this operation.";

    private static FakeAws Snapshot(FakeAws aws, string id, Func<FakeRequest, HttpResponseMessage> reply) =>
        aws.On(r => r.Service == "ec2" && r.Operation == "DescribeSnapshotAttribute" && r.Param("SnapshotId") == id, reply);

    private static FakeAws Ebs(Func<FakeRequest, HttpResponseMessage>? defaultKey = null)
    {
        var aws = new FakeAws()
            .On("ec2", "DescribeVolumes", Reply("DescribeVolumes", Volumes))
            .On("ec2", "DescribeSnapshots", Reply("DescribeSnapshots", Ec2ComputeResponses.Snapshots))
            .On("ec2", "GetEbsEncryptionByDefault", Reply("GetEbsEncryptionByDefault", "<ebsEncryptionByDefault>true</ebsEncryptionByDefault><sseType>sse-ebs</sseType>"))
            .On("ec2", "GetEbsDefaultKmsKeyId", defaultKey ?? Reply("GetEbsDefaultKmsKeyId", "<kmsKeyId>alias/aws/ebs</kmsKeyId>"));
        Snapshot(aws, "snap-1234567890abcdef0", Reply("DescribeSnapshotAttribute", SnapshotAttribute("snap-1234567890abcdef0", "")));
        Snapshot(aws, "snap-066877671789bd71b", Reply("DescribeSnapshotAttribute",
            SnapshotAttribute("snap-066877671789bd71b", "<item><userId>111122223333</userId></item><item><group>all</group></item>")));
        return Snapshot(aws, "snap-0a1b2c3d4e5f67890", Error("UnauthorizedOperation", Denied));
    }

    [Fact]
    public async Task Volumes_snapshots_and_region_settings_map_every_field()
    {
        var aws = Ebs(defaultKey: Error("UnauthorizedOperation", Denied));

        var inventory = await CollectorHarness.Collect(new Ec2Collector(), aws,
            scope: Only(ResourceTypes.Volume, ResourceTypes.Snapshot, ResourceTypes.EbsEncryptionByDefault));

        var root = inventory.Volumes.Single(v => v.Id == "vol-049df61146c4d7901");
        Assert.Equal((true, "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab", "in-use", "root"), (root.Encrypted, root.KmsKeyId, root.State, root.Tag("Name")));
        Assert.Equal(["i-1234567890abcdef0"], root.AttachedInstanceIds);
        Assert.Equal("arn:aws:ec2:eu-west-1:123456789012:volume/vol-049df61146c4d7901", root.Arn);
        var spare = inventory.Volumes.Single(v => v.Id == "vol-1234567890abcdef0");
        Assert.Equal((false, null, "available", 0), (spare.Encrypted, spare.KmsKeyId, spare.State, spare.AttachedInstanceIds.Count));

        var daily = inventory.Snapshots.Single(s => s.Id == "snap-1234567890abcdef0");
        Assert.Equal(("vol-049df61146c4d7901", true, "daily", "arn:aws:ec2:eu-west-1::snapshot/snap-1234567890abcdef0"), (daily.VolumeId, daily.Encrypted, daily.Tag("Backup"), daily.Arn));
        Assert.Empty(daily.CreateVolumePermissions!); // known: private
        Assert.Equal(["all", "111122223333"], inventory.Snapshots.Single(s => s.Id == "snap-066877671789bd71b").CreateVolumePermissions);
        Assert.Null(inventory.Snapshots.Single(s => s.Id == "snap-0a1b2c3d4e5f67890").CreateVolumePermissions); // unknown
        Assert.All(aws.Calls("ec2", "DescribeSnapshots"), c => Assert.Equal("self", c.Param("Owner.1")));
        Assert.All(aws.Calls("ec2", "DescribeSnapshots"), c => Assert.Equal(("owner-id", CollectorHarness.Account), (c.Param("Filter.1.Name"), c.Param("Filter.1.Value.1"))));
        Assert.All(aws.Calls("ec2", "DescribeSnapshotAttribute"), c => Assert.Equal("createVolumePermission", c.Param("Attribute")));

        var settings = Assert.Single(inventory.RegionSettings);
        Assert.Equal(("123456789012", "eu-west-1", true, null), (settings.Id, settings.Region, settings.EbsEncryptionByDefault, settings.EbsDefaultKmsKeyId));

        Assert.Equal(
            [("GetEbsDefaultKmsKeyId", "123456789012", ResourceTypes.EbsEncryptionByDefault), ("DescribeSnapshotAttribute", "snap-0a1b2c3d4e5f67890", ResourceTypes.Snapshot)],
            inventory.CollectionErrors.Select(e => (e.Operation, e.ResourceId!, e.ResourceType)).OrderByDescending(e => e.Operation));
    }

    [Fact]
    public async Task Instances_from_every_page_skip_terminated_ones_and_keep_unknown_imds_unknown()
    {
        var aws = new FakeAws().On("ec2", "DescribeInstances", Reply("DescribeInstances", InstancesPageOne), Reply("DescribeInstances", InstancesPageTwo));

        var inventory = await CollectorHarness.Collect(new Ec2Collector(), aws, scope: Only(ResourceTypes.Instance));

        Assert.Equal(["i-0b22a22eec53b9321", "i-0c33b33ffd64c0432", "i-1234567890abcdef0"], inventory.Instances.Select(i => i.Id));
        var web = inventory.Instances.Single(i => i.Id == "i-1234567890abcdef0");
        Assert.Equal(("running", "vpc-0a60eb65b4EXAMPLE", "subnet-0bb1c79de3EXAMPLE", "54.194.252.215", new InstanceMetadataOptions("required", "enabled"), "web-1"),
            (web.State, web.VpcId, web.SubnetId, web.PublicIpAddress, web.MetadataOptions, web.Tag("Name")));
        Assert.Equal("arn:aws:ec2:eu-west-1:123456789012:instance/i-1234567890abcdef0", web.Arn);
        var stopped = inventory.Instances.Single(i => i.Id == "i-0b22a22eec53b9321");
        Assert.Equal(("stopped", "", new InstanceMetadataOptions("optional", "enabled")), (stopped.State, stopped.PublicIpAddress, stopped.MetadataOptions));
        Assert.Null(inventory.Instances.Single(i => i.Id == "i-0c33b33ffd64c0432").MetadataOptions);

        var calls = aws.Calls("ec2", "DescribeInstances");
        Assert.Equal(2, calls.Count);
        Assert.Equal("eyJ2IjoiMSIsInMiOjF9", calls[1].Param("NextToken"));
        Assert.Empty(inventory.CollectionErrors);
    }

    [Fact]
    public async Task A_full_scan_costs_one_call_per_list_page_two_ebs_getters_and_one_attribute_call_per_snapshot()
    {
        var aws = Ebs()
            .On("ec2", "DescribeVpcs", Reply("DescribeVpcs", Vpcs))
            .On("ec2", "DescribeSubnets", Reply("DescribeSubnets", Subnets))
            .On("ec2", "DescribeRouteTables", Reply("DescribeRouteTables", RouteTables))
            .On("ec2", "DescribeNetworkAcls", Reply("DescribeNetworkAcls", NetworkAcls))
            .On("ec2", "DescribeFlowLogs", Reply("DescribeFlowLogs", FlowLogs))
            .On("ec2", "DescribeVpcEndpoints", Reply("DescribeVpcEndpoints", VpcEndpoints))
            .On("ec2", "DescribeSecurityGroups", Reply("DescribeSecurityGroups", WebGroupOfPageTwo))
            .On("ec2", "DescribeSecurityGroupRules", Reply("DescribeSecurityGroupRules", RulesPageTwo))
            .On("ec2", "DescribeInstances", Reply("DescribeInstances", InstancesPageTwo))
            .On("ec2", "DescribeVpcBlockPublicAccessOptions", Reply("DescribeVpcBlockPublicAccessOptions", Ec2BlockPublicAccessCollectorTests.Options))
            .On("ec2", "DescribeVpcBlockPublicAccessExclusions", Reply("DescribeVpcBlockPublicAccessExclusions", "<vpcBlockPublicAccessExclusionSet/>"));

        var inventory = await CollectorHarness.Collect(new Ec2Collector(), aws);

        Assert.Equal((2, 2, 1, 2, 1, 2, 4, 2, 3, 2, 1),
            (inventory.Vpcs.Count, inventory.Subnets.Count, inventory.RouteTables.Count, inventory.SecurityGroups.Count, inventory.NetworkAcls.Count,
             inventory.FlowLogs.Count, inventory.VpcEndpoints.Count, inventory.Volumes.Count, inventory.Snapshots.Count, inventory.Instances.Count, inventory.RegionSettings.Count));
        Assert.Single(inventory.VpcBlockPublicAccessOptions);
        Assert.Equal(13 + 2 + 3, aws.Requests.Count);
        Assert.Equal(3, aws.Calls("ec2", "DescribeSnapshotAttribute").Count);
        Assert.All(aws.Requests.GroupBy(r => r.Operation).Where(g => g.Key != "DescribeSnapshotAttribute"), g => Assert.Single(g));
        Assert.All(aws.Requests, r => Assert.Equal(("ec2", "eu-west-1"), (r.Service, r.Region)));
    }

    [Fact]
    public async Task The_deadline_during_the_snapshot_fan_out_keeps_the_snapshots_with_unknown_permissions()
    {
        using var deadline = new CancellationTokenSource();
        var aws = new FakeAws()
            .On("ec2", "DescribeSnapshots", Reply("DescribeSnapshots", Ec2ComputeResponses.Snapshots))
            .On("ec2", "DescribeSnapshotAttribute", r =>
            {
                deadline.Cancel();
                return Reply("DescribeSnapshotAttribute", SnapshotAttribute(r.Param("SnapshotId")!, ""))(r);
            });
        using var session = aws.Session();
        var builder = new InventoryBuilder();
        var context = new CollectorContext
        {
            Session = session, Region = "eu-west-1", Regions = ["eu-west-1"], AccountId = CollectorHarness.Account,
            Scope = Only(ResourceTypes.Snapshot), Builder = builder, Permissions = new Ec2Collector().Permissions,
        };

        await new Ec2Collector().CollectAsync(context, deadline.Token); // no exception escapes

        var inventory = builder.Build([CollectorHarness.Account], ["eu-west-1"]);
        Assert.Equal(3, inventory.Snapshots.Count);
        Assert.Contains(inventory.Snapshots, s => s.CreateVolumePermissions is null);
        Assert.Contains(inventory.CollectionErrors, e => e.ErrorCode == "DeadlineExceeded" && e.ResourceType == ResourceTypes.Snapshot);
    }
}
