using Compliance.Rules.EC2;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.EC2;

public sealed class RouteTableNoInternetRouteOnPrivateTiersTests
{
    private const string VpcId = "vpc-0a1b2c3d4e5f60718";
    private const string Igw = "igw-0c0ffee1234567890";

    private static readonly Route Local = new() { DestinationCidrBlock = "10.0.0.0/16", GatewayId = "local", State = "active" };
    private static readonly Route IgwV4 = new() { DestinationCidrBlock = "0.0.0.0/0", GatewayId = Igw, State = "active" };
    private static readonly Route IgwV6 = new() { DestinationIpv6CidrBlock = "::/0", GatewayId = Igw, State = "active" };
    private static readonly Route NatV4 = new() { DestinationCidrBlock = "0.0.0.0/0", NatGatewayId = "nat-0123456789abcdef0", State = "active" };
    private static readonly Route EgressOnlyV6 = new() { DestinationIpv6CidrBlock = "::/0", EgressOnlyInternetGatewayId = "eigw-0123456789abcdef0", State = "active" };
    private static readonly Route IgwToPartner = new() { DestinationCidrBlock = "198.18.0.0/15", GatewayId = Igw, State = "active" };

    private readonly RouteTableNoInternetRouteOnPrivateTiers _rule = new();

    private static RouteTable Table(string id, string? tier, string[] subnets, params Route[] routes) => new()
    {
        Id = id,
        Region = Region,
        AccountId = Account,
        Arn = $"arn:aws:ec2:{Region}:{Account}:route-table/{id}",
        VpcId = VpcId,
        Routes = [Local, .. routes],
        Associations = [.. subnets.Select(s => new RouteTableAssociation { SubnetId = s })],
        Tags = tier is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["Tier"] = tier },
    };

    private static Subnet Subnet(string id, string? tier) => new()
    {
        Id = id,
        Region = Region,
        AccountId = Account,
        Arn = $"arn:aws:ec2:{Region}:{Account}:subnet/{id}",
        VpcId = VpcId,
        CidrBlock = "10.0.1.0/24",
        AvailabilityZone = "eu-west-1a",
        Tags = tier is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["Tier"] = tier },
    };

    [Fact]
    public void Internet_gateway_default_routes_fail_outside_public_tiers()
    {
        var inventory = BaseInventory with
        {
            Subnets =
            [
                Subnet("subnet-0000000000000web1", "web"), Subnet("subnet-000000000000public", "Public"),
                Subnet("subnet-00000000000000app", "app"), Subnet("subnet-0000000000000data", "data"),
                Subnet("subnet-000000000untagged", null),
            ],
            RouteTables =
            [
                Table("pass-local-only", "app", []),
                Table("pass-nat-default-route", "app", [], NatV4, EgressOnlyV6),
                Table("pass-untagged-without-igw-route", null, [], NatV4),
                Table("pass-web-tier-tag", "web", [], IgwV4, IgwV6),
                Table("pass-tier-from-public-subnets", null, ["subnet-0000000000000web1", "subnet-000000000000public"], IgwV4),
                Table("pass-igw-route-not-default", "data", [], IgwToPartner),
                Table("fail-app-tier-tag", "app", [], IgwV4),
                Table("fail-ipv6-default-to-igw", "data", [], NatV4, IgwV6),
                Table("fail-tier-from-data-subnet", null, ["subnet-0000000000000data"], IgwV4),
                Table("fail-mixed-subnet-tiers", null, ["subnet-0000000000000web1", "subnet-00000000000000app"], IgwV4),
                Table("fail-untagged-subnet", null, ["subnet-000000000untagged"], IgwV4),
                Table("fail-untagged-no-subnets", null, [], IgwV4),
            ],
        };

        ExactFailing(_rule, inventory,
            "fail-app-tier-tag", "fail-ipv6-default-to-igw", "fail-tier-from-data-subnet", "fail-mixed-subnet-tiers", "fail-untagged-subnet", "fail-untagged-no-subnets");
    }

    [Fact]
    public void Main_route_table_is_judged_by_the_subnets_that_use_it_implicitly()
    {
        var main = Table("rtb-0main00000000000000", null, [], IgwV4) with { Associations = [new RouteTableAssociation { Main = true }] };
        var explicitTable = Table("rtb-0explicit0000000000", "web", ["subnet-0000000000000web1"], IgwV4);
        var inventory = BaseInventory with
        {
            Subnets = [Subnet("subnet-0000000000000web1", "web"), Subnet("subnet-00000000000000app", "app")],
            RouteTables = [main, explicitTable],
        };

        var findings = Evaluate(_rule, inventory);

        Assert.Equal(ComplianceStatus.Fail, StatusOf(findings, "rtb-0main00000000000000"));
        Assert.Contains("subnet-00000000000000app (Tier 'app')", Assert.Single(findings, f => f.Resource.Id == "rtb-0main00000000000000").Message, StringComparison.Ordinal);

        var onlyWeb = inventory with { Subnets = [Subnet("subnet-0000000000000web1", "web"), Subnet("subnet-000000000000web2", "web")] };
        Assert.Equal(ComplianceStatus.Pass, StatusOf(Evaluate(_rule, onlyWeb), "rtb-0main00000000000000"));
    }

    [Fact]
    public void Subnet_missing_from_the_inventory_is_an_error()
    {
        var inventory = BaseInventory with
        {
            Subnets = [Subnet("subnet-0000000000000web1", "web")],
            RouteTables = [Table("rtb-0123456789abcdef0", null, ["subnet-0000000000000web1", "subnet-0000000000missing"], IgwV4)],
        };

        var finding = Assert.Single(Evaluate(_rule, inventory));

        Assert.Equal(ComplianceStatus.Error, finding.Status);
        Assert.Contains("subnet-0000000000missing", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tier_tag_key_and_public_tiers_are_parameters()
    {
        var table = Table("rtb-0123456789abcdef0", null, [], IgwV4) with { Tags = new Dictionary<string, string> { ["network:zone"] = "dmz" } };
        var inventory = BaseInventory with { RouteTables = [table] };

        Assert.Equal(ComplianceStatus.Fail, Assert.Single(Evaluate(_rule, inventory)).Status);
        var parameters = new Dictionary<string, string> { ["tierTagKey"] = "network:zone", ["publicTiers"] = "dmz" };
        Assert.Equal(ComplianceStatus.Pass, Assert.Single(Evaluate(_rule, inventory, parameters)).Status);
    }

    [Fact]
    public void Failure_names_the_tier_and_the_route()
    {
        var inventory = BaseInventory with
        {
            RouteTables = [Table("rtb-0123456789abcdef0", "app", [], IgwV4, IgwV6) with { Tags = new Dictionary<string, string> { ["Tier"] = "app", ["Name"] = "app-a" } }],
        };

        var finding = Assert.Single(Evaluate(_rule, inventory));

        Assert.Equal(ComplianceStatus.Fail, finding.Status);
        Assert.Equal(
            $"Route table rtb-0123456789abcdef0 (app-a), tagged Tier 'app', routes 0.0.0.0/0 to {Igw} and ::/0 to {Igw}, but only tiers web, public may route to an internet gateway.",
            finding.Message);
        Assert.Equal($"0.0.0.0/0->{Igw},::/0->{Igw}", finding.Evidence["internetGatewayRoutes"]);
        Assert.Equal("app", finding.Evidence["tier"]);
    }
}
