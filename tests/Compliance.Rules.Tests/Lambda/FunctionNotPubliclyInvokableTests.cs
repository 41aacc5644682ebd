using Compliance.Rules.Inventory;
using Compliance.Rules.Lambda;
using static Compliance.Rules.Tests.Lambda.LambdaFixtures;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.Lambda;

public sealed class FunctionNotPubliclyInvokableTests
{
    private readonly FunctionNotPubliclyInvokable _rule = new();

    /// <summary>A policy as GetPolicy returns it (the shape AddPermission writes), with one statement.</summary>
    private static PolicyDocument Policy(string name, string statement) => PolicyDocumentJsonConverter.Parse(
        $$"""{"Version":"2012-10-17","Id":"default","Statement":[{{statement.Replace("FN", $"arn:aws:lambda:eu-west-1:123456789012:function:{name}", StringComparison.Ordinal)}}]}""");

    private static LambdaFunction WithPolicy(string name, string statement) => Function(name) with { Policy = Policy(name, statement) };

    private static LambdaFunctionUrl Url(string name, string authType) =>
        new($"https://abcdefghijklmnopqrstuvwxyz{name.Length:00}.lambda-url.eu-west-1.on.aws/", $"arn:aws:lambda:eu-west-1:123456789012:function:{name}", authType);

    [Fact]
    public void Open_invocation_through_policy_or_url_fails()
    {
        var inventory = BaseInventory with
        {
            LambdaFunctions =
            [
                Function("pass-no-policy"),
                WithPolicy("pass-api-gateway-with-source-arn", """{"Sid":"apigw","Effect":"Allow","Principal":{"Service":"apigateway.amazonaws.com"},"Action":"lambda:InvokeFunction","Resource":"FN","Condition":{"ArnLike":{"AWS:SourceArn":"arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/*/POST/orders"}}}"""),
                WithPolicy("pass-other-account", """{"Sid":"xacct","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"lambda:InvokeFunction","Resource":"FN"}"""),
                WithPolicy("pass-star-with-org", """{"Sid":"org","Effect":"Allow","Principal":"*","Action":"lambda:InvokeFunction","Resource":"FN","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}}"""),
                WithPolicy("pass-s3-with-source-account", """{"Sid":"s3","Effect":"Allow","Principal":{"Service":"s3.amazonaws.com"},"Action":"lambda:InvokeFunction","Resource":"FN","Condition":{"StringEquals":{"AWS:SourceAccount":"123456789012"},"ArnLike":{"AWS:SourceArn":"arn:aws:s3:::example-uploads"}}}"""),
                WithPolicy("pass-star-read-only", """{"Sid":"get","Effect":"Allow","Principal":"*","Action":"lambda:GetFunction","Resource":"FN"}""") with { FunctionUrls = [Url("pass-star-read-only", "AWS_IAM")] },
                WithPolicy("fail-star", """{"Sid":"public","Effect":"Allow","Principal":"*","Action":"lambda:InvokeFunction","Resource":"FN"}"""),
                WithPolicy("fail-aws-star-wildcard-action", """{"Sid":"all","Effect":"Allow","Principal":{"AWS":"*"},"Action":"lambda:*","Resource":"FN"}"""),
                WithPolicy("fail-star-ifexists-is-no-restriction", """{"Sid":"weak","Effect":"Allow","Principal":"*","Action":"lambda:InvokeFunction","Resource":"FN","Condition":{"StringEqualsIfExists":{"aws:SourceAccount":"123456789012"}}}"""),
                WithPolicy("fail-s3-without-source-account", """{"Sid":"s3","Effect":"Allow","Principal":{"Service":"s3.amazonaws.com"},"Action":"lambda:InvokeFunction","Resource":"FN","Condition":{"ArnLike":{"AWS:SourceArn":"arn:aws:s3:::example-uploads"}}}"""),
                Function("fail-url-auth-none") with { FunctionUrls = [Url("fail-url-auth-none", "NONE")] },
                Function("fail-url-unknown-policy") with { Policy = null, FunctionUrls = [Url("fail-url-unknown-policy", "NONE")] },
            ],
        };

        ExactFailing(_rule, inventory,
            "fail-star", "fail-aws-star-wildcard-action", "fail-star-ifexists-is-no-restriction", "fail-s3-without-source-account", "fail-url-auth-none", "fail-url-unknown-policy");
    }

    [Fact]
    public void An_unreadable_policy_or_url_list_is_an_error()
    {
        var inventory = BaseInventory with
        {
            LambdaFunctions = [Function("no-policy") with { Policy = null }, Function("no-urls") with { FunctionUrls = null }],
        };

        var findings = Evaluate(_rule, inventory);

        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "no-policy"));
        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "no-urls"));
    }

    [Fact]
    public void A_public_function_url_names_both_the_url_and_the_statement_that_opens_it()
    {
        // What Lambda writes for a function URL with AuthType NONE.
        var function = WithPolicy("public-url", """{"Sid":"FunctionURLAllowPublicAccess","Effect":"Allow","Principal":"*","Action":"lambda:InvokeFunctionUrl","Resource":"FN","Condition":{"StringEquals":{"lambda:FunctionUrlAuthType":"NONE"}}}""")
            with { FunctionUrls = [Url("public-url", "NONE")] };

        var finding = Assert.Single(Evaluate(_rule, BaseInventory with { LambdaFunctions = [function] }));

        Assert.Equal(ComplianceStatus.Fail, finding.Status);
        Assert.Equal(
            "Lambda function public-url is publicly invokable: its resource policy lets everyone invoke it (statement FunctionURLAllowPublicAccess, principal '*' without a source or organization condition); "
            + "its function URL https://abcdefghijklmnopqrstuvwxyz10.lambda-url.eu-west-1.on.aws/ has AuthType NONE, so it accepts unauthenticated calls.",
            finding.Message);
        Assert.Equal("FunctionURLAllowPublicAccess", finding.Evidence["publicStatements"]);
    }
}
