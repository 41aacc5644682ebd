using Compliance.Checker.Templates.Intrinsics;
using Compliance.Checker.Templates.Mapping;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Templates.Mappers;

/// <summary>
/// VPCs, subnets and route tables. Routes (AWS::EC2::Route) and subnet associations (SubnetRouteTableAssociation)
/// fold into their route table. Gateways map to no record, but their synthetic ids carry AWS's prefixes (igw-, nat-...)
/// because the rules recognise a route's target by it.
/// </summary>
public sealed class Ec2NetworkMapper : IResourceMapper
{
    private const string RouteType = "AWS::EC2::Route";
    private const string RouteAssociationType = "AWS::EC2::SubnetRouteTableAssociation";

    public IReadOnlyList<string> MappedTypes { get; } = [ResourceTypes.Vpc, ResourceTypes.Subnet, ResourceTypes.RouteTable, RouteType, RouteAssociationType];

    public IReadOnlyList<ResourceNaming> Namings { get; } =
    [
        new()
        {
            Type = ResourceTypes.Vpc,
            Attributes = new Dictionary<string, string>
            {
                ["VpcId"] = "{name}", ["CidrBlock"] = "{prop:CidrBlock}",
                ["DefaultSecurityGroup"] = "{name}" + SecurityGroupMapper.DefaultGroupSuffix,
            },
        },
        new()
        {
            Type = ResourceTypes.Subnet,
            Attributes = new Dictionary<string, string>
            {
                ["SubnetId"] = "{name}", ["VpcId"] = "{prop:VpcId}", ["CidrBlock"] = "{prop:CidrBlock}", ["AvailabilityZone"] = "{prop:AvailabilityZone}",
            },
        },
        new() { Type = ResourceTypes.RouteTable, Attributes = new Dictionary<string, string> { ["RouteTableId"] = "{name}" } },
        Gateway("AWS::EC2::InternetGateway", "igw-", "InternetGatewayId"),
        Gateway("AWS::EC2::NatGateway", "nat-", "NatGatewayId"),
        Gateway("AWS::EC2::EgressOnlyInternetGateway", "eigw-", "Id"),
        Gateway("AWS::EC2::VPNGateway", "vgw-", "VPNGatewayId"),
        Gateway("AWS::EC2::TransitGateway", "tgw-", "Id"),
        Gateway("AWS::EC2::VPCPeeringConnection", "pcx-", "Id"),
    ];

    public void Map(MappingContext context)
    {
        foreach (var vpc in context.Resources(ResourceTypes.Vpc))
        {
            var p = vpc.Properties;
            context.Add(new Vpc
            {
                Id = vpc.Name, Region = vpc.Region, AccountId = vpc.AccountId, Tags = p.Tags(),
                Arn = $"arn:{vpc.Partition}:ec2:{vpc.Region}:{vpc.AccountId}:vpc/{vpc.Name}",
                CidrBlock = p.String("CidrBlock"),
                IsDefault = false,
            }, vpc);
        }

        foreach (var subnet in context.Resources(ResourceTypes.Subnet))
        {
            var p = subnet.Properties;
            var mapPublic = p.Bool("MapPublicIpOnLaunch", absent: false);
            var assignIpv6 = p.Bool("AssignIpv6AddressOnCreation", absent: false);
            if (mapPublic is null || assignIpv6 is null)
            {
                context.NotJudged(subnet, $"whether it assigns public addresses cannot be decided ({p.UnknownReason("MapPublicIpOnLaunch") ?? p.UnknownReason("AssignIpv6AddressOnCreation")})");
                continue;
            }

            context.Add(new Subnet
            {
                Id = subnet.Name, Region = subnet.Region, AccountId = subnet.AccountId, Tags = p.Tags(),
                Arn = $"arn:{subnet.Partition}:ec2:{subnet.Region}:{subnet.AccountId}:subnet/{subnet.Name}",
                VpcId = p.String("VpcId") ?? Unknown,
                CidrBlock = p.String("CidrBlock"),
                AvailabilityZone = p.String("AvailabilityZone"),
                MapPublicIpOnLaunch = mapPublic.Value,
                AssignIpv6AddressOnCreation = assignIpv6.Value,
            }, subnet);
        }

        MapRouteTables(context);
    }

    /// <summary>Stands in for a required id the template cannot decide (a VPC id from an unresolvable import).</summary>
    internal const string Unknown = "(unknown)";

    private static void MapRouteTables(MappingContext context)
    {
        var routes = new Dictionary<string, List<Route>>(StringComparer.Ordinal);
        var unknownRoutes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var declared in context.Resources(RouteType))
        {
            var p = declared.Properties;
            var table = context.Find(ResourceTypes.RouteTable, p.String("RouteTableId"));
            if (table is null)
            {
                context.NotJudged(declared, "its route table is not declared in this scan");
                continue;
            }

            if (new[] { "DestinationCidrBlock", "DestinationIpv6CidrBlock", "DestinationPrefixListId", "GatewayId" }.FirstOrDefault(n => p.Has(n) && p.String(n) is null) is { } unknown)
            {
                unknownRoutes.Add(table.Name);
                context.NotJudged(declared, $"its {unknown} cannot be decided ({p.UnknownReason(unknown)}), so route table {table.LogicalId} is not judged either");
                continue;
            }

            Add(routes, table.Name, new Route
            {
                DestinationCidrBlock = p.String("DestinationCidrBlock"),
                DestinationIpv6CidrBlock = p.String("DestinationIpv6CidrBlock"),
                DestinationPrefixListId = p.String("DestinationPrefixListId"),
                GatewayId = p.String("GatewayId"),
                EgressOnlyInternetGatewayId = p.String("EgressOnlyInternetGatewayId"),
                NatGatewayId = p.String("NatGatewayId"),
                TransitGatewayId = p.String("TransitGatewayId"),
                VpcPeeringConnectionId = p.String("VpcPeeringConnectionId"),
                NetworkInterfaceId = p.String("NetworkInterfaceId"),
                VpcEndpointId = p.String("VpcEndpointId"),
            });
        }

        var associations = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var declared in context.Resources(RouteAssociationType))
        {
            var p = declared.Properties;
            if (context.Find(ResourceTypes.RouteTable, p.String("RouteTableId")) is { } table && p.String("SubnetId") is { } subnet)
            {
                Add(associations, table.Name, subnet);
            }
            else
            {
                context.NotJudged(declared, "its route table or subnet cannot be resolved to a resource of this scan");
            }
        }

        foreach (var table in context.Resources(ResourceTypes.RouteTable).Where(t => !unknownRoutes.Contains(t.Name)))
        {
            var p = table.Properties;
            context.Add(new RouteTable
            {
                Id = table.Name, Region = table.Region, AccountId = table.AccountId, Tags = p.Tags(),
                Arn = $"arn:{table.Partition}:ec2:{table.Region}:{table.AccountId}:route-table/{table.Name}",
                VpcId = p.String("VpcId") ?? Unknown,
                Routes = routes.GetValueOrDefault(table.Name) ?? [],
                Associations = (associations.GetValueOrDefault(table.Name) ?? []).Select(s => new RouteTableAssociation { SubnetId = s }).ToList(),
            }, table);
        }
    }

    private static void Add<T>(Dictionary<string, List<T>> lists, string key, T value)
    {
        if (!lists.TryGetValue(key, out var list))
        {
            lists[key] = list = [];
        }

        list.Add(value);
    }

    private static ResourceNaming Gateway(string type, string prefix, string idAttribute) => new()
    {
        Type = type, SyntheticPrefix = prefix, Attributes = new Dictionary<string, string> { [idAttribute] = "{name}" },
    };
}
