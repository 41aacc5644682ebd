using Compliance.Checker.Tests.Live;
using static Compliance.Checker.Tests.Function.FunctionHarness;
using static Compliance.Checker.Tests.Live.Ec2ComputeResponses;
using static Compliance.Checker.Tests.Live.Ec2NetworkResponses;

namespace Compliance.Checker.Tests.Function;

public sealed class SampleEventsTests
{
    public static TheoryData<string, string, string?> Samples => new()
    {
        { "scheduled.json", "ok", "scheduled" },
        { "on-demand.json", "ok", "on-demand" },
        { "sg-authorize-ingress-ssh-world.json", "ok", "security-group-change" },
        { "sg-authorize-egress.json", "ok", "security-group-change" },
        { "sg-create.json", "ok", "security-group-change" },
        { "sg-modify-rules.json", "ok", "security-group-change" },
        { "sg-revoke-ingress.json", "ok", "security-group-change" },
        { "sg-authorize-ingress-legacy-by-name.json", "ok", "security-group-change" },
        { "sg-authorize-ingress-failed.json", "ignored", null },
    };

    [Fact]
    public void Every_sample_event_is_listed_here() =>
        Assert.Equal(
            Directory.GetFiles(Path.Combine(Fixtures.RepositoryRoot, "samples", "events"), "*.json").Select(Path.GetFileName).Order(),
            Samples.Select(row => (string)row[0]).Order());

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Every_sample_event_is_routed_to_its_trigger(string sample, string status, string? trigger)
    {
        // Security-group calls are answered; a full scan's other calls get the fake's 501, so it is incomplete, not failed.
        var aws = new FakeAws()
            .On("ec2", "DescribeSecurityGroups", Reply("DescribeSecurityGroups", SecurityGroups))
            .On("ec2", "DescribeSecurityGroupRules", Reply("DescribeSecurityGroupRules", RulesPageOne), Reply("DescribeSecurityGroupRules", RulesPageTwo));

        var (result, _) = await Invoke(SampleEvent(sample), aws);

        Assert.Equal((status, trigger), (result.Status, result.Trigger));
        if (trigger == "security-group-change")
        {
            Assert.All(aws.Requests, r => Assert.StartsWith("DescribeSecurityGroup", r.Operation));
        }
    }
}
