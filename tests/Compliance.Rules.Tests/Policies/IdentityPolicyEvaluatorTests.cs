using Compliance.Rules.Inventory;
using Compliance.Rules.Policies;

namespace Compliance.Rules.Tests.Policies;

public sealed class IdentityPolicyEvaluatorTests
{
    private const string Table = "arn:aws:dynamodb:eu-west-1:123456789012:table/audit";

    private static PolicyDocument Doc(string json) => PolicyDocumentJsonConverter.Parse(json);

    private static AccessDecision Decide(string action, params string[] policies) =>
        IdentityPolicyEvaluator.Evaluate(policies.Select(Doc), action, Table).Decision;

    [Fact]
    public void Allow_minus_explicit_deny_with_wildcards()
    {
        const string allowAll = """{"Statement":{"Effect":"Allow","Action":"dynamodb:*","Resource":"arn:aws:dynamodb:*:123456789012:table/*"}}""";
        const string denyDelete = """{"Statement":{"Effect":"Deny","Action":"dynamodb:Delete*","Resource":"*"}}""";

        Assert.Equal(AccessDecision.Allowed, Decide("dynamodb:PutItem", allowAll, denyDelete));
        Assert.Equal(AccessDecision.Denied, Decide("dynamodb:DeleteItem", allowAll, denyDelete));
        Assert.Equal(AccessDecision.NotAllowed, Decide("s3:GetObject", allowAll));
        Assert.Equal(AccessDecision.NotAllowed, Decide("dynamodb:PutItem"));
    }

    [Fact]
    public void NotAction_and_NotResource_are_complements()
    {
        const string notIam = """{"Statement":{"Effect":"Allow","NotAction":["iam:*"],"NotResource":"arn:aws:dynamodb:*:*:table/secret"}}""";

        Assert.Equal(AccessDecision.Allowed, Decide("dynamodb:DeleteTable", notIam));
        Assert.Equal(AccessDecision.NotAllowed, Decide("iam:CreateUser", notIam));
        Assert.Equal(AccessDecision.NotAllowed, IdentityPolicyEvaluator.Evaluate([Doc(notIam)], "dynamodb:DeleteTable", "arn:aws:dynamodb:eu-west-1:123456789012:table/secret").Decision);
    }

    [Fact]
    public void Conditions_restrict_allows_and_weaken_denies()
    {
        const string allowIfMfa = """{"Statement":{"Effect":"Allow","Action":"dynamodb:DeleteItem","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}}""";
        const string allow = """{"Statement":{"Effect":"Allow","Action":"dynamodb:DeleteItem","Resource":"*"}}""";
        const string denyOutsideVpc = """{"Statement":{"Effect":"Deny","Action":"dynamodb:*","Resource":"*","Condition":{"StringNotEquals":{"aws:SourceVpce":"vpce-1a2b3c4d"}}}}""";

        Assert.Equal(AccessDecision.AllowedWithConditions, Decide("dynamodb:DeleteItem", allowIfMfa));
        Assert.Equal(AccessDecision.AllowedWithConditions, Decide("dynamodb:DeleteItem", allow, denyOutsideVpc));
        Assert.Equal(AccessDecision.Allowed, IdentityPolicyEvaluator.Evaluate([Doc(allowIfMfa)], "dynamodb:DeleteItem", Table, _ => false).Decision);
        var verdict = IdentityPolicyEvaluator.Evaluate([Doc(allow), Doc(denyOutsideVpc)], "dynamodb:DeleteItem", Table);
        Assert.True(verdict.MayBeAllowed);
        Assert.Single(verdict.Allows);
        Assert.Single(verdict.Denies);
    }
}
