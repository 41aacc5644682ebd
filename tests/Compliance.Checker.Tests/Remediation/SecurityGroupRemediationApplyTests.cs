using Compliance.Checker.Remediation;
using Compliance.Rules;
using Compliance.Rules.EC2;
using Compliance.Rules.Inventory;
using RemediationOutcome = Compliance.Rules.RemediationOutcome;

namespace Compliance.Checker.Tests.Remediation;

/// <summary>The security-group remediations applied through the real gateway and EC2 handler, against EC2 over HTTP.</summary>
public sealed class SecurityGroupRemediationApplyTests
{
    private const string GroupId = "sg-0f7e6d5c4b3a29180";
    private static readonly FakeRule Ssh = new("sgr-0c7d6e5f403120a9b", false, "tcp", 22, 22, V4: "0.0.0.0/0");
    private static readonly FakeRule Https = new("sgr-0d6e5f403120a9b8c", false, "tcp", 443, 443, V4: "0.0.0.0/0");
    private static readonly FakeRule FromApp = new("sgr-0e5f403120a9b8c7d", false, "tcp", 5432, 5432, ReferencedGroup: "sg-0a1b2c3d000000061");
    private static readonly FakeRule Outbound = new("sgr-0f403120a9b8c7d6e", true, "-1", -1, -1, V4: "0.0.0.0/0");

    /// <summary>The inventory the scan saw, the rule's finding on it, and the plan.</summary>
    private static RemediationPlan Plan<TRule>(IRemediation remediation, string groupName, params FakeRule[] rules) where TRule : IComplianceRule, new()
    {
        var group = new SecurityGroup
        {
            Id = GroupId, GroupName = groupName, Region = "eu-west-1", AccountId = "123456789012", VpcId = "vpc-0c5d6e7f8091a2b3c",
            IngressRules = rules.Where(r => !r.IsEgress).Select(r => r.ToInventory()).ToList(),
            EgressRules = rules.Where(r => r.IsEgress).Select(r => r.ToInventory()).ToList(),
        };
        var inventory = new AwsInventory { AccountIds = ["123456789012"], Regions = ["eu-west-1"], SecurityGroups = [group] };
        var rule = new TRule();
        var finding = Assert.Single(rule.Evaluate(new RuleContext(inventory, rule.Descriptor)));
        return remediation.Plan(finding, inventory) ?? throw new InvalidOperationException("no plan");
    }

    private static async Task<RemediationOutcome> Apply(IRemediation remediation, RemediationPlan plan, SecurityGroupFake ec2)
    {
        using var session = ec2.Aws.Session();
        return await remediation.ApplyAsync(plan, new AwsRemediationGateway(session), CancellationToken.None);
    }

    [Fact]
    public async Task The_revoke_names_only_the_offending_rule_id_and_the_group_keeps_every_other_rule()
    {
        var remediation = new SecurityGroupAdminPortsRestrictedRemediation();
        var plan = Plan<SecurityGroupAdminPortsRestricted>(remediation, "launch-wizard-1", Ssh, Https, FromApp, Outbound);
        var ec2 = new SecurityGroupFake(GroupId, Ssh, Https, FromApp, Outbound);

        var outcome = await Apply(remediation, plan, ec2);

        Assert.True(outcome.Succeeded, outcome.Error);
        var revoke = Assert.Single(ec2.Revokes);
        Assert.Equal(("RevokeSecurityGroupIngress", "eu-west-1"), (revoke.Operation, revoke.Region));
        Assert.Equal(new Dictionary<string, string>
        {
            ["Action"] = "RevokeSecurityGroupIngress", ["Version"] = "2016-11-15", ["GroupId"] = GroupId, ["SecurityGroupRuleId.1"] = Ssh.Id,
        }, SecurityGroupFake.Form(revoke));
        Assert.Equal([Https, FromApp, Outbound], ec2.Rules);

        var describes = ec2.Aws.Calls("ec2", "DescribeSecurityGroupRules");
        Assert.Equal(2, describes.Count); // before and after
        Assert.All(describes, d => Assert.Equal(("group-id", GroupId), (d.Param("Filter.1.Name"), d.Param("Filter.1.Value.1"))));
        Assert.Equal("ingress tcp/22 from 0.0.0.0/0", outcome.Before[Ssh.Id]);
        Assert.False(outcome.After.ContainsKey(Ssh.Id));
        Assert.Equal(Ssh.Id, outcome.After["revoked"]);
        Assert.Equal("egress all traffic to 0.0.0.0/0", outcome.After[Outbound.Id]);
    }

    [Fact]
    public async Task A_second_run_finds_the_rule_gone_and_makes_no_revoke()
    {
        var remediation = new SecurityGroupHighRiskPortsRestrictedRemediation();
        var plan = Plan<SecurityGroupHighRiskPortsRestricted>(remediation, "launch-wizard-1", Ssh, Https, Outbound);
        var ec2 = new SecurityGroupFake(GroupId, Ssh, Https, Outbound);

        var first = await Apply(remediation, plan, ec2);
        var second = await Apply(remediation, plan, ec2);

        Assert.True(first.Succeeded, first.Error);
        Assert.True(second.Succeeded, second.Error);
        Assert.Single(ec2.Revokes);
        Assert.Equal(Ssh.Id, second.After["alreadyAbsent"]);
        Assert.False(second.After.ContainsKey("revoked"));
        Assert.Equal([Https, Outbound], ec2.Rules);
    }

    [Fact]
    public async Task A_revoke_answered_NotFound_is_already_done_not_an_error()
    {
        // The rule is revoked by someone else between the describe and the revoke.
        var remediation = new SecurityGroupAdminPortsRestrictedRemediation();
        var plan = Plan<SecurityGroupAdminPortsRestricted>(remediation, "launch-wizard-1", Ssh, Https);
        var ec2 = new SecurityGroupFake(GroupId, Ssh, Https) { RemovedJustBeforeRevoke = Ssh.Id };

        var outcome = await Apply(remediation, plan, ec2);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(Ssh.Id, outcome.After["alreadyAbsent"]);
        Assert.Equal("ingress tcp/22 from 0.0.0.0/0", outcome.Before[Ssh.Id]); // it was there when the fix started
        Assert.Equal(Ssh.Id, Assert.Single(ec2.Revokes).Param("SecurityGroupRuleId.1"));
        Assert.Equal([Https], ec2.Rules);
    }

    [Fact]
    public async Task The_after_check_fails_the_outcome_when_the_rule_is_still_there()
    {
        var remediation = new SecurityGroupAdminPortsRestrictedRemediation();
        var plan = Plan<SecurityGroupAdminPortsRestricted>(remediation, "launch-wizard-1", Ssh, Https);
        var ec2 = new SecurityGroupFake(GroupId, Ssh, Https) { IgnoreRevokes = true };

        var outcome = await Apply(remediation, plan, ec2);

        Assert.False(outcome.Succeeded);
        Assert.Equal($"{Ssh.Id} still in {GroupId} after the revoke", outcome.Error);
        Assert.Equal("ingress tcp/22 from 0.0.0.0/0", outcome.After[Ssh.Id]);
    }

    [Fact]
    public async Task Another_rule_vanishing_during_the_fix_fails_the_verification()
    {
        var remediation = new SecurityGroupAdminPortsRestrictedRemediation();
        var plan = Plan<SecurityGroupAdminPortsRestricted>(remediation, "launch-wizard-1", Ssh, Https);
        var ec2 = new SecurityGroupFake(GroupId, Ssh, Https) { AlsoRemovedOnRevoke = Https.Id };

        var outcome = await Apply(remediation, plan, ec2);

        Assert.False(outcome.Succeeded);
        Assert.Equal($"{Https.Id} disappeared from {GroupId}, which the plan did not revoke", outcome.Error);
    }

    [Fact]
    public async Task A_rule_changed_since_the_scan_is_not_revoked_and_nothing_else_is_either()
    {
        var remediation = new SecurityGroupAdminPortsRestrictedRemediation();
        var rdp = new FakeRule("sgr-0a0b0c0d0e0f01021", false, "tcp", 3389, 3389, V6: "::/0");
        var plan = Plan<SecurityGroupAdminPortsRestricted>(remediation, "launch-wizard-1", Ssh, rdp, Https);
        var ec2 = new SecurityGroupFake(GroupId, Ssh, rdp, Https);
        ec2.Replace(Ssh with { V4 = "10.20.0.0/16" }); // narrowed by its owner in place, same id

        var outcome = await Apply(remediation, plan, ec2);

        Assert.False(outcome.Succeeded);
        Assert.Empty(ec2.Revokes);
        Assert.Equal($"Nothing revoked: {Ssh.Id} now admits tcp/22 from 10.20.0.0/16, not the internet since the scan.", outcome.Error);
        Assert.Equal(3, ec2.Rules.Count);
    }

    [Fact]
    public async Task A_rule_moved_in_place_to_a_harmless_port_is_not_revoked()
    {
        // Its owner fixed it with ModifySecurityGroupRules (same id) between the scan and the fix.
        var remediation = new SecurityGroupHighRiskPortsRestrictedRemediation();
        var plan = Plan<SecurityGroupHighRiskPortsRestricted>(remediation, "launch-wizard-1", Ssh, Outbound);
        var ec2 = new SecurityGroupFake(GroupId, Ssh, Outbound);
        ec2.Replace(Ssh with { From = 443, To = 443 });

        var outcome = await Apply(remediation, plan, ec2);

        Assert.False(outcome.Succeeded);
        Assert.Empty(ec2.Revokes);
        Assert.StartsWith($"Nothing revoked: {Ssh.Id} now admits tcp/443 from 0.0.0.0/0, which opens none of the ports 20, 21, 22,", outcome.Error);
    }

    [Fact]
    public async Task The_default_group_is_emptied_ingress_and_egress_each_by_their_own_ids()
    {
        var self = new FakeRule("sgr-0123456789abcdef1", false, "-1", -1, -1, ReferencedGroup: GroupId);
        var outV6 = new FakeRule("sgr-0123456789abcdef2", true, "-1", -1, -1, V6: "::/0");
        var remediation = new SecurityGroupDefaultClosedRemediation();
        var plan = Plan<SecurityGroupDefaultClosed>(remediation, "default", self, Outbound, outV6);
        var ec2 = new SecurityGroupFake(GroupId, self, Outbound, outV6);

        var outcome = await Apply(remediation, plan, ec2);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Empty(ec2.Rules);
        var (ingress, egress) = (Assert.Single(ec2.Aws.Calls("ec2", "RevokeSecurityGroupIngress")), Assert.Single(ec2.Aws.Calls("ec2", "RevokeSecurityGroupEgress")));
        Assert.Equal((self.Id, null), (ingress.Param("SecurityGroupRuleId.1"), ingress.Param("SecurityGroupRuleId.2")));
        Assert.Equal((Outbound.Id, outV6.Id, null), (egress.Param("SecurityGroupRuleId.1"), egress.Param("SecurityGroupRuleId.2"), egress.Param("SecurityGroupRuleId.3")));
        Assert.DoesNotContain(ec2.Revokes, r => SecurityGroupFake.Form(r).Keys.Any(k => k.StartsWith("IpPermissions", StringComparison.Ordinal)));
    }
}
