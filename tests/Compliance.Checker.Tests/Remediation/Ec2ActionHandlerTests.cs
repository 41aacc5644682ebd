using System.Net;
using Compliance.Checker.Remediation;
using Compliance.Checker.Remediation.Actions;
using Compliance.Checker.Tests.Live;
using Compliance.Rules;
using Compliance.Rules.EC2;
using static Compliance.Checker.Tests.Live.Ec2ComputeResponses;
using static Compliance.Checker.Tests.Live.Ec2NetworkResponses;

namespace Compliance.Checker.Tests.Remediation;

public sealed class Ec2ActionHandlerTests
{
    private static RemediationAction Action(string action, string? ids = null)
    {
        var parameters = new Dictionary<string, string> { ["Region"] = "eu-west-1", ["GroupId"] = "sg-903004f8" };
        if (ids is not null)
        {
            parameters["SecurityGroupRuleIds"] = ids;
        }

        return new RemediationAction(action, parameters);
    }

    private static async Task<IReadOnlyDictionary<string, string>> Invoke(FakeAws aws, RemediationAction action)
    {
        using var session = aws.Session();
        return await new AwsRemediationGateway(session).InvokeAsync(action, CancellationToken.None);
    }

    [Fact]
    public void The_gateway_routes_the_three_security_group_actions_to_the_EC2_handler()
    {
        Assert.Superset(new HashSet<string> { SecurityGroupRuleActions.RevokeIngress, SecurityGroupRuleActions.RevokeEgress, SecurityGroupRuleActions.DescribeRules },
            AwsRemediationGateway.SupportedActions.ToHashSet());
        Assert.Equal(3, new Ec2ActionHandler().Actions.Count);
    }

    [Fact]
    public async Task Describe_reads_every_page_of_the_group_and_answers_each_rule_with_its_direction_and_shape()
    {
        var aws = new FakeAws().On("ec2", "DescribeSecurityGroupRules", Reply("DescribeSecurityGroupRules", RulesPageOne), Reply("DescribeSecurityGroupRules", RulesPageTwo));

        var answer = await Invoke(aws, Action(SecurityGroupRuleActions.DescribeRules));
        var rules = SecurityGroupRuleActions.DecodeRules(answer);

        Assert.Equal("sgr-0a8b2de2feEXAMPLE,sgr-0b8b2de2feEXAMPLE,sgr-0c8b2de2feEXAMPLE,sgr-0d8b2de2feEXAMPLE", answer["SecurityGroupRuleIds"]);
        Assert.Equal(["ingress tcp/22 from 0.0.0.0/0", "ingress tcp/443 from ::/0", "ingress tcp/5432 from sg-1a2b3c4d", "egress all traffic to pl-6ca54005"], rules.Select(r => r.Text));
        var calls = aws.Calls("ec2", "DescribeSecurityGroupRules");
        Assert.Equal(2, calls.Count);
        Assert.All(calls, c => Assert.Equal(("group-id", "sg-903004f8", null), (c.Param("Filter.1.Name"), c.Param("Filter.1.Value.1"), c.Param("Filter.2.Name"))));
        Assert.Equal("eyJ2IjoiMiIsImMiOiJwYWdlMiJ9", calls[1].Param("NextToken"));
    }

    [Fact]
    public async Task Describe_narrows_to_rule_ids_with_the_security_group_rule_id_filter()
    {
        var aws = new FakeAws().On("ec2", "DescribeSecurityGroupRules", Reply("DescribeSecurityGroupRules", RulesPageTwo));

        await Invoke(aws, Action(SecurityGroupRuleActions.DescribeRules, "sgr-0c8b2de2feEXAMPLE,sgr-0d8b2de2feEXAMPLE"));

        var call = Assert.Single(aws.Requests);
        Assert.Equal(("security-group-rule-id", "sgr-0c8b2de2feEXAMPLE", "sgr-0d8b2de2feEXAMPLE"), (call.Param("Filter.2.Name"), call.Param("Filter.2.Value.1"), call.Param("Filter.2.Value.2")));
    }

    [Fact]
    public async Task Revoke_egress_sends_exactly_the_rule_ids_and_reports_what_EC2_revoked()
    {
        var aws = new FakeAws().On("ec2", "RevokeSecurityGroupEgress", Reply("RevokeSecurityGroupEgress",
            "<return>true</return><revokedSecurityGroupRuleSet><item><securityGroupRuleId>sgr-0d8b2de2feEXAMPLE</securityGroupRuleId><groupId>sg-903004f8</groupId><isEgress>true</isEgress><ipProtocol>-1</ipProtocol></item></revokedSecurityGroupRuleSet>"));

        var answer = await Invoke(aws, Action(SecurityGroupRuleActions.RevokeEgress, "sgr-0d8b2de2feEXAMPLE"));

        var call = Assert.Single(aws.Requests);
        Assert.Equal(["Action", "GroupId", "SecurityGroupRuleId.1", "Version"], SecurityGroupFake.Form(call).Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("true", "sgr-0d8b2de2feEXAMPLE"), (answer["Return"], answer["RevokedSecurityGroupRuleIds"]));
    }

    [Fact]
    public async Task Revoking_a_rule_id_that_no_longer_exists_answers_already_absent()
    {
        var aws = new FakeAws().On("ec2", "RevokeSecurityGroupIngress",
            Error("InvalidSecurityGroupRuleId.NotFound", "The security group rule ID 'sgr-0a8b2de2feEXAMPLE' does not exist", HttpStatusCode.BadRequest));

        var answer = await Invoke(aws, Action(SecurityGroupRuleActions.RevokeIngress, "sgr-0a8b2de2feEXAMPLE"));

        Assert.Equal(new Dictionary<string, string> { ["alreadyAbsent"] = "true" }, answer);
        Assert.Single(aws.Requests); // a client error, not retried
    }

    [Fact]
    public async Task Any_other_refusal_is_an_error_naming_the_action_and_the_code()
    {
        var aws = new FakeAws().On("ec2", "RevokeSecurityGroupIngress", Error("UnauthorizedOperation", "You are not authorized to perform this operation."));

        var error = await Assert.ThrowsAsync<AwsActionException>(() => Invoke(aws, Action(SecurityGroupRuleActions.RevokeIngress, "sgr-0a8b2de2feEXAMPLE")));

        Assert.Equal("ec2:RevokeSecurityGroupIngress failed with UnauthorizedOperation: You are not authorized to perform this operation.", error.Message);
    }

    [Fact]
    public async Task A_revoke_without_rule_ids_or_a_region_is_refused_before_any_call()
    {
        var aws = new FakeAws();

        await Assert.ThrowsAsync<ArgumentException>(() => Invoke(aws, Action(SecurityGroupRuleActions.RevokeIngress)));
        await Assert.ThrowsAsync<ArgumentException>(() => Invoke(aws, Action(SecurityGroupRuleActions.RevokeIngress, " , ")));
        await Assert.ThrowsAsync<ArgumentException>(() => Invoke(aws, new RemediationAction(SecurityGroupRuleActions.RevokeIngress,
            new Dictionary<string, string> { ["GroupId"] = "sg-903004f8", ["SecurityGroupRuleIds"] = "sgr-0a8b2de2feEXAMPLE" })));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Invoke(aws, new RemediationAction("ec2:DeleteSecurityGroup", new Dictionary<string, string>())));

        Assert.Empty(aws.Requests);
    }
}
