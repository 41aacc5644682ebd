using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using Compliance.Infra.Baseline;

namespace Compliance.Infra.Tests;

public sealed class BaselineNetworkTests
{
    private static Template Default => Synth.Baseline();

    [Fact]
    public void The_vpc_is_10_0_0_0_16_with_dns_support_and_hostnames()
    {
        Default.ResourceCountIs("AWS::EC2::VPC", 1);
        Default.HasResourceProperties("AWS::EC2::VPC", new Dictionary<string, object>
        {
            ["CidrBlock"] = "10.0.0.0/16", ["EnableDnsSupport"] = true, ["EnableDnsHostnames"] = true,
        });
    }

    [Theory]
    [InlineData("10.0.1.0/24", 0)]
    [InlineData("10.0.2.0/24", 1)]
    [InlineData("10.0.3.0/24", 2)]
    [InlineData("10.0.11.0/24", 0)]
    [InlineData("10.0.12.0/24", 1)]
    [InlineData("10.0.13.0/24", 2)]
    [InlineData("10.0.21.0/24", 0)]
    [InlineData("10.0.22.0/24", 1)]
    [InlineData("10.0.23.0/24", 2)]
    public void Nine_private_subnets_over_three_azs(string cidr, int az)
    {
        Default.ResourceCountIs("AWS::EC2::Subnet", 9);
        Default.HasResourceProperties("AWS::EC2::Subnet", new Dictionary<string, object>
        {
            ["CidrBlock"] = cidr,
            ["MapPublicIpOnLaunch"] = false,
            ["AvailabilityZone"] = new Dictionary<string, object> { ["Fn::Select"] = new object[] { az, new Dictionary<string, object> { ["Fn::GetAZs"] = "" } } },
        });
    }

    [Fact]
    public void One_internet_gateway_and_one_nat_gateway_and_a_flag_removes_both()
    {
        Default.ResourceCountIs("AWS::EC2::InternetGateway", 1);
        Default.ResourceCountIs("AWS::EC2::NatGateway", 1);
        var isolated = Synth.Baseline(("nat", "false"));
        isolated.ResourceCountIs("AWS::EC2::InternetGateway", 0);
        isolated.ResourceCountIs("AWS::EC2::NatGateway", 0);
        isolated.ResourceCountIs("AWS::EC2::Route", 0);
    }

    [Fact]
    public void Route_tables_per_tier_and_the_database_tier_has_no_route_out()
    {
        Default.ResourceCountIs("AWS::EC2::RouteTable", 3);
        var json = CheckerStackTests.Json(Default)["Resources"]!.AsObject();
        var routes = json.Where(r => (string?)r.Value!["Type"] == "AWS::EC2::Route").Select(r => r.Value!["Properties"]!["RouteTableId"]!["Ref"]!.GetValue<string>()).ToList();
        Assert.Equal(2, routes.Count);
        Assert.DoesNotContain(routes, r => r.Contains("database", StringComparison.Ordinal));
        Assert.Contains(routes, r => r.Contains("application", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(10, "192.0.2.0/24")]
    [InlineData(20, "198.51.100.0/24")]
    [InlineData(30, "203.0.113.0/24")]
    public void Nacl_rules_10_20_30_deny_the_test_nets_both_ways_in_every_tier(int rule, string cidr)
    {
        Default.ResourceCountIs("AWS::EC2::NetworkAcl", 3);
        foreach (var egress in new[] { true, false })
        {
            Assert.Equal(3, Default.FindResources("AWS::EC2::NetworkAclEntry", Match.ObjectLike(new Dictionary<string, object>
            {
                ["Properties"] = Match.ObjectLike(new Dictionary<string, object>
                {
                    ["RuleNumber"] = rule, ["RuleAction"] = "deny", ["CidrBlock"] = cidr, ["Egress"] = egress, ["Protocol"] = -1,
                }),
            })).Count);
        }
    }

    [Fact]
    public void Nacl_allows_start_at_100_and_ephemeral_return_traffic_is_allowed()
    {
        var entries = CheckerStackTests.Json(Default)["Resources"]!.AsObject()
            .Where(r => (string?)r.Value!["Type"] == "AWS::EC2::NetworkAclEntry").Select(r => r.Value!["Properties"]!).ToList();
        Assert.All(entries.Where(e => (string?)e["RuleAction"] == "allow"), e => Assert.True(e["RuleNumber"]!.GetValue<int>() >= 100));
        Assert.Equal(3, entries.Count(e => (string?)e["RuleAction"] == "allow" && !e["Egress"]!.GetValue<bool>()
            && e["PortRange"]?["From"]?.GetValue<int>() == 1024 && e["PortRange"]?["To"]?.GetValue<int>() == 65535));
    }

    [Fact]
    public void Security_group_rules_are_separate_resources_each_with_a_description()
    {
        Default.ResourceCountIs("AWS::EC2::SecurityGroup", 5);
        Default.ResourceCountIs("AWS::EC2::SecurityGroupIngress", 5);
        var ingress = CheckerStackTests.Json(Default)["Resources"]!.AsObject().Where(r => (string?)r.Value!["Type"] == "AWS::EC2::SecurityGroupIngress");
        Assert.All(ingress, r => Assert.False(string.IsNullOrWhiteSpace((string?)r.Value!["Properties"]!["Description"])));
        Default.HasResourceProperties("AWS::EC2::SecurityGroup", Match.ObjectLike(new Dictionary<string, object> { ["SecurityGroupIngress"] = Match.Absent() }));
    }

    [Fact]
    public void Application_443_from_10_8_and_22_from_management_database_5432_from_application_management_22_from_admin()
    {
        var template = Synth.Baseline(("adminCidr", "198.51.100.7/32"));
        template.HasResourceProperties("AWS::EC2::PrefixList", new Dictionary<string, object>
        {
            ["PrefixListName"] = "pl-private-ranges-dev",
            ["Entries"] = new object[] { Match.ObjectLike(new Dictionary<string, object> { ["Cidr"] = "10.0.0.0/8" }) },
        });
        template.HasResourceProperties("AWS::EC2::PrefixList", new Dictionary<string, object>
        {
            ["PrefixListName"] = "pl-management-subnets-dev",
            ["Entries"] = Network.Tiers["management"].Select(c => (object)Match.ObjectLike(new Dictionary<string, object> { ["Cidr"] = c })).ToArray(),
        });
        template.HasResourceProperties("AWS::EC2::SecurityGroupIngress", new Dictionary<string, object>
        {
            ["FromPort"] = 443, ["ToPort"] = 443, ["SourcePrefixListId"] = Match.ObjectLike(new Dictionary<string, object> { ["Fn::GetAtt"] = Match.ArrayWith([Match.StringLikeRegexp("^SecurityGroupsprivateranges")]) }),
        });
        template.HasResourceProperties("AWS::EC2::SecurityGroupIngress", new Dictionary<string, object>
        {
            ["FromPort"] = 22, ["ToPort"] = 22, ["SourcePrefixListId"] = Match.ObjectLike(new Dictionary<string, object> { ["Fn::GetAtt"] = Match.ArrayWith([Match.StringLikeRegexp("^SecurityGroupsmanagementsubnets")]) }),
        });

        var source = new Capture();
        template.HasResourceProperties("AWS::EC2::SecurityGroupIngress", new Dictionary<string, object> { ["FromPort"] = 5432, ["SourceSecurityGroupId"] = source });
        Assert.Contains("SecurityGroupsapplication", JsonSerializer.Serialize(source.AsObject()), StringComparison.Ordinal);
        template.HasResourceProperties("AWS::EC2::SecurityGroupIngress", new Dictionary<string, object> { ["FromPort"] = 22, ["CidrIp"] = "198.51.100.7/32" });
    }

    [Fact]
    public void Every_taggable_resource_carries_the_five_tags()
    {
        foreach (var type in new[] { "AWS::EC2::VPC", "AWS::EC2::Subnet", "AWS::EC2::SecurityGroup", "AWS::EC2::NetworkAcl", "AWS::EC2::NatGateway" })
        {
            var resources = CheckerStackTests.Json(Default)["Resources"]!.AsObject().Where(r => (string?)r.Value!["Type"] == type).ToList();
            Assert.NotEmpty(resources);
            foreach (var resource in resources)
            {
                var tags = resource.Value!["Properties"]!["Tags"]!.AsArray().ToDictionary(t => t!["Key"]!.GetValue<string>(), t => t!["Value"]!.GetValue<string>());
                foreach (var (key, value) in BaselineStack.TagsFor("dev"))
                {
                    Assert.Equal(value, tags.GetValueOrDefault(key));
                }
            }
        }
    }

    [Theory]
    [InlineData("AWS::EC2::Subnet", 3)]
    [InlineData("AWS::EC2::RouteTable", 1)]
    public void Subnets_and_route_tables_carry_the_tier_tag_the_network_rules_read(string type, int perTier)
    {
        var tiers = CheckerStackTests.Json(Default)["Resources"]!.AsObject()
            .Where(r => (string?)r.Value!["Type"] == type)
            .Select(r => r.Value!["Properties"]!["Tags"]!.AsArray().Single(t => (string?)t!["Key"] == "Tier")!["Value"]!.GetValue<string>())
            .GroupBy(t => t)
            .ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int> { ["app"] = perTier, ["data"] = perTier, ["public"] = perTier }, tiers);
    }

    [Fact]
    public void Rdp_from_the_internet_is_denied_before_the_ephemeral_allow_where_that_allow_is_open()
    {
        var denies = Default.FindResources("AWS::EC2::NetworkAclEntry", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Properties"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["RuleNumber"] = 40, ["RuleAction"] = "deny", ["Egress"] = false, ["CidrBlock"] = "0.0.0.0/0",
                ["PortRange"] = new Dictionary<string, object> { ["From"] = 3389, ["To"] = 3389 },
            }),
        }));
        Assert.Equal(2, denies.Count);
    }

    [Fact]
    public void Network_resources_have_outputs()
    {
        foreach (var output in new[] { "applicationRouteTableId", "databaseNetworkAclId", "InternetGatewayId", "NatGatewayId", "kmsEndpointId", "executeapiEndpointId", "EndpointSecurityGroupId", "PrivateRangesPrefixListId", "FlowLogId", "RejectedFlowLogId" })
        {
            Default.HasOutput(output, new Dictionary<string, object>());
        }
    }
}
