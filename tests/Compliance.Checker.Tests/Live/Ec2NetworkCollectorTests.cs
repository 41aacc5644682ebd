using System.Net;
using Compliance.Checker.Live.Collectors;
using Compliance.Rules.Inventory;
using static Compliance.Checker.Tests.Live.Ec2NetworkResponses;

namespace Compliance.Checker.Tests.Live;

public sealed class Ec2NetworkCollectorTests
{
    private static FakeAws Network() => new FakeAws()
        .On("ec2", "DescribeVpcs", Reply("DescribeVpcs", Vpcs))
        .On("ec2", "DescribeSubnets", Reply("DescribeSubnets", Subnets))
        .On("ec2", "DescribeRouteTables", Reply("DescribeRouteTables", RouteTables))
        .On("ec2", "DescribeNetworkAcls", Reply("DescribeNetworkAcls", NetworkAcls))
        .On("ec2", "DescribeFlowLogs", Reply("DescribeFlowLogs", FlowLogs))
        .On("ec2", "DescribeVpcEndpoints", Reply("DescribeVpcEndpoints", VpcEndpoints));

    [Fact]
    public async Task Vpcs_and_subnets_map_every_field_with_built_arns_and_tags()
    {
        var inventory = await CollectorHarness.Collect(new Ec2Collector(), Network(), scope: Only(ResourceTypes.Vpc, ResourceTypes.Subnet));

        var prod = inventory.Vpcs.Single(v => v.Id == "vpc-0a60eb65b4EXAMPLE");
        Assert.Equal(("10.0.0.0/16", false, "prod", "arn:aws:ec2:eu-west-1:123456789012:vpc/vpc-0a60eb65b4EXAMPLE"), (prod.CidrBlock, prod.IsDefault, prod.Tag("Name"), prod.Arn));
        Assert.True(inventory.Vpcs.Single(v => v.Id == "vpc-06e4ab6c6cEXAMPLE").IsDefault);

        var open = inventory.Subnets.Single(s => s.Id == "subnet-0bb1c79de3EXAMPLE");
        Assert.Equal(("vpc-0a60eb65b4EXAMPLE", "10.0.1.0/24", "eu-west-1a", true, true, "public"),
            (open.VpcId, open.CidrBlock, open.AvailabilityZone, open.MapPublicIpOnLaunch, open.AssignIpv6AddressOnCreation, open.Tag("Tier")));
        Assert.Equal("arn:aws:ec2:eu-west-1:123456789012:subnet/subnet-0bb1c79de3EXAMPLE", open.Arn);
        var closed = inventory.Subnets.Single(s => s.Id == "subnet-8EXAMPLE");
        Assert.False(closed.MapPublicIpOnLaunch || closed.AssignIpv6AddressOnCreation);
        Assert.Empty(inventory.CollectionErrors);
    }

    [Fact]
    public async Task Route_tables_keep_every_target_and_move_gateway_endpoint_ids_to_vpc_endpoint_id()
    {
        var table = Assert.Single((await CollectorHarness.Collect(new Ec2Collector(), Network(), scope: Only(ResourceTypes.RouteTable))).RouteTables);

        Assert.Equal(("vpc-0a60eb65b4EXAMPLE", "arn:aws:ec2:eu-west-1:123456789012:route-table/rtb-1f382e7d"), (table.VpcId, table.Arn));
        Assert.Equal(8, table.Routes.Count);
        Assert.Equal(new Route { DestinationCidrBlock = "0.0.0.0/0", GatewayId = "igw-2a6a4a4b", State = "active" }, table.Routes[1]);
        Assert.Equal(new Route { DestinationIpv6CidrBlock = "::/0", EgressOnlyInternetGatewayId = "eigw-015e0e244e24dfe8a", State = "active" }, table.Routes[2]);
        Assert.Equal(new Route { DestinationPrefixListId = "pl-6ca54005", VpcEndpointId = "vpce-0c2a3b9e2aEXAMPLE", State = "active" }, table.Routes[3]);
        Assert.Equal(new Route { DestinationCidrBlock = "10.1.0.0/16", VpcPeeringConnectionId = "pcx-1a2b3c4d", State = "blackhole" }, table.Routes[4]);
        Assert.Equal("tgw-0262a0e521EXAMPLE", table.Routes[5].TransitGatewayId);
        Assert.Equal("nat-05dba92075EXAMPLE", table.Routes[6].NatGatewayId);
        Assert.Equal("eni-0e8ad10EXAMPLE", table.Routes[7].NetworkInterfaceId);
        // The disassociated subnet is left out; the main association has no subnet.
        Assert.Equal([new RouteTableAssociation { Main = true }, new RouteTableAssociation { SubnetId = "subnet-0bb1c79de3EXAMPLE" }], table.Associations);
    }

    [Fact]
    public async Task Network_acls_keep_entries_port_ranges_and_subnets()
    {
        var acl = Assert.Single((await CollectorHarness.Collect(new Ec2Collector(), Network(), scope: Only(ResourceTypes.NetworkAcl))).NetworkAcls);

        Assert.Equal(("vpc-0a60eb65b4EXAMPLE", true, "default-acl"), (acl.VpcId, acl.IsDefault, acl.Tag("Name")));
        Assert.Equal(["subnet-0bb1c79de3EXAMPLE", "subnet-8EXAMPLE"], acl.SubnetIds);
        Assert.Equal(new NetworkAclEntry { RuleNumber = 100, Egress = false, RuleAction = "allow", Protocol = "6", CidrBlock = "0.0.0.0/0", PortRange = new PortRange(22, 22) }, acl.Entries[0]);
        Assert.Equal(new NetworkAclEntry { RuleNumber = 110, Egress = true, RuleAction = "deny", Protocol = "-1", Ipv6CidrBlock = "::/0" }, acl.Entries[1]);
        Assert.Equal(32767, acl.Entries[2].RuleNumber);
        Assert.Equal("arn:aws:ec2:eu-west-1:123456789012:network-acl/acl-5566953c", acl.Arn);
    }

    [Fact]
    public async Task Flow_logs_map_destination_and_status()
    {
        var inventory = await CollectorHarness.Collect(new Ec2Collector(), Network(), scope: Only(ResourceTypes.FlowLog));

        var logs = inventory.FlowLogs.Single(f => f.Id == "fl-1a2b3c4d");
        Assert.Equal(("vpc-0a60eb65b4EXAMPLE", "ALL", "cloud-watch-logs", "arn:aws:logs:eu-west-1:123456789012:log-group:flow", "flow", "ACTIVE", "SUCCESS", "net"),
            (logs.ResourceId, logs.TrafficType, logs.LogDestinationType, logs.LogDestination, logs.LogGroupName, logs.FlowLogStatus, logs.DeliverLogsStatus, logs.Tag("Owner")));
        Assert.Equal("arn:aws:ec2:eu-west-1:123456789012:vpc-flow-log/fl-1a2b3c4d", logs.Arn);
        var s3 = inventory.FlowLogs.Single(f => f.Id == "fl-0b2b3c4d");
        Assert.Equal(("subnet-8EXAMPLE", "REJECT", "s3", "flow-bucket", null, "FAILED"), (s3.ResourceId, s3.TrafficType, s3.LogDestinationType, s3.DestinationBucket, s3.LogGroupName, s3.DeliverLogsStatus));
    }

    [Fact]
    public async Task Endpoint_policies_are_parsed_defaulted_when_absent_and_unknown_when_unreadable()
    {
        var inventory = await CollectorHarness.Collect(new Ec2Collector(), Network(), scope: Only(ResourceTypes.VpcEndpoint));

        var s3 = inventory.VpcEndpoints.Single(e => e.Id == "vpce-0c2a3b9e2aEXAMPLE");
        Assert.Equal(("vpc-0a60eb65b4EXAMPLE", "com.amazonaws.eu-west-1.s3", "Gateway", "available", false, "s3"),
            (s3.VpcId, s3.ServiceName, s3.VpcEndpointType, s3.State, s3.PrivateDnsEnabled, s3.Tag("Name")));
        Assert.Equal("Org", Assert.Single(s3.PolicyDocument!.Statements).Sid);
        Assert.Equal("arn:aws:ec2:eu-west-1:123456789012:vpc-endpoint/vpce-0c2a3b9e2aEXAMPLE", s3.Arn);

        var kms = inventory.VpcEndpoints.Single(e => e.Id == "vpce-0f89a33420EXAMPLE");
        Assert.True(kms.PrivateDnsEnabled);
        var fullAccess = Assert.Single(kms.PolicyDocument!.Statements); // no policy on an AWS service endpoint: full access
        Assert.Equal("Allow", fullAccess.Effect);

        Assert.Empty(inventory.VpcEndpoints.Single(e => e.Id == "vpce-0e1f2a3b4cEXAMPLE").PolicyDocument!.Statements);

        Assert.Null(inventory.VpcEndpoints.Single(e => e.Id == "vpce-0d1e2f3a4bEXAMPLE").PolicyDocument);
        var error = Assert.Single(inventory.CollectionErrors);
        Assert.Equal(("InvalidPolicy", "vpce-0d1e2f3a4bEXAMPLE", ResourceTypes.VpcEndpoint), (error.ErrorCode, error.ResourceId, error.ResourceType));
    }

    [Fact]
    public async Task Unauthorized_on_one_list_call_loses_only_that_type()
    {
        var aws = new FakeAws()
            .On("ec2", "DescribeSubnets", Error("UnauthorizedOperation", "You are not authorized to perform this operation."))
            .On("ec2", "DescribeVpcs", Reply("DescribeVpcs", Vpcs));

        var inventory = await CollectorHarness.Collect(new Ec2Collector(), aws, scope: Only(ResourceTypes.Vpc, ResourceTypes.Subnet));

        Assert.Empty(inventory.Subnets);
        Assert.Equal(2, inventory.Vpcs.Count);
        var error = Assert.Single(inventory.CollectionErrors);
        Assert.Equal(("ec2", "DescribeSubnets", "eu-west-1", ResourceTypes.Subnet, "UnauthorizedOperation", null),
            (error.Service, error.Operation, error.Region, error.ResourceType, error.ErrorCode, error.ResourceId));
        Assert.Single(aws.Calls("ec2", "DescribeSubnets")); // not transient: not retried
    }

    [Fact]
    public async Task Request_limit_exceeded_is_retried_then_succeeds()
    {
        var aws = new FakeAws().On("ec2", "DescribeVpcs",
            Error("RequestLimitExceeded", "Request limit exceeded.", HttpStatusCode.ServiceUnavailable), Reply("DescribeVpcs", Vpcs));

        var inventory = await CollectorHarness.Collect(new Ec2Collector(), aws, scope: Only(ResourceTypes.Vpc));

        Assert.Empty(inventory.CollectionErrors.Select(e => e.ErrorCode + e.Message));
        Assert.Equal(2, inventory.Vpcs.Count);
        Assert.Equal(2, aws.Calls("ec2", "DescribeVpcs").Count);
        Assert.Empty(inventory.CollectionErrors);
    }

    [Fact]
    public async Task Arns_follow_the_partition_of_the_region()
    {
        var vpc = (await CollectorHarness.Collect(new Ec2Collector(), Network(), "cn-north-1", Only(ResourceTypes.Vpc))).Vpcs[0];

        Assert.StartsWith("arn:aws-cn:ec2:cn-north-1:123456789012:vpc/", vpc.Arn, StringComparison.Ordinal);
    }
}
