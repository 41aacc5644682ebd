using Compliance.Rules.IAM;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.IAM.IamFixtures;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.IAM;

public sealed class PolicyNoServiceWideActionsTests
{
    private readonly PolicyNoServiceWideActions _rule = new();

    private const string S3Full = """{"Version":"2012-10-17","Statement":[{"Sid":"Data","Effect":"Allow","Action":["s3:GetObject","s3:*"],"Resource":"arn:aws:s3:::app-data/*"}]}""";
    private const string NotAction = """{"Version":"2012-10-17","Statement":{"Effect":"Allow","NotAction":["iam:*","organizations:*"],"Resource":"*"}}""";
    private const string Star = """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"arn:aws:dynamodb:eu-west-1:123456789012:table/orders"}}""";
    private const string Prefixes = """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":["s3:Get*","s3:List*","dynamodb:Query"],"Resource":"*"}}""";
    private const string DenyNotAction = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Deny","NotAction":["iam:*","sts:*"],"Resource":"*","Condition":{"StringNotEquals":{"aws:RequestedRegion":["eu-west-1"]}}},
          {"Effect":"Deny","Action":"s3:*","Resource":"arn:aws:s3:::payroll/*"}]}
        """;

    [Fact]
    public void Service_wildcards_and_allow_with_not_action_fail_denies_and_prefixes_pass()
    {
        var inventory = BaseInventory with
        {
            IamManagedPolicies = [Managed("fail-s3-full", S3Full), Managed("fail-not-action", NotAction), Managed("fail-star", Star), Managed("pass-prefixes", Prefixes), Managed("pass-denies", DenyNotAction)],
            IamRoles = [Role("worker", inline: [Inline("fail-inline", S3Full)])],
        };

        var findings = ExactFailing(_rule, inventory, "fail-s3-full", "fail-not-action", "fail-star", "role/worker/fail-inline");

        var s3 = Assert.Single(findings, f => f.Resource.Id == "fail-s3-full");
        Assert.Equal("In customer managed policy fail-s3-full, statement Data allows s3:*.", s3.Message);
        Assert.Equal("statement #1 allows everything but NotAction iam:*,organizations:*", Assert.Single(findings, f => f.Resource.Id == "fail-not-action").Evidence["offending"]);
    }

    [Fact]
    public void An_unparseable_document_is_an_error() =>
        Assert.Equal(ComplianceStatus.Error, Assert.Single(Evaluate(_rule, BaseInventory with { IamManagedPolicies = [Managed("broken", null)] })).Status);
}
