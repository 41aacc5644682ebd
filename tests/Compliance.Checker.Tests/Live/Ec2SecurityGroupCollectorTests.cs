using Compliance.Checker.Live.Collectors;
using Compliance.Rules.Inventory;
using static Compliance.Checker.Tests.Live.Ec2ComputeResponses;
using static Compliance.Checker.Tests.Live.Ec2NetworkResponses;

namespace Compliance.Checker.Tests.Live;

public sealed class Ec2SecurityGroupCollectorTests
{
    private static FakeAws Groups(params Func<FakeRequest, HttpResponseMessage>[] rules) => GroupsAs(SecurityGroups, rules);

    private static FakeAws GroupsAs(string groups, params Func<FakeRequest, HttpResponseMessage>[] rules) => new FakeAws()
        .On("ec2", "DescribeSecurityGroups", Reply("DescribeSecurityGroups", groups))
        .On("ec2", "DescribeSecurityGroupRules", rules);

    [Fact]
    public async Task Rules_from_every_page_land_on_their_group_one_peer_each()
    {
        var aws = Groups(Reply("DescribeSecurityGroupRules", RulesPageOne), Reply("DescribeSecurityGroupRules", RulesPageTwo));

        var inventory = await CollectorHarness.Collect(new Ec2Collector(), aws, scope: Only(ResourceTypes.SecurityGroup));

        var web = inventory.SecurityGroups.Single(g => g.Id == "sg-903004f8");
        Assert.Equal(("web", "Web servers", "vpc-0a60eb65b4EXAMPLE", "web-sg", "arn:aws:ec2:eu-west-1:123456789012:security-group/sg-903004f8"),
            (web.GroupName, web.Description, web.VpcId, web.Tag("Name"), web.Arn));
        Assert.Equal(
        [
            new SecurityGroupRule { RuleId = "sgr-0a8b2de2feEXAMPLE", IpProtocol = "tcp", FromPort = 22, ToPort = 22, CidrIpv4 = "0.0.0.0/0", Description = "SSH from anywhere" },
            new SecurityGroupRule { RuleId = "sgr-0b8b2de2feEXAMPLE", IpProtocol = "tcp", FromPort = 443, ToPort = 443, CidrIpv6 = "::/0", Description = "" },
            new SecurityGroupRule { RuleId = "sgr-0c8b2de2feEXAMPLE", IpProtocol = "tcp", FromPort = 5432, ToPort = 5432, ReferencedGroupId = "sg-1a2b3c4d", Description = "" },
        ], web.IngressRules);
        Assert.Equal([new SecurityGroupRule { RuleId = "sgr-0d8b2de2feEXAMPLE", IpProtocol = "-1", FromPort = -1, ToPort = -1, PrefixListId = "pl-6ca54005", Description = "" }], web.EgressRules);

        var fallback = inventory.SecurityGroups.Single(g => g.Id == "sg-1a2b3c4d");
        Assert.True(fallback.IsDefault);
        Assert.Equal("", fallback.Description);
        Assert.Equal((0, 0), (fallback.IngressRules!.Count, fallback.EgressRules!.Count)); // known: no rules

        var calls = aws.Calls("ec2", "DescribeSecurityGroupRules");
        Assert.Equal(2, calls.Count);
        Assert.Null(calls[0].Param("NextToken"));
        Assert.Equal("eyJ2IjoiMiIsImMiOiJwYWdlMiJ9", calls[1].Param("NextToken"));
        Assert.Equal("1000", calls[0].Param("MaxResults"));
        Assert.Empty(inventory.CollectionErrors);
    }

    [Fact]
    public async Task A_rules_call_that_fails_leaves_the_groups_with_unknown_rules()
    {
        // The second page is refused: the first page cannot tell which groups it covered completely.
        var aws = Groups(Reply("DescribeSecurityGroupRules", RulesPageOne), Error("UnauthorizedOperation", "You are not authorized to perform this operation."));

        var inventory = await CollectorHarness.Collect(new Ec2Collector(), aws, scope: Only(ResourceTypes.SecurityGroup));

        Assert.Equal(2, inventory.SecurityGroups.Count);
        Assert.All(inventory.SecurityGroups, g => Assert.Null(g.IngressRules));
        Assert.All(inventory.SecurityGroups, g => Assert.Null(g.EgressRules));
        var error = Assert.Single(inventory.CollectionErrors);
        Assert.Equal(("DescribeSecurityGroupRules", ResourceTypes.SecurityGroup, "UnauthorizedOperation"), (error.Operation, error.ResourceType, error.ErrorCode));
    }

    [Fact]
    public async Task A_targeted_group_costs_exactly_two_calls_both_filtered_on_its_id()
    {
        var aws = GroupsAs(WebGroupOfPageTwo, Reply("DescribeSecurityGroupRules", RulesPageTwo));

        var inventory = await CollectorHarness.Collect(new Ec2Collector(), aws, scope: Targeted(ResourceTypes.SecurityGroup, "sg-903004f8"));

        Assert.Equal(2, aws.Requests.Count);
        foreach (var call in aws.Requests)
        {
            Assert.Equal(("group-id", "sg-903004f8", null), (call.Param("Filter.1.Name"), call.Param("Filter.1.Value.1"), call.Param("Filter.1.Value.2")));
        }

        Assert.Equal(["DescribeSecurityGroupRules", "DescribeSecurityGroups"], aws.Requests.Select(r => r.Operation).Order());
        var web = inventory.SecurityGroups.Single(g => g.Id == "sg-903004f8");
        Assert.Equal("sgr-0c8b2de2feEXAMPLE", Assert.Single(web.IngressRules!).RuleId);
        Assert.Equal("sgr-0d8b2de2feEXAMPLE", Assert.Single(web.EgressRules!).RuleId);
        Assert.Empty(inventory.CollectionErrors);
    }

    [Fact]
    public async Task A_rule_without_a_peer_leaves_its_direction_unknown_not_open()
    {
        // moto 4.2 sends an IPv6-only rule like this: protocol and ports, an empty cidrIpv4 and no cidrIpv6.
        const string Peerless = """
            <securityGroupRuleSet>
              <item><securityGroupRuleId>sgr-0e8b2de2feEXAMPLE</securityGroupRuleId><groupId>sg-903004f8</groupId><groupOwnerId>123456789012</groupOwnerId>
                <isEgress>false</isEgress><ipProtocol>tcp</ipProtocol><fromPort>5432</fromPort><toPort>5432</toPort><cidrIpv4></cidrIpv4><tagSet/></item>
              <item><securityGroupRuleId>sgr-0d8b2de2feEXAMPLE</securityGroupRuleId><groupId>sg-903004f8</groupId><groupOwnerId>123456789012</groupOwnerId>
                <isEgress>true</isEgress><ipProtocol>-1</ipProtocol><fromPort>-1</fromPort><toPort>-1</toPort><prefixListId>pl-6ca54005</prefixListId><tagSet/></item>
            </securityGroupRuleSet>
            """;
        var aws = GroupsAs(WebGroupOfPageTwo, Reply("DescribeSecurityGroupRules", Peerless));

        var inventory = await CollectorHarness.Collect(new Ec2Collector(), aws, scope: Only(ResourceTypes.SecurityGroup));

        var web = inventory.SecurityGroups.Single(g => g.Id == "sg-903004f8");
        Assert.Null(web.IngressRules);
        Assert.Equal("sgr-0d8b2de2feEXAMPLE", Assert.Single(web.EgressRules!).RuleId);
        var error = Assert.Single(inventory.CollectionErrors);
        Assert.Equal(("InvalidRule", "sg-903004f8"), (error.ErrorCode, error.ResourceId));
        Assert.Contains("sgr-0e8b2de2feEXAMPLE came without a peer", error.Message);
    }

    [Fact]
    public async Task Fewer_rules_than_the_group_lists_peers_leave_that_direction_unknown()
    {
        // The group lists three inbound peers (22 from 0.0.0.0/0, 443 from ::/0, 5432 from a group) and one outbound;
        // the rules name only the last inbound one, as an emulator that drops peers would.
        var aws = Groups(Reply("DescribeSecurityGroupRules", RulesPageTwo));

        var inventory = await CollectorHarness.Collect(new Ec2Collector(), aws, scope: Only(ResourceTypes.SecurityGroup));

        var web = inventory.SecurityGroups.Single(g => g.Id == "sg-903004f8");
        Assert.Null(web.IngressRules);
        Assert.Single(web.EgressRules!);
        var error = Assert.Single(inventory.CollectionErrors);
        Assert.Equal(("InconsistentRules", "sg-903004f8"), (error.ErrorCode, error.ResourceId));
        Assert.Contains("returned 1 inbound rule but DescribeSecurityGroups lists 3 peers", error.Message);
    }

    [Fact]
    public async Task A_targeted_scan_of_another_type_makes_no_ec2_call_and_an_empty_id_list_none_either()
    {
        var aws = new FakeAws();

        await CollectorHarness.Collect(new Ec2Collector(), aws, scope: Only(ResourceTypes.LogGroup));
        await CollectorHarness.Collect(new Ec2Collector(), aws, scope: Targeted(ResourceTypes.SecurityGroup));

        Assert.Empty(aws.Requests);
    }
}
