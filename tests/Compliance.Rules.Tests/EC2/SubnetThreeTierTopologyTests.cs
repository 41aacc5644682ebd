using Compliance.Rules.EC2;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.EC2;

/// <summary>The baseline's shape: application, database and management tiers over AZs a and b, one route table and NACL per tier.</summary>
public sealed class SubnetThreeTierTopologyTests
{
    private const string VpcId = "vpc-0a1b2c3d4e5f60718";
    private const string Igw = "igw-0c0ffee1234567890";
    private readonly SubnetThreeTierTopology _rule = new();

    private static Subnet Subnet(string id, string? tier, string az = "eu-west-1a", string vpc = VpcId) => new()
    {
        Id = id,
        Region = Region,
        AccountId = Account,
        VpcId = vpc,
        AvailabilityZone = az,
        CidrBlock = "10.0.1.0/24",
        Tags = tier is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["Tier"] = tier, ["Name"] = id },
    };

    private static RouteTable Routes(string id, bool igw, bool main = false, params string[] subnets) => new()
    {
        Id = id,
        Region = Region,
        AccountId = Account,
        VpcId = VpcId,
        Routes =
        [
            new Route { DestinationCidrBlock = "10.0.0.0/16", GatewayId = "local", State = "active" },
            .. igw ? [new Route { DestinationCidrBlock = "0.0.0.0/0", GatewayId = Igw, State = "active" }] : Array.Empty<Route>(),
        ],
        Associations = [.. subnets.Select(s => new RouteTableAssociation { SubnetId = s }), .. main ? [new RouteTableAssociation { Main = true }] : Array.Empty<RouteTableAssociation>()],
    };

    private static NetworkAcl Acl(string id, bool isDefault, string? tier, params string[] subnets) => new()
    {
        Id = id,
        Region = Region,
        AccountId = Account,
        VpcId = VpcId,
        IsDefault = isDefault,
        SubnetIds = subnets,
        Tags = tier is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["Tier"] = tier },
    };

    /// <summary>A compliant three-tier VPC; tests add or swap pieces.</summary>
    private static AwsInventory Baseline() => BaseInventory with
    {
        Subnets =
        [
            Subnet("pass-app-a", "application"), Subnet("pass-app-b", "application", "eu-west-1b"),
            Subnet("pass-db-a", "database"), Subnet("pass-db-b", "database", "eu-west-1b"),
            Subnet("pass-mgmt-a", "management"), Subnet("pass-mgmt-b", "management", "eu-west-1b"),
        ],
        RouteTables =
        [
            Routes("rtb-main", igw: false, main: true),
            Routes("rtb-app", false, false, "pass-app-a", "pass-app-b"),
            Routes("rtb-db", false, false, "pass-db-a", "pass-db-b"),
            Routes("rtb-mgmt", true, false, "pass-mgmt-a", "pass-mgmt-b"),
        ],
        NetworkAcls =
        [
            Acl("acl-default", true, null),
            Acl("acl-app", false, "application", "pass-app-a", "pass-app-b"),
            Acl("acl-db", false, null, "pass-db-a", "pass-db-b"),
            Acl("acl-mgmt", false, "management", "pass-mgmt-a", "pass-mgmt-b"),
        ],
    };

    [Fact]
    public void The_baseline_layout_passes_with_its_management_tier_routed_to_the_internet()
    {
        var findings = ExactFailing(_rule, Baseline());

        Assert.Equal(6, findings.Count(f => f.Status == ComplianceStatus.Pass));
    }

    [Fact]
    public void Untagged_single_zone_internet_routed_private_and_default_acl_subnets_fail()
    {
        var inventory = Baseline();
        inventory = inventory with
        {
            Subnets =
            [
                .. inventory.Subnets,
                Subnet("fail-untagged", null, "eu-west-1b"),
                Subnet("fail-unknown-tier", "dmz", "eu-west-1b"),
                Subnet("fail-web-one-zone", "web"),
                Subnet("fail-data-routed-a", "data"), Subnet("fail-data-routed-b", "data", "eu-west-1b"),
                Subnet("fail-app-default-acl-a", "app"), Subnet("fail-app-default-acl-b", "app", "eu-west-1b"),
            ],
            RouteTables =
            [
                .. inventory.RouteTables,
                Routes("rtb-web", true, false, "fail-web-one-zone"),
                Routes("rtb-data", true, false, "fail-data-routed-a", "fail-data-routed-b"),
                Routes("rtb-app2", false, false, "fail-app-default-acl-a", "fail-app-default-acl-b", "fail-untagged", "fail-unknown-tier"),
            ],
            NetworkAcls =
            [
                .. inventory.NetworkAcls.Where(a => a.Id != "acl-default"),
                Acl("acl-default", true, null, "fail-app-default-acl-a", "fail-app-default-acl-b", "fail-untagged"),
                Acl("acl-web", false, "web", "fail-web-one-zone"),
                Acl("acl-data", false, "data", "fail-data-routed-a", "fail-data-routed-b"),
                Acl("acl-dmz", false, null, "fail-unknown-tier"),
            ],
        };

        ExactFailing(_rule, inventory,
            "fail-untagged", "fail-unknown-tier", "fail-web-one-zone", "fail-data-routed-a", "fail-data-routed-b", "fail-app-default-acl-a", "fail-app-default-acl-b");
    }

    [Fact]
    public void A_nacl_shared_across_tiers_or_tagged_for_another_tier_fails()
    {
        var inventory = Baseline();
        var shared = inventory with
        {
            NetworkAcls =
            [
                Acl("acl-default", true, null),
                Acl("acl-shared", false, null, "pass-app-a", "pass-app-b", "pass-db-a", "pass-db-b"),
                Acl("acl-mgmt", false, "application", "pass-mgmt-a", "pass-mgmt-b"),
            ],
        };

        var findings = Evaluate(_rule, shared);

        Assert.All(findings, f => Assert.Equal(ComplianceStatus.Fail, f.Status));
        var mgmt = Assert.Single(findings, f => f.Resource.Id == "pass-mgmt-a");
        Assert.Equal($"Subnet pass-mgmt-a (pass-mgmt-a) of {VpcId} uses network ACL acl-mgmt, which is tagged Tier 'application', not 'management'.", mgmt.Message);
        Assert.Contains("shares network ACL acl-shared with subnets of other tiers: pass-db-a (database), pass-db-b (database)",
            Assert.Single(findings, f => f.Resource.Id == "pass-app-a").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_private_subnet_without_an_explicit_table_is_judged_by_the_main_table()
    {
        var inventory = Baseline();
        inventory = inventory with
        {
            RouteTables = [Routes("rtb-main", igw: true, main: true), .. inventory.RouteTables.Where(t => t.Id is not ("rtb-main" or "rtb-db"))],
        };

        var findings = Evaluate(_rule, inventory);

        var db = Assert.Single(findings, f => f.Resource.Id == "pass-db-a");
        Assert.Equal(ComplianceStatus.Fail, db.Status);
        Assert.Equal(("rtb-main", $"0.0.0.0/0 to {Igw}"), (db.Evidence["routeTableId"], db.Evidence["internetGatewayRoutes"]));
    }

    [Fact]
    public void Unknown_zones_tables_or_acl_associations_are_errors()
    {
        var inventory = Baseline();
        var noZone = inventory with { Subnets = [.. inventory.Subnets.Where(s => s.Id != "pass-db-b"), Subnet("pass-db-b", "database") with { AvailabilityZone = null }] };
        var noTables = inventory with { RouteTables = [] };
        var noAcls = inventory with { NetworkAcls = [] };

        Assert.Equal(ComplianceStatus.Error, StatusOf(Evaluate(_rule, noZone), "pass-db-a"));
        Assert.Equal(ComplianceStatus.Error, StatusOf(Evaluate(_rule, noTables), "pass-db-a"));
        Assert.Equal(ComplianceStatus.Pass, StatusOf(Evaluate(_rule, noTables), "pass-mgmt-a")); // public tier: its routes do not matter
        Assert.Equal(ComplianceStatus.Error, StatusOf(Evaluate(_rule, noAcls), "pass-app-a"));
    }

    [Fact]
    public void Tiers_and_private_tiers_are_parameters()
    {
        var inventory = Baseline();
        var parameters = new Dictionary<string, string> { ["allowedTiers"] = "web,app,data", ["privateTiers"] = "app,data" };

        var findings = Evaluate(_rule, inventory, parameters);

        Assert.All(findings, f => Assert.Equal(ComplianceStatus.Fail, f.Status));
        Assert.Contains("has Tier 'application', not one of web, app, data", Assert.Single(findings, f => f.Resource.Id == "pass-app-a").Message, StringComparison.Ordinal);
    }
}
