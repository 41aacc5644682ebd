using Compliance.Checker.Engine;
using Compliance.Checker.Live;
using Compliance.Checker.Live.Collection;
using Compliance.Checker.Tests.Function;
using Compliance.Rules.Inventory;
using static Compliance.Checker.Tests.Live.Ec2NetworkResponses;

namespace Compliance.Checker.Tests.Live.Budgets;

/// <summary>A targeted security-group scan makes at most <see cref="ApiBudgets.TargetedSecurityGroupScan"/> calls, whatever the account holds.</summary>
public sealed class TargetedScanBudgetTests
{
    private const string Group = "sg-903004f8";

    /// <summary>An account whose every service answers (so a call the targeted scan should not make would still be counted), with the named group.</summary>
    private static FakeAws Account() => new FakeAws()
        .On("sts", "GetCallerIdentity", FakeAws.Xml("""
            <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/scanner</Arn><UserId>AIDACKCEVSQ6C2EXAMPLE</UserId><Account>123456789012</Account></GetCallerIdentityResult>
              <ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata>
            </GetCallerIdentityResponse>
            """))
        .On("ec2", "DescribeSecurityGroups", Reply("DescribeSecurityGroups", Ec2ComputeResponses.SecurityGroups))
        .On("ec2", "DescribeSecurityGroupRules", Reply("DescribeSecurityGroupRules", OnePage));

    /// <summary>The group's rules in the one page a filtered call returns (the fixtures split them in two to test paging).</summary>
    private static string OnePage =>
        Ec2ComputeResponses.RulesPageOne[..Ec2ComputeResponses.RulesPageOne.IndexOf("</securityGroupRuleSet>", StringComparison.Ordinal)]
        + Ec2ComputeResponses.RulesPageTwo[(Ec2ComputeResponses.RulesPageTwo.IndexOf("<securityGroupRuleSet>", StringComparison.Ordinal) + "<securityGroupRuleSet>".Length)..];

    [Fact]
    public async Task The_cli_targeted_scan_costs_the_account_lookup_and_two_filtered_ec2_calls()
    {
        var aws = Account();
        using var session = new AwsSession(new LiveOptions { Regions = ["eu-west-1"] }, new Amazon.Runtime.BasicAWSCredentials(FakeAws.AccessKey, "secret"), aws);
        var rules = RuleRegistry.BuiltIn().Rules.Where(r => r.Descriptor.ResourceType == ResourceTypes.SecurityGroup).ToList();

        var result = await new LiveSource(session, CollectorCatalog.All).CollectAsync(CollectionScope.ForResources(rules, ResourceTypes.SecurityGroup, [Group]), null, CancellationToken.None);

        Assert.Contains(result.Inventory.SecurityGroups, g => g.Id == Group);
        Assert.InRange(result.Stats.TotalApiCalls, 1, ApiBudgets.TargetedSecurityGroupScan);
        Assert.Equal(["ec2:DescribeSecurityGroupRules", "ec2:DescribeSecurityGroups", "sts:GetCallerIdentity"],
            result.Stats.ApiCalls.Select(c => $"{c.Service}:{c.Operation}"));
        Assert.All(aws.Calls("ec2", "DescribeSecurityGroups"), r => Assert.Equal(Group, r.Param("Filter.1.Value.1")));
    }

    [Theory]
    [InlineData("sg-authorize-ingress-ssh-world.json")]
    [InlineData("sg-modify-rules.json")]
    [InlineData("sg-authorize-ingress-legacy-by-name.json")]
    public async Task The_event_path_stays_within_three_calls(string sample)
    {
        var aws = Account();
        var (result, _) = await FunctionHarness.Invoke(FunctionHarness.SampleEvent(sample), aws);

        Assert.Equal("ok", result.Status);
        Assert.InRange(aws.Requests.Count, 1, ApiBudgets.TargetedSecurityGroupScan);
        Assert.DoesNotContain(aws.Requests, r => r.Service != "ec2");
    }
}
