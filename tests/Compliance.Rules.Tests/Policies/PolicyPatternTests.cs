using Compliance.Rules.Inventory;
using Compliance.Rules.Policies;

namespace Compliance.Rules.Tests.Policies;

public sealed class PolicyPatternTests
{
    [Theory]
    [InlineData("*", true, true)]
    [InlineData("*:*", true, true)]
    [InlineData("s3:*", false, true)]
    [InlineData("*3:*", false, true)]
    [InlineData("s3:Get*", false, false)]
    [InlineData("s3:*Object", false, false)]
    [InlineData("iam:PassRole", false, false)]
    public void Every_action_and_service_wide_patterns(string pattern, bool everyAction, bool serviceWide)
    {
        Assert.Equal(everyAction, PolicyAnalysis.IsEveryAction(pattern));
        Assert.Equal(serviceWide, PolicyAnalysis.IsServiceWide(pattern));
    }

    [Theory]
    [InlineData("""{"Effect":"Allow","Action":"*","Resource":"*"}""", true)]
    [InlineData("""{"Effect":"Allow","Action":"*","Resource":"arn:aws:*:*:*:*"}""", true)]
    [InlineData("""{"Effect":"Allow","Action":"*","Resource":"arn:aws:*"}""", true)]
    [InlineData("""{"Effect":"Allow","Action":"*","NotResource":"arn:aws:s3:::secret/*"}""", true)]
    [InlineData("""{"Effect":"Allow","Action":"*","Resource":"arn:aws:s3:::*"}""", false)]
    [InlineData("""{"Effect":"Allow","Action":"*","Resource":"arn:aws-cn:*"}""", false)]
    public void Every_resource_is_found_by_probing(string statement, bool everyResource)
    {
        var document = PolicyDocumentJsonConverter.Parse($$"""{"Statement":[{{statement}}]}""");

        Assert.Equal(everyResource, document.Statements[0].MatchesEveryResource("aws"));
    }

    [Fact]
    public void A_fixed_condition_needs_a_positive_operator_and_a_fixed_value()
    {
        static bool Fixed(string condition) => PolicyDocumentJsonConverter.Parse($$$"""{"Statement":{"Effect":"Allow","Action":"sts:AssumeRole","Condition":{{{condition}}}}}""")
            .Statements[0].HasFixedCondition(new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "sts:ExternalId" });

        Assert.True(Fixed("""{"StringEquals":{"sts:externalid":"a1b2c3"}}"""));
        Assert.False(Fixed("""{"StringLike":{"sts:ExternalId":"*"}}"""));
        Assert.False(Fixed("""{"StringNotEquals":{"sts:ExternalId":"a1b2c3"}}"""));
        Assert.False(Fixed("""{"StringEqualsIfExists":{"sts:ExternalId":"a1b2c3"}}"""));
        Assert.False(Fixed("""{"Null":{"sts:ExternalId":"false"}}"""));
        Assert.False(Fixed("""{"StringEquals":{"aws:SourceAccount":"123456789012"}}"""));
    }
}
