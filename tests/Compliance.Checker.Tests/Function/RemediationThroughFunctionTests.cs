using Compliance.Checker.Function;
using Compliance.Checker.Tests.Live;
using Compliance.Checker.Tests.Remediation;
using static Compliance.Checker.Tests.Function.FunctionHarness;

namespace Compliance.Checker.Tests.Function;

/// <summary>The scenario end to end through the handler: a world-open SSH rule is revoked, and only that rule.</summary>
public sealed class RemediationThroughFunctionTests
{
    private const string GroupId = "sg-0a1b2c3d4e5f60718";
    private static readonly FakeRule Ssh = new("sgr-0d1f2e3c4b5a69788", false, "tcp", 22, 22, V4: "0.0.0.0/0");
    private static readonly FakeRule HttpsFromAlb = new("sgr-0a1b2c3d4e5f60001", false, "tcp", 443, 443, ReferencedGroup: "sg-0f0e0d0c0b0a09080");
    private static readonly FakeRule EgressToVpc = new("sgr-0a1b2c3d4e5f60002", true, "tcp", 443, 443, V4: "10.0.0.0/16");

    private static SecurityGroupFake Group()
    {
        var group = new SecurityGroupFake(GroupId, Ssh, HttpsFromAlb, EgressToVpc);
        group.Aws.On("ec2", "DescribeSecurityGroups", _ => FakeAws.Xml($"""
            <DescribeSecurityGroupsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
              <requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>
              <securityGroupInfo><item><ownerId>123456789012</ownerId><groupId>{GroupId}</groupId><groupName>web</groupName>
                <groupDescription>Web tier</groupDescription><vpcId>vpc-0a1b2c3d000000001</vpcId>
                <ipPermissions>{Permissions(group.Rules.Where(r => !r.IsEgress))}</ipPermissions>
                <ipPermissionsEgress>{Permissions(group.Rules.Where(r => r.IsEgress))}</ipPermissionsEgress></item></securityGroupInfo>
            </DescribeSecurityGroupsResponse>
            """)(_));
        return group;
    }

    /// <summary>The group's current rules as DescribeSecurityGroups lists them (one permission per rule here).</summary>
    private static string Permissions(IEnumerable<FakeRule> rules) => string.Concat(rules.Select(r =>
        $"<item><ipProtocol>{r.Protocol}</ipProtocol><fromPort>{r.From}</fromPort><toPort>{r.To}</toPort>" +
        (r.V4 is null ? "<ipRanges/>" : $"<ipRanges><item><cidrIp>{r.V4}</cidrIp></item></ipRanges>") +
        (r.ReferencedGroup is null ? "<groups/>" : $"<groups><item><userId>123456789012</userId><groupId>{r.ReferencedGroup}</groupId></item></groups>") +
        "<ipv6Ranges/><prefixListIds/></item>"));

    private static FunctionConfiguration Config(RemediationMode mode) => new()
    {
        Regions = ["eu-west-1"], Remediation = mode, RemediationAllow = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "EC2.SecurityGroup.2" },
    };

    private static Task<(FunctionResult Result, string Log)> Run(SecurityGroupFake group, RemediationMode mode) =>
        Invoke(SampleEvent("sg-authorize-ingress-ssh-world.json"), group.Aws, Config(mode), remediation: FunctionComposition.From(Config(mode)).Remediation);

    [Fact]
    public async Task Enforce_revokes_exactly_the_world_open_rule_and_a_second_run_changes_nothing()
    {
        var group = Group();

        var (first, log) = await Run(group, RemediationMode.Enforce);

        Assert.Equal((1, 0), (first.Remediation!.Applied, first.Remediation.Failed));
        Assert.Equal([HttpsFromAlb.Id, EgressToVpc.Id], group.Rules.Select(r => r.Id).Order());
        var revoke = Assert.Single(group.Revokes);
        Assert.Equal(Ssh.Id, revoke.Param("SecurityGroupRuleId.1"));
        Assert.Null(revoke.Param("SecurityGroupRuleId.2"));
        Assert.Contains("\"event\":\"remediation\"", log);

        var (second, _) = await Run(group, RemediationMode.Enforce);

        Assert.Equal((0, 0), (second.Remediation!.Applied, second.Remediation.Planned));
        Assert.Single(group.Revokes);
    }

    [Fact]
    public async Task Dry_run_plans_the_revoke_and_changes_nothing()
    {
        var group = Group();

        var (result, _) = await Run(group, RemediationMode.DryRun);

        Assert.Equal(("dry-run", 1, 0), (result.Remediation!.Mode, result.Remediation.Planned, result.Remediation.Applied));
        Assert.Empty(group.Revokes);
        Assert.Equal(3, group.Rules.Count);
    }

    [Fact]
    public async Task Unreadable_suppressions_turn_remediation_off_for_the_run()
    {
        var group = Group();
        group.Aws.On("s3", "GET /compliance-config/suppressions.yaml", FakeAws.Xml("<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>", System.Net.HttpStatusCode.Forbidden));
        var config = Config(RemediationMode.Enforce) with { Suppressions = "s3://compliance-config/suppressions.yaml", EndpointUrl = "https://aws.test" };

        var (result, log) = await Invoke(SampleEvent("sg-authorize-ingress-ssh-world.json"), group.Aws, config, remediation: FunctionComposition.From(config).Remediation);

        Assert.Equal(("ok", "off"), (result.Status, result.Remediation!.Mode));
        Assert.Contains("remediation was turned off", result.Reason);
        Assert.Empty(group.Revokes);
        Assert.Contains("\"event\":\"suppressions_unreadable\"", log);
    }
}
