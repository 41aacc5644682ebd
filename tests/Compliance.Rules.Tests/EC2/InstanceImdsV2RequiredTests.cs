using Compliance.Rules.EC2;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.EC2;

public sealed class InstanceImdsV2RequiredTests
{
    private readonly InstanceImdsV2Required _rule = new();

    private static Instance Instance(string id, string tokens, string endpoint = "enabled", string state = "running") => new()
    {
        Id = id,
        Region = Region,
        AccountId = Account,
        Arn = $"arn:aws:ec2:{Region}:{Account}:instance/{id}",
        State = state,
        VpcId = "vpc-0a1b2c3d4e5f60718",
        SubnetId = "subnet-0bb1c79de3EXAMPLE",
        PublicIpAddress = "",
        MetadataOptions = new InstanceMetadataOptions(tokens, endpoint),
    };

    [Fact]
    public void Instances_that_accept_imdsv1_fail()
    {
        var inventory = BaseInventory with
        {
            Instances =
            [
                Instance("pass-required", "required"),
                Instance("pass-stopped-required", "required", state: "stopped"),
                Instance("pass-endpoint-disabled", "optional", endpoint: "disabled"),
                Instance("fail-optional", "optional"),
                Instance("fail-stopped-optional", "optional", state: "stopped"),
                Instance("i-0terminated00000001", "optional", state: "terminated"),
            ],
        };

        var findings = ExactFailing(_rule, inventory, "fail-optional", "fail-stopped-optional");

        Assert.DoesNotContain(findings, f => f.Resource.Id == "i-0terminated00000001");
    }

    [Fact]
    public void Unknown_metadata_options_are_an_error()
    {
        var inventory = BaseInventory with { Instances = [Instance("i-0unknown000000001", "required") with { MetadataOptions = null }] };

        Assert.Equal(ComplianceStatus.Error, StatusOf(Evaluate(_rule, inventory), "i-0unknown000000001"));
    }

    [Fact]
    public void Failure_names_the_setting()
    {
        var inventory = BaseInventory with { Instances = [Instance("fail-a", "optional") with { Tags = new Dictionary<string, string> { ["Name"] = "web-1" } }] };

        var finding = Assert.Single(Evaluate(_rule, inventory));

        Assert.Equal("Instance fail-a (web-1) accepts IMDSv1 requests (HttpTokens optional) with the metadata endpoint enabled.", finding.Message);
        Assert.Equal("optional", finding.Evidence["httpTokens"]);
        Assert.Equal("enabled", finding.Evidence["httpEndpoint"]);
    }
}
