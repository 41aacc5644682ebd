using Compliance.Rules.Inventory;
using Compliance.Rules.Network;

namespace Compliance.Rules.EC2;

/// <summary>Which route table a subnet uses, and which routes send its traffic to an internet gateway.</summary>
internal static class SubnetRouting
{
    /// <summary>
    /// The routes of <paramref name="table"/> that reach the internet through an internet gateway: destination 0.0.0.0/0
    /// or ::/0, target igw-. NAT, egress-only gateways and narrower prefixes are not internet routes.
    /// </summary>
    public static IReadOnlyList<Route> InternetGatewayRoutes(RouteTable table) =>
        table.Routes
            .Where(r => (NetworkRanges.IsInternet(r.DestinationCidrBlock) || NetworkRanges.IsInternet(r.DestinationIpv6CidrBlock))
                && r.GatewayId?.StartsWith("igw-", StringComparison.Ordinal) == true)
            .ToList();

    /// <summary>"0.0.0.0/0 to igw-0abc".</summary>
    public static string Describe(Route route) => $"{route.DestinationCidrBlock ?? route.DestinationIpv6CidrBlock} to {route.GatewayId}";

    /// <summary>
    /// The route table <paramref name="subnet"/> uses: the one explicitly associated with it, else its VPC's main table;
    /// null when neither is in the inventory.
    /// </summary>
    public static RouteTable? RouteTableOf(Subnet subnet, AwsInventory inventory) =>
        inventory.RouteTables.FirstOrDefault(t => t.AccountId == subnet.AccountId && t.Region == subnet.Region && t.Associations.Any(a => a.SubnetId == subnet.Id))
        ?? inventory.RouteTables.FirstOrDefault(t => t.AccountId == subnet.AccountId && t.Region == subnet.Region && t.VpcId == subnet.VpcId && t.Associations.Any(a => a.Main));
}
