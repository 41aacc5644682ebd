using Compliance.Rules.EC2;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.EC2;

public sealed class AccountVpcBlockPublicAccessTests
{
    private const string EdgeVpc = "vpc-0e1d2c3b4a5968778";
    private const string AppVpc = "vpc-0a60eb65b4EXAMPLE";
    private readonly AccountVpcBlockPublicAccess _rule = new();

    private static VpcBlockPublicAccessOptions Options(string account, string? mode, params VpcBlockPublicAccessExclusion[] exclusions) => new()
    {
        Id = account,
        Region = Region,
        AccountId = account,
        InternetGatewayBlockMode = mode,
        State = "update-complete",
        ExclusionsAllowed = "allowed",
        ManagedBy = "account",
        Exclusions = exclusions,
    };

    private static VpcBlockPublicAccessExclusion Exclusion(string resource, string state = "create-complete", string mode = "allow-egress") => new()
    {
        ExclusionId = $"exclusion-{Math.Abs(resource.GetHashCode(StringComparison.Ordinal)):x8}0a1b2c3d",
        InternetGatewayExclusionMode = mode,
        ResourceArn = $"arn:aws:ec2:{Region}:{Account}:{resource}",
        State = state,
    };

    private static AwsInventory Accounts(params VpcBlockPublicAccessOptions[] options) => new()
    {
        AccountIds = [.. options.Select(o => o.AccountId)],
        Regions = [Region],
        VpcBlockPublicAccessOptions = options,
        Subnets = [new Subnet { Id = "subnet-0bb1c79de3EXAMPLE", Region = Region, AccountId = Account, VpcId = EdgeVpc }],
    };

    private static readonly Dictionary<string, string> EdgeApproved = new() { ["approvedExclusionVpcs"] = EdgeVpc };

    [Fact]
    public void Bidirectional_blocking_with_only_approved_or_inactive_exclusions_passes()
    {
        var inventory = Accounts(
            Options("111111111111", "block-bidirectional"),
            Options("222222222222", "off"),
            Options("333333333333", "block-ingress"),
            Options("444444444444", "block-bidirectional", Exclusion($"vpc/{AppVpc}")),
            Options("555555555555", "block-bidirectional", Exclusion($"vpc/{AppVpc}", state: "delete-complete"), Exclusion($"vpc/{AppVpc}", state: "create-failed")));

        var findings = ExactFailing(_rule, inventory, "222222222222", "333333333333", "444444444444");

        Assert.Equal(ComplianceStatus.Pass, StatusOf(findings, "111111111111"));
        Assert.Equal(ComplianceStatus.Pass, StatusOf(findings, "555555555555"));
    }

    [Fact]
    public void Exclusions_of_the_approved_vpc_and_its_subnets_pass_and_others_fail_with_their_names()
    {
        var inventory = Accounts(Options(Account, "block-bidirectional",
            Exclusion($"vpc/{EdgeVpc}"), Exclusion("subnet/subnet-0bb1c79de3EXAMPLE", mode: "allow-bidirectional")));
        var other = Accounts(Options(Account, "block-bidirectional", Exclusion($"vpc/{AppVpc}", mode: "allow-bidirectional")));

        Assert.Equal(ComplianceStatus.Pass, Assert.Single(Evaluate(_rule, inventory, EdgeApproved)).Status);
        var fail = Assert.Single(Evaluate(_rule, other, EdgeApproved));
        Assert.Equal(ComplianceStatus.Fail, fail.Status);
        Assert.Equal($"Account {Account} has VPC Block Public Access set to 'block-bidirectional' in {Region}, but exempts VPC {AppVpc} (allow-bidirectional), outside the approved VPCs ({EdgeVpc}).", fail.Message);
    }

    [Fact]
    public void Block_ingress_passes_when_allowed_and_an_organization_ban_on_exclusions_makes_them_moot()
    {
        var ingress = Accounts(Options(Account, "block-ingress"));
        var banned = Accounts(Options(Account, "block-bidirectional", Exclusion($"vpc/{AppVpc}", state: "disable-complete")) with { ExclusionsAllowed = "not-allowed", Exclusions = null });

        Assert.Equal(ComplianceStatus.Pass, Assert.Single(Evaluate(_rule, ingress, new Dictionary<string, string> { ["allowedModes"] = "block-bidirectional,block-ingress" })).Status);
        Assert.Equal(ComplianceStatus.Pass, Assert.Single(Evaluate(_rule, banned)).Status);
    }

    [Fact]
    public void Unknown_settings_exclusions_states_or_subnets_are_errors()
    {
        Assert.Equal(ComplianceStatus.Error, Assert.Single(Evaluate(_rule, Accounts(Options(Account, null)))).Status);
        Assert.Equal(ComplianceStatus.Error, Assert.Single(Evaluate(_rule, Accounts(Options(Account, "block-bidirectional") with { Exclusions = null }))).Status);
        Assert.Equal(ComplianceStatus.Error, Assert.Single(Evaluate(_rule, Accounts(Options(Account, "block-bidirectional", Exclusion($"vpc/{EdgeVpc}", state: "pending-something"))), EdgeApproved)).Status);
        Assert.Equal(ComplianceStatus.Error, Assert.Single(Evaluate(_rule, Accounts(Options(Account, "block-bidirectional", Exclusion("subnet/subnet-0123456789abcdef0"))), EdgeApproved)).Status);
        Assert.Equal(ComplianceStatus.Error, Assert.Single(Evaluate(_rule, BaseInventory with { Regions = [Region] })).Status); // not collected
    }
}
