using Compliance.Checker.Engine;
using Compliance.Checker.Function;
using Compliance.Checker.Remediation;
using Compliance.Checker.Snapshots;
using Compliance.Checker.Tests.Live;
using Compliance.Rules;
using Compliance.Rules.EC2;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Tests.Remediation;

/// <summary>Scan, then remediate with the built-in remediations through the real gateway, against EC2 over HTTP.</summary>
public sealed class RemediationEndToEndTests
{
    private static readonly string[] SecurityGroupRules = [RuleIds.Ec2SecurityGroup1, RuleIds.Ec2SecurityGroup2, RuleIds.Ec2SecurityGroup3];

    [Fact]
    public async Task A_dry_run_over_the_noncompliant_sample_plans_every_security_group_fix_and_sends_nothing()
    {
        var snapshot = await SnapshotFile.ReadAsync(Fixtures.Sample("noncompliant.json"));
        var report = new Scanner().Scan(snapshot.Inventory, RuleRegistry.BuiltIn().Rules, new("snapshot", "noncompliant.json"), SourceKind.Snapshot);
        var aws = new FakeAws();
        using var session = aws.Session();

        var run = await RemediationEngine.BuiltIn().RunAsync(report.Findings, snapshot.Inventory,
            new RemediationOptions { Mode = RemediationMode.DryRun, Allow = SecurityGroupRules.ToHashSet() }, new AwsRemediationGateway(session), CancellationToken.None);

        Assert.Empty(aws.Requests); // not even a describe
        var planned = run.Records.Where(r => r.Outcome == RemediationStatus.Planned).ToList();
        Assert.Equal(
        [
            // most severe first, then rule, then account, region (eu-west-1 before us-east-1) and resource
            "EC2.SecurityGroup.3 sg-0f7e6d5c4b3a29180 ec2:RevokeSecurityGroupIngress sgr-0c7d6e5f403120a9b,sgr-0d6e5f403120a9b8c",
            "EC2.SecurityGroup.3 sg-0a1a2b2c3c4d4e5e6 ec2:RevokeSecurityGroupIngress sgr-0a0b0c0d0e0f01020,sgr-0a0b0c0d0e0f01021",
            "EC2.SecurityGroup.1 sg-0d1e2f3a4b5c6d7e8 ec2:RevokeSecurityGroupIngress",
            "EC2.SecurityGroup.2 sg-0f7e6d5c4b3a29180 ec2:RevokeSecurityGroupIngress sgr-0c7d6e5f403120a9b",
            "EC2.SecurityGroup.2 sg-0a1a2b2c3c4d4e5e6 ec2:RevokeSecurityGroupIngress sgr-0a0b0c0d0e0f01021",
        ], planned.Select(r => $"{r.RuleId} {r.Resource.Id} {r.Plan!.Actions[1].Action}{(r.RuleId == RuleIds.Ec2SecurityGroup1 ? "" : " " + r.Plan.Actions[1].Parameters["SecurityGroupRuleIds"])}"));
        Assert.All(run.Records.Except(planned), r =>
        {
            Assert.Equal(RemediationStatus.Skipped, r.Outcome);
            Assert.DoesNotContain(r.RuleId, SecurityGroupRules);
        });
    }

    [Fact]
    public async Task Enforcing_two_rules_on_one_group_revokes_the_shared_rule_once()
    {
        // tcp/22 from the internet fails both EC2.SecurityGroup.3 (critical, first) and EC2.SecurityGroup.2 (high).
        var ssh = new FakeRule("sgr-0c7d6e5f403120a9b", false, "tcp", 22, 22, V4: "0.0.0.0/0");
        var jenkins = new FakeRule("sgr-0d6e5f403120a9b8c", false, "tcp", 8080, 8080, V4: "0.0.0.0/0");
        var https = new FakeRule("sgr-0e5f403120a9b8c7d", false, "tcp", 443, 443, V6: "::/0");
        var ec2 = new SecurityGroupFake("sg-0f7e6d5c4b3a29180", ssh, jenkins, https);
        var inventory = new AwsInventory
        {
            AccountIds = ["123456789012"],
            Regions = ["eu-west-1"],
            SecurityGroups =
            [
                new SecurityGroup
                {
                    Id = "sg-0f7e6d5c4b3a29180", GroupName = "launch-wizard-1", Region = "eu-west-1", AccountId = "123456789012",
                    IngressRules = ec2.Rules.Select(r => r.ToInventory()).ToList(), EgressRules = [],
                },
            ],
        };
        IComplianceRule[] rules = [new SecurityGroupAdminPortsRestricted(), new SecurityGroupHighRiskPortsRestricted()];
        var findings = new Evaluator().Evaluate(inventory, rules, SourceKind.Live);
        using var session = ec2.Aws.Session();

        var run = await RemediationEngine.BuiltIn().RunAsync(findings, inventory,
            new RemediationOptions { Mode = RemediationMode.Enforce, Allow = SecurityGroupRules.ToHashSet() }, new AwsRemediationGateway(session), CancellationToken.None);

        Assert.Equal([RemediationStatus.Applied, RemediationStatus.Applied], run.Records.Select(r => r.Outcome));
        Assert.Equal([RuleIds.Ec2SecurityGroup3, RuleIds.Ec2SecurityGroup2], run.Records.Select(r => r.RuleId));
        var revoke = Assert.Single(ec2.Revokes);
        Assert.Equal((ssh.Id, jenkins.Id, null), (revoke.Param("SecurityGroupRuleId.1"), revoke.Param("SecurityGroupRuleId.2"), revoke.Param("SecurityGroupRuleId.3")));
        Assert.Equal(ssh.Id, run.Records[1].After!["alreadyAbsent"]);
        Assert.Equal([https], ec2.Rules);
    }
}
