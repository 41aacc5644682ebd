using Amazon.EC2;
using Compliance.Checker.Live.Collection;
using Compliance.Rules.Inventory;
using Ec2 = Amazon.EC2.Model;

namespace Compliance.Checker.Live.Collectors;

/// <summary>VPCs, subnets, route tables and network ACLs: one paginated list call each.</summary>
public sealed partial class Ec2Collector
{
    private static async Task ReadVpcsAsync(IAmazonEC2 client, CollectorContext context, CancellationToken cancellationToken)
    {
        if (NothingWanted(context, ResourceTypes.Vpc))
        {
            return;
        }

        var filters = IdFilter("vpc-id", context.Scope.IdsFor(ResourceTypes.Vpc));
        var (vpcs, _) = await ListAsync(context, "DescribeVpcs", ResourceTypes.Vpc,
            (token, ct) => client.DescribeVpcsAsync(new Ec2.DescribeVpcsRequest { Filters = filters, MaxResults = 1000, NextToken = token }, ct),
            page => page.Vpcs, page => page.NextToken, cancellationToken);
        foreach (var vpc in vpcs)
        {
            context.Builder.Add(new Vpc
            {
                Id = vpc.VpcId,
                Region = context.Region,
                AccountId = context.AccountId,
                Arn = Arn(context, $"vpc/{vpc.VpcId}"),
                Tags = Tags(vpc.Tags),
                CidrBlock = vpc.CidrBlock,
                IsDefault = vpc.IsDefault ?? false,
            });
        }
    }

    private static async Task ReadSubnetsAsync(IAmazonEC2 client, CollectorContext context, CancellationToken cancellationToken)
    {
        if (NothingWanted(context, ResourceTypes.Subnet))
        {
            return;
        }

        var filters = IdFilter("subnet-id", context.Scope.IdsFor(ResourceTypes.Subnet));
        var (subnets, _) = await ListAsync(context, "DescribeSubnets", ResourceTypes.Subnet,
            (token, ct) => client.DescribeSubnetsAsync(new Ec2.DescribeSubnetsRequest { Filters = filters, MaxResults = 1000, NextToken = token }, ct),
            page => page.Subnets, page => page.NextToken, cancellationToken);
        foreach (var subnet in subnets)
        {
            context.Builder.Add(new Subnet
            {
                Id = subnet.SubnetId,
                Region = context.Region,
                AccountId = context.AccountId,
                Arn = Arn(context, $"subnet/{subnet.SubnetId}"),
                Tags = Tags(subnet.Tags),
                VpcId = subnet.VpcId,
                CidrBlock = subnet.CidrBlock,
                AvailabilityZone = subnet.AvailabilityZone,
                MapPublicIpOnLaunch = subnet.MapPublicIpOnLaunch ?? false,
                AssignIpv6AddressOnCreation = subnet.AssignIpv6AddressOnCreation ?? false,
            });
        }
    }

    private static async Task ReadRouteTablesAsync(IAmazonEC2 client, CollectorContext context, CancellationToken cancellationToken)
    {
        if (NothingWanted(context, ResourceTypes.RouteTable))
        {
            return;
        }

        var filters = IdFilter("route-table-id", context.Scope.IdsFor(ResourceTypes.RouteTable));
        var (tables, _) = await ListAsync(context, "DescribeRouteTables", ResourceTypes.RouteTable,
            (token, ct) => client.DescribeRouteTablesAsync(new Ec2.DescribeRouteTablesRequest { Filters = filters, MaxResults = 100, NextToken = token }, ct),
            page => page.RouteTables, page => page.NextToken, cancellationToken);
        foreach (var table in tables)
        {
            context.Builder.Add(new RouteTable
            {
                Id = table.RouteTableId,
                Region = context.Region,
                AccountId = context.AccountId,
                Arn = Arn(context, $"route-table/{table.RouteTableId}"),
                Tags = Tags(table.Tags),
                VpcId = table.VpcId,
                Routes = (table.Routes ?? []).Select(ToRoute).ToList(),
                Associations = (table.Associations ?? [])
                    .Where(a => (a.SubnetId is not null || a.Main == true) && a.AssociationState?.State?.Value is not ("disassociating" or "disassociated"))
                    .Select(a => new RouteTableAssociation { SubnetId = a.SubnetId, Main = a.Main ?? false })
                    .ToList(),
            });
        }
    }

    /// <summary>
    /// One route. EC2 reports a gateway endpoint's route with its vpce- id in GatewayId; it is moved to VpcEndpointId so
    /// that GatewayId names only internet, virtual private and local gateways.
    /// </summary>
    private static Route ToRoute(Ec2.Route route)
    {
        var isEndpoint = route.GatewayId?.StartsWith("vpce-", StringComparison.Ordinal) == true;
        return new Route
        {
            DestinationCidrBlock = route.DestinationCidrBlock,
            DestinationIpv6CidrBlock = route.DestinationIpv6CidrBlock,
            DestinationPrefixListId = route.DestinationPrefixListId,
            GatewayId = isEndpoint ? null : route.GatewayId,
            VpcEndpointId = isEndpoint ? route.GatewayId : null,
            EgressOnlyInternetGatewayId = route.EgressOnlyInternetGatewayId,
            NatGatewayId = route.NatGatewayId,
            TransitGatewayId = route.TransitGatewayId,
            VpcPeeringConnectionId = route.VpcPeeringConnectionId,
            NetworkInterfaceId = route.NetworkInterfaceId,
            State = route.State?.Value,
        };
    }

    private static async Task ReadNetworkAclsAsync(IAmazonEC2 client, CollectorContext context, CancellationToken cancellationToken)
    {
        if (NothingWanted(context, ResourceTypes.NetworkAcl))
        {
            return;
        }

        var filters = IdFilter("network-acl-id", context.Scope.IdsFor(ResourceTypes.NetworkAcl));
        var (acls, _) = await ListAsync(context, "DescribeNetworkAcls", ResourceTypes.NetworkAcl,
            (token, ct) => client.DescribeNetworkAclsAsync(new Ec2.DescribeNetworkAclsRequest { Filters = filters, MaxResults = 1000, NextToken = token }, ct),
            page => page.NetworkAcls, page => page.NextToken, cancellationToken);
        foreach (var acl in acls)
        {
            context.Builder.Add(new NetworkAcl
            {
                Id = acl.NetworkAclId,
                Region = context.Region,
                AccountId = context.AccountId,
                Arn = Arn(context, $"network-acl/{acl.NetworkAclId}"),
                Tags = Tags(acl.Tags),
                VpcId = acl.VpcId,
                IsDefault = acl.IsDefault ?? false,
                Entries = (acl.Entries ?? []).Select(e => new NetworkAclEntry
                {
                    RuleNumber = e.RuleNumber ?? 0,
                    Egress = e.Egress ?? false,
                    RuleAction = e.RuleAction?.Value ?? "",
                    Protocol = e.Protocol ?? "",
                    CidrBlock = e.CidrBlock,
                    Ipv6CidrBlock = e.Ipv6CidrBlock,
                    PortRange = e.PortRange is { } range ? new PortRange(range.From ?? 0, range.To ?? 65535) : null,
                }).ToList(),
                SubnetIds = (acl.Associations ?? []).Select(a => a.SubnetId).OfType<string>().Distinct(StringComparer.Ordinal).ToList(),
            });
        }
    }
}
