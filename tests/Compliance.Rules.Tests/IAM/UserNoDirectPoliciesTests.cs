using Compliance.Rules.IAM;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.IAM.IamFixtures;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.IAM;

public sealed class UserNoDirectPoliciesTests
{
    private readonly UserNoDirectPolicies _rule = new();

    private const string DenyBilling = """{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"aws-portal:*","Resource":"*"}}""";

    [Fact]
    public void Inline_or_attached_policies_on_a_user_fail()
    {
        var inventory = BaseInventory with
        {
            IamUsers =
            [
                User("pass-groups-only") with { Groups = ["Admins"] },
                User("fail-inline", null, Inline("DenyBillingPolicy", DenyBilling)),
                User("fail-attached") with { AttachedManagedPolicyArns = ["arn:aws:iam::aws:policy/ReadOnlyAccess"] },
                User("unknown") with { AttachedManagedPolicyArns = null },
            ],
        };

        var findings = ExactFailing(_rule, inventory, "fail-inline", "fail-attached");

        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "unknown"));
        var attached = Assert.Single(findings, f => f.Resource.Id == "fail-attached");
        Assert.Equal("IAM user fail-attached has 1 policy of its own: managed policy arn:aws:iam::aws:policy/ReadOnlyAccess.", attached.Message);
        Assert.Equal("arn:aws:iam::aws:policy/ReadOnlyAccess", attached.Evidence["attachedManagedPolicies"]);
    }
}
