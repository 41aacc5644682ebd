using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Constructs;

namespace Compliance.Infra.Baseline;

/// <summary>Properties of <see cref="Network"/>.</summary>
public sealed record NetworkProps
{
    /// <summary>Environment suffix of the names.</summary>
    public required string EnvironmentName { get; init; }

    /// <summary>An internet gateway and one NAT gateway; false leaves the VPC fully private.</summary>
    public required bool Nat { get; init; }
}

/// <summary>
/// The VPC 10.0.0.0/16 (DNS support and hostnames) with three tiers over three AZs, written with L1 resources so each
/// subnet has exactly its documented CIDR. One route table per tier: application → NAT (when on), management → the
/// internet gateway (when on), database → no route out at all.
/// </summary>
public sealed class Network : Construct
{
    /// <summary>The VPC's CIDR.</summary>
    public const string VpcCidr = "10.0.0.0/16";

    /// <summary>The subnets of each tier, one per AZ.</summary>
    public static IReadOnlyDictionary<string, string[]> Tiers { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["application"] = ["10.0.1.0/24", "10.0.2.0/24", "10.0.3.0/24"],
        ["database"] = ["10.0.11.0/24", "10.0.12.0/24", "10.0.13.0/24"],
        ["management"] = ["10.0.21.0/24", "10.0.22.0/24", "10.0.23.0/24"],
    };

    /// <summary>
    /// The Tier tag of each tier's subnets, route table and security group, in the vocabulary the checker's network rules
    /// read (EC2.RouteTable.1, EC2.SecurityGroup.4/.5): the management tier holds the NAT gateway and the internet route,
    /// so it is the VPC's public edge; application and database are private.
    /// </summary>
    public static IReadOnlyDictionary<string, string> TierTags { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["application"] = "app",
        ["database"] = "data",
        ["management"] = "public",
    };

    /// <summary>The VPC.</summary>
    public CfnVPC Vpc { get; }

    /// <summary>The subnets by tier.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<CfnSubnet>> Subnets { get; }

    /// <summary>The internet gateway, or null when <see cref="NetworkProps.Nat"/> is off.</summary>
    public CfnInternetGateway? InternetGateway { get; }

    /// <summary>The NAT gateway, or null when <see cref="NetworkProps.Nat"/> is off.</summary>
    public CfnNatGateway? NatGateway { get; }

    /// <summary>The route table of each tier.</summary>
    public IReadOnlyDictionary<string, CfnRouteTable> RouteTables { get; }

    public Network(Construct scope, string id, NetworkProps props) : base(scope, id)
    {
        var env = props.EnvironmentName;
        Vpc = new CfnVPC(this, "Vpc", new CfnVPCProps
        {
            CidrBlock = VpcCidr,
            EnableDnsSupport = true,
            EnableDnsHostnames = true,
            Tags = [new CfnTag { Key = "Name", Value = $"vpc-baseline-{env}" }],
        });
        NagExceptions.Declare(Vpc, (NagExceptions.DefaultSecurityGroupClosed,
            "Closing the default group needs a custom-resource Lambda (the L2 Vpc's restrictDefaultSecurityGroup) that would run outside "
            + "the VPC on a runtime the CDK picks. No resource of the baseline uses the default group (each names its own), and the "
            + "checker judges the live default group on every scan (EC2.SecurityGroup.1, HIGH); with remediationMode=enforce its "
            + "remediation revokes the default rules."));

        var subnets = new Dictionary<string, IReadOnlyList<CfnSubnet>>(StringComparer.Ordinal);
        var routeTables = new Dictionary<string, CfnRouteTable>(StringComparer.Ordinal);
        foreach (var (tier, cidrs) in Tiers)
        {
            var table = new CfnRouteTable(this, $"{tier}-routes", new CfnRouteTableProps
            {
                VpcId = Vpc.Ref,
                Tags = [new CfnTag { Key = "Name", Value = $"rtb-{tier}-{env}" }, new CfnTag { Key = "Tier", Value = TierTags[tier] }],
            });
            routeTables[tier] = table;
            subnets[tier] = [.. cidrs.Select((cidr, az) =>
            {
                var subnet = new CfnSubnet(this, $"{tier}-{az}", new CfnSubnetProps
                {
                    VpcId = Vpc.Ref,
                    CidrBlock = cidr,
                    AvailabilityZone = Fn.Select(az, Fn.GetAzs()),
                    MapPublicIpOnLaunch = false,
                    Tags = [new CfnTag { Key = "Name", Value = $"subnet-{tier}-{az + 1}-{env}" }, new CfnTag { Key = "Tier", Value = TierTags[tier] }],
                });
                _ = new CfnSubnetRouteTableAssociation(this, $"{tier}-{az}-routes", new CfnSubnetRouteTableAssociationProps
                {
                    SubnetId = subnet.Ref,
                    RouteTableId = table.Ref,
                });
                return subnet;
            })];
        }

        Subnets = subnets;
        RouteTables = routeTables;

        if (props.Nat)
        {
            var igw = new CfnInternetGateway(this, "InternetGateway", new CfnInternetGatewayProps
            {
                Tags = [new CfnTag { Key = "Name", Value = $"igw-baseline-{env}" }],
            });
            InternetGateway = igw;
            var attachment = new CfnVPCGatewayAttachment(this, "InternetGatewayAttachment", new CfnVPCGatewayAttachmentProps
            {
                VpcId = Vpc.Ref,
                InternetGatewayId = igw.Ref,
            });
            var toInternet = new CfnRoute(this, "management-default", new CfnRouteProps
            {
                RouteTableId = routeTables["management"].Ref,
                DestinationCidrBlock = "0.0.0.0/0",
                GatewayId = igw.Ref,
            });
            toInternet.AddDependency(attachment);
            NagExceptions.Declare(toInternet, (NagExceptions.RouteToInternetGateway,
                "The management tier is the VPC's public edge (Tier=public): it holds the NAT gateway, which needs this route to give the "
                + "private application tier outbound access. The application and database route tables have no internet gateway route; "
                + "nat=false removes this route and the gateway."));

            // The NAT gateway sits in the first management subnet (the tier with the internet route).
            var eip = new CfnEIP(this, "NatAddress", new CfnEIPProps { Domain = "vpc" });
            var nat = new CfnNatGateway(this, "NatGateway", new CfnNatGatewayProps
            {
                SubnetId = subnets["management"][0].Ref,
                AllocationId = eip.AttrAllocationId,
                Tags = [new CfnTag { Key = "Name", Value = $"nat-baseline-{env}" }],
            });
            nat.AddDependency(attachment);
            NatGateway = nat;
            _ = new CfnRoute(this, "application-default", new CfnRouteProps
            {
                RouteTableId = routeTables["application"].Ref,
                DestinationCidrBlock = "0.0.0.0/0",
                NatGatewayId = nat.Ref,
            });
        }
    }
}
