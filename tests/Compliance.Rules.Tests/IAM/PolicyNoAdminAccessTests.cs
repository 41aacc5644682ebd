using Compliance.Rules.IAM;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.IAM.IamFixtures;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.IAM;

public sealed class PolicyNoAdminAccessTests
{
    private readonly PolicyNoAdminAccess _rule = new();

    private const string Admin = """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}""";
    private const string AdminWithMfa = """
        {"Version":"2012-10-17","Statement":[{"Sid":"AdminWithMfa","Effect":"Allow","Action":"*:*","Resource":"arn:aws:*:*:*:*",
          "Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}]}
        """;
    private const string AllButOneBucket = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","NotResource":"arn:aws:s3:::payroll-archive/*"}]}""";
    private const string PowerUser = """{"Version":"2012-10-17","Statement":{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}}""";
    private const string AllOnOneBucket = """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":["arn:aws:s3:::app-data","arn:aws:s3:::app-data/*"]}}""";
    private const string DenyAll = """{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"*","Resource":"*"}}""";
    private const string ReadLogs = """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":["logs:Get*","logs:Describe*"],"Resource":"*"}}""";

    [Fact]
    public void Every_action_on_every_resource_fails_in_managed_and_inline_policies()
    {
        var inventory = BaseInventory with
        {
            IamManagedPolicies =
            [
                Managed("fail-admin", Admin), Managed("fail-admin-mfa", AdminWithMfa), Managed("fail-not-resource", AllButOneBucket),
                Managed("pass-power-user", PowerUser), Managed("pass-one-bucket", AllOnOneBucket), Managed("pass-deny", DenyAll), Managed("pass-read-logs", ReadLogs),
            ],
            IamRoles = [Role("app", inline: [Inline("fail-inline-admin", Admin), Inline("read", ReadLogs)])],
            IamUsers = [User("alice", null, Inline("BillingAdmin", Admin))],
            IamGroups = [Group("Admins", Inline("AdministratorAccess-201409151020", Admin))],
        };

        var findings = ExactFailing(_rule, inventory,
            "fail-admin", "fail-admin-mfa", "fail-not-resource", "role/app/fail-inline-admin", "user/alice/BillingAdmin", "group/Admins/AdministratorAccess-201409151020");

        Assert.Equal(ComplianceStatus.Pass, StatusOf(findings, "role/app/read"));
        var inline = Assert.Single(findings, f => f.Resource.Id == "role/app/fail-inline-admin");
        Assert.Equal(new ResourceRef(ResourceTypes.IamPolicy, "role/app/fail-inline-admin", null, "global", Account), inline.Resource);
        Assert.Equal("Statement #1 of inline policy fail-inline-admin of role app allows every action on every resource, which is administrator access.", inline.Message);
        var mfa = Assert.Single(findings, f => f.Resource.Id == "fail-admin-mfa");
        Assert.Equal(("AdminWithMfa", "*:*", "Bool:aws:MultiFactorAuthPresent"), (mfa.Evidence["statement"], mfa.Evidence["action"], mfa.Evidence["conditions"]));
    }

    [Fact]
    public void Service_linked_roles_and_aws_managed_policies_are_not_judged()
    {
        var inventory = BaseInventory with
        {
            IamRoles = [Role("AWSServiceRoleForSupport", path: "/aws-service-role/support.amazonaws.com/", inline: [Inline("x", Admin)]) with { AttachedManagedPolicyArns = ["arn:aws:iam::aws:policy/AdministratorAccess"] }],
        };

        Assert.Empty(Evaluate(_rule, inventory));
    }

    [Fact]
    public void An_unknown_document_is_an_error()
    {
        var findings = Evaluate(_rule, BaseInventory with { IamManagedPolicies = [Managed("broken", null)], IamRoles = [Role("r") with { InlinePolicies = null }] });

        Assert.All(findings, f => Assert.Equal(ComplianceStatus.Error, f.Status));
        Assert.Equal(2, findings.Count);
        Assert.Contains(findings, f => f.Resource.Type == ResourceTypes.IamRole && f.Resource.Id == "r");
    }
}
