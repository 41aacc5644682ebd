using Amazon.EC2;
using Amazon.EC2.Model;
using Compliance.Checker.Live;
using static Compliance.IntegrationTests.Seeding.Ec2Tags;

namespace Compliance.IntegrationTests.Seeding;

/// <summary>
/// Networks in one region: a compliant VPC (all-traffic flow log to the KMS-encrypted it-pass-loggroup, closed default
/// security group) and a failing one (REJECT-only flow log, default group untouched), two subnets, three network ACLs
/// and two S3 gateway endpoints. Security groups are in <see cref="SecurityGroupSeeder"/>.
/// Runs after <see cref="ServicesSeeder"/>, whose log group the flow logs deliver to.
/// </summary>
public static class Ec2NetworkSeeder
{
    private static readonly string[] TestNets = ["192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24"];

    public static async Task SeedAsync(AwsSession session, Planted planted, string region)
    {
        var ec2 = session.Ec2(region);
        var passVpc = await VpcAsync(ec2, planted, region, "it-pass-vpc", "10.0.0.0/16");
        var failVpc = await VpcAsync(ec2, planted, region, "it-fail-vpc", "10.1.0.0/16");
        await DefaultGroupAsync(ec2, planted, region, passVpc, "it-pass-default-sg", close: true);
        await DefaultGroupAsync(ec2, planted, region, failVpc, "it-fail-default-sg", close: false);

        // ACLs before subnets, so that undoing (last in, first out) deletes the subnets, and with them the associations, first.
        var passAcl = await AclAsync(ec2, planted, region, passVpc, "it-pass-nacl");
        foreach (var egress in new[] { false, true })
        {
            for (var i = 0; i < TestNets.Length; i++)
            {
                await EntryAsync(ec2, passAcl, 10 + i, egress, "-1", RuleAction.Deny, TestNets[i], null);
            }
        }

        await EntryAsync(ec2, passAcl, 100, false, "6", RuleAction.Deny, "0.0.0.0/0", 22);
        await EntryAsync(ec2, passAcl, 110, false, "6", RuleAction.Deny, "0.0.0.0/0", 3389);
        await EntryAsync(ec2, passAcl, 200, false, "6", RuleAction.Allow, "0.0.0.0/0", 443);
        var failAcl = await AclAsync(ec2, planted, region, passVpc, "it-fail-nacl");
        await EntryAsync(ec2, failAcl, 100, false, "6", RuleAction.Allow, "0.0.0.0/0", 22);
        await AclAsync(ec2, planted, region, passVpc, "it-fail-nacl-unused");

        var passSubnet = await SubnetAsync(ec2, planted, region, passVpc, "it-pass-subnet", "10.0.1.0/24");
        var failSubnet = await SubnetAsync(ec2, planted, region, passVpc, "it-fail-subnet", "10.0.2.0/24");
        await ec2.ModifySubnetAttributeAsync(new ModifySubnetAttributeRequest { SubnetId = failSubnet, MapPublicIpOnLaunch = true });
        await AssociateAsync(ec2, passAcl, passSubnet);
        await AssociateAsync(ec2, failAcl, failSubnet);

        var logGroup = planted.NameOf("it-pass-loggroup");
        await FlowLogAsync(ec2, planted, region, passVpc, "it-pass-flowlog", TrafficType.ALL, logGroup);
        await FlowLogAsync(ec2, planted, region, failVpc, "it-fail-flowlog", TrafficType.REJECT, logGroup);

        // Public principal pinned to this account (PASS); no policy at all, i.e. the full-access default (FAIL).
        var pinned = $$$$"""{"Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalAccount":"{{{{planted.AccountId}}}}"}}}]}""";
        await EndpointAsync(ec2, planted, region, passVpc, "it-pass-vpce", pinned);
        await EndpointAsync(ec2, planted, region, passVpc, "it-fail-vpce", policy: null);
    }

    private static async Task<string> VpcAsync(IAmazonEC2 ec2, Planted planted, string region, string logical, string cidr)
    {
        var id = (await ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = cidr, TagSpecifications = Named(planted, ResourceType.Vpc, logical) })).Vpc.VpcId;
        planted.Add(region, logical, id);
        planted.OnCleanup($"{logical} in {region}", () => ec2.DeleteVpcAsync(new DeleteVpcRequest { VpcId = id }));
        return id;
    }

    /// <summary>The VPC's default group; closing it revokes every rule it has (AWS: self ingress and all egress; moto: egress only).</summary>
    private static async Task DefaultGroupAsync(IAmazonEC2 ec2, Planted planted, string region, string vpcId, string logical, bool close)
    {
        var group = (await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest
        {
            Filters = [new Filter { Name = "vpc-id", Values = [vpcId] }, new Filter { Name = "group-name", Values = ["default"] }],
        })).SecurityGroups.Single();
        planted.Add(region, logical, group.GroupId);
        if (close && group.IpPermissions is { Count: > 0 } ingress)
        {
            await ec2.RevokeSecurityGroupIngressAsync(new RevokeSecurityGroupIngressRequest { GroupId = group.GroupId, IpPermissions = ingress });
        }

        if (close && group.IpPermissionsEgress is { Count: > 0 } egress)
        {
            await ec2.RevokeSecurityGroupEgressAsync(new RevokeSecurityGroupEgressRequest { GroupId = group.GroupId, IpPermissions = egress });
        }
    }

    private static async Task<string> AclAsync(IAmazonEC2 ec2, Planted planted, string region, string vpcId, string logical)
    {
        var id = (await ec2.CreateNetworkAclAsync(new CreateNetworkAclRequest { VpcId = vpcId, TagSpecifications = Named(planted, ResourceType.NetworkAcl, logical) })).NetworkAcl.NetworkAclId;
        planted.Add(region, logical, id);
        planted.OnCleanup($"{logical} in {region}", () => ec2.DeleteNetworkAclAsync(new DeleteNetworkAclRequest { NetworkAclId = id }));
        return id;
    }

    private static Task EntryAsync(IAmazonEC2 ec2, string aclId, int number, bool egress, string protocol, RuleAction action, string cidr, int? port) =>
        ec2.CreateNetworkAclEntryAsync(new CreateNetworkAclEntryRequest
        {
            NetworkAclId = aclId, RuleNumber = number, Egress = egress, Protocol = protocol, RuleAction = action, CidrBlock = cidr,
            PortRange = port is { } p ? new PortRange { From = p, To = p } : null,
        });

    private static async Task<string> SubnetAsync(IAmazonEC2 ec2, Planted planted, string region, string vpcId, string logical, string cidr)
    {
        var id = (await ec2.CreateSubnetAsync(new CreateSubnetRequest
        {
            VpcId = vpcId, CidrBlock = cidr, AvailabilityZone = region + "a", TagSpecifications = Named(planted, ResourceType.Subnet, logical),
        })).Subnet.SubnetId;
        planted.Add(region, logical, id);
        planted.OnCleanup($"{logical} in {region}", () => ec2.DeleteSubnetAsync(new DeleteSubnetRequest { SubnetId = id }));
        return id;
    }

    /// <summary>Moves the subnet from its current (default) ACL to <paramref name="aclId"/>.</summary>
    private static async Task AssociateAsync(IAmazonEC2 ec2, string aclId, string subnetId)
    {
        var current = (await ec2.DescribeNetworkAclsAsync(new DescribeNetworkAclsRequest { Filters = [new Filter { Name = "association.subnet-id", Values = [subnetId] }] }))
            .NetworkAcls.SelectMany(a => a.Associations ?? []).Single(a => a.SubnetId == subnetId);
        await ec2.ReplaceNetworkAclAssociationAsync(new ReplaceNetworkAclAssociationRequest { AssociationId = current.NetworkAclAssociationId, NetworkAclId = aclId });
    }

    private static async Task FlowLogAsync(IAmazonEC2 ec2, Planted planted, string region, string vpcId, string logical, TrafficType traffic, string logGroup)
    {
        var response = await ec2.CreateFlowLogsAsync(new CreateFlowLogsRequest
        {
            ResourceIds = [vpcId], ResourceType = FlowLogsResourceType.VPC, TrafficType = traffic,
            LogDestinationType = LogDestinationType.CloudWatchLogs, LogGroupName = logGroup,
            DeliverLogsPermissionArn = $"arn:aws:iam::{planted.AccountId}:role/{planted.NameOf("it-flowlogs")}",
            TagSpecifications = Named(planted, ResourceType.VpcFlowLog, logical),
        });
        var id = response.FlowLogIds.Single();
        planted.Add(region, logical, id);
        planted.OnCleanup($"{logical} in {region}", () => ec2.DeleteFlowLogsAsync(new DeleteFlowLogsRequest { FlowLogIds = [id] }));
    }

    private static async Task EndpointAsync(IAmazonEC2 ec2, Planted planted, string region, string vpcId, string logical, string? policy)
    {
        var id = (await ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest
        {
            VpcId = vpcId, ServiceName = $"com.amazonaws.{region}.s3", VpcEndpointType = VpcEndpointType.Gateway, PolicyDocument = policy,
            TagSpecifications = Named(planted, ResourceType.VpcEndpoint, logical),
        })).VpcEndpoint.VpcEndpointId;
        planted.Add(region, logical, id);
        planted.OnCleanup($"{logical} in {region}", () => ec2.DeleteVpcEndpointsAsync(new DeleteVpcEndpointsRequest { VpcEndpointIds = [id] }));
    }
}
