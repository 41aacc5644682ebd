using Compliance.Checker.Engine;
using Compliance.Rules;
using Compliance.Rules.EC2;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Tests.Engine;

public sealed class EvaluatorTests
{
    private static readonly AwsInventory Inventory = new()
    {
        AccountIds = [Fixtures.Account],
        Regions = ["eu-west-1"],
        SecurityGroups = [Fixtures.OpenSsh("sg-0open")],
    };

    [Fact]
    public void A_throwing_rule_becomes_an_error_and_the_other_rules_still_run()
    {
        var findings = new Evaluator().Evaluate(Inventory, [new ThrowingRule(), new SecurityGroupAdminPortsRestricted()], SourceKind.Snapshot);

        var thrown = Assert.Single(findings, f => f.RuleId == "Test.Throwing.1" && f.Status == ComplianceStatus.Error);
        Assert.Contains("InvalidOperationException: boom", thrown.Message);
        Assert.Single(findings, f => f.RuleId == "Test.Throwing.1" && f.Status == ComplianceStatus.Pass);
        Assert.Single(findings, f => f.RuleId == RuleIds.Ec2SecurityGroup2 && f.Status == ComplianceStatus.Fail);
    }

    [Fact]
    public void A_type_that_could_not_be_collected_makes_its_rules_error_in_that_region()
    {
        var inventory = Inventory with
        {
            CollectionErrors =
            [
                new CollectionError
                {
                    Service = "ec2", Operation = "DescribeSecurityGroups", Region = "us-east-1", ResourceType = ResourceTypes.SecurityGroup,
                    ErrorCode = "UnauthorizedOperation", Message = "You are not authorized to perform this operation.",
                },
            ],
        };

        var findings = new Evaluator().Evaluate(inventory, [new SecurityGroupAdminPortsRestricted()], SourceKind.Live);

        var error = Assert.Single(findings, f => f.Status == ComplianceStatus.Error);
        Assert.Equal("us-east-1", error.Resource.Region);
        Assert.Contains("ec2:DescribeSecurityGroups failed with UnauthorizedOperation", error.Message);
        Assert.Single(findings, f => f.Status == ComplianceStatus.Fail && f.Resource.Id == "sg-0open");
    }

    [Fact]
    public void An_outage_the_rule_already_reported_is_not_scored_twice()
    {
        var inventory = Inventory with
        {
            Regions = ["eu-west-1", "us-east-1"],
            CollectionErrors =
            [
                new CollectionError
                {
                    Service = "guardduty", Operation = "ListDetectors", Region = "us-east-1", ResourceType = ResourceTypes.GuardDutyDetector,
                    ErrorCode = "AccessDeniedException", Message = "not authorized",
                },
            ],
        };

        var findings = new Evaluator().Evaluate(inventory, [new Compliance.Rules.GuardDuty.GuardDutyEnabledCentralized()], SourceKind.Live);

        var error = Assert.Single(findings, f => f.Resource.Region == "us-east-1");
        Assert.Equal(ComplianceStatus.Error, error.Status);
        Assert.Contains("AccessDeniedException", error.Message);
    }

    [Fact]
    public void Live_only_rules_are_not_applicable_on_templates()
    {
        var liveOnly = new SecurityGroupAdminPortsRestricted();
        var descriptor = liveOnly.Descriptor with { Modes = EvaluationModes.LiveOnly };
        var rule = new DescriptorOverride(liveOnly, descriptor);

        var finding = Assert.Single(new Evaluator().Evaluate(Inventory, [rule], SourceKind.Template));

        Assert.Equal(ComplianceStatus.NotApplicable, finding.Status);
    }

    [Fact]
    public void Parameter_overrides_reach_the_rule()
    {
        var parameters = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            [RuleIds.Ec2SecurityGroup2] = new Dictionary<string, string> { ["adminPorts"] = "3389" },
        };

        var findings = new Evaluator().Evaluate(Inventory, [new SecurityGroupAdminPortsRestricted()], SourceKind.Snapshot, parameters);

        Assert.Equal(ComplianceStatus.Pass, Assert.Single(findings).Status);
    }

    private sealed class DescriptorOverride(IComplianceRule inner, RuleDescriptor descriptor) : IComplianceRule
    {
        public RuleDescriptor Descriptor => descriptor;

        public IEnumerable<Finding> Evaluate(RuleContext context) => inner.Evaluate(context);
    }
}
