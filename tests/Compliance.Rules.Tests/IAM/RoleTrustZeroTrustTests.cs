using Compliance.Rules.IAM;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.IAM.IamFixtures;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.IAM;

public sealed class RoleTrustZeroTrustTests
{
    private readonly RoleTrustZeroTrust _rule = new();

    private static string Trust(string principal, string? condition = null, string action = "sts:AssumeRole") =>
        $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{{principal}},"Action":"{{action}}"{{(condition is null ? "" : $",\"Condition\":{condition}")}}}]}""";

    private static AwsInventory Roles(params IamRole[] roles) => BaseInventory with { IamRoles = roles };

    [Fact]
    public void Trust_policies_are_judged_by_principal_kind()
    {
        var inventory = Roles(
            Role("pass-ec2"),
            Role("pass-lambda", Trust("""{"Service":["lambda.amazonaws.com"]}""")),
            Role("pass-ec2-china", Trust("""{"Service":"ec2.amazonaws.com.cn"}""")),
            Role("pass-same-account", Trust($$"""{"AWS":"arn:aws:iam::{{Account}}:root"}""")),
            Role("pass-auditor", Trust($$"""{"AWS":"arn:aws:iam::{{OtherAccount}}:root"}""", """{"StringEquals":{"sts:ExternalId":"5f0f4c3c1d6a4e1b9a2d8c7e6f5a4b3c2d1e0f9a"},"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}""")),
            Role("pass-org", Trust($$"""{"AWS":"{{OtherAccount}}"}""", """{"StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}""")),
            Role("pass-config-pinned", Trust("""{"Service":"config.amazonaws.com"}""", $$$"""{"StringEquals":{"aws:SourceAccount":"{{{Account}}}"}}""")),
            Role("pass-github-repo", Trust($$"""{"Federated":"arn:aws:iam::{{Account}}:oidc-provider/token.actions.githubusercontent.com"}""",
                """{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"},"StringLike":{"token.actions.githubusercontent.com:sub":"repo:octo-org/app:ref:refs/heads/main"}}""", "sts:AssumeRoleWithWebIdentity")),
            Role("pass-saml", Trust($$"""{"Federated":"arn:aws:iam::{{Account}}:saml-provider/Okta"}""", """{"StringEquals":{"SAML:aud":"https://signin.aws.amazon.com/saml"}}""", "sts:AssumeRoleWithSAML")),
            Role("fail-star", Trust("\"*\"")),
            Role("fail-aws-star", Trust("""{"AWS":"*"}""")),
            Role("fail-cross-account", Trust($$"""{"AWS":"arn:aws:iam::{{OtherAccount}}:role/deployer"}""")),
            Role("fail-external-id-wildcard", Trust($$"""{"AWS":"{{OtherAccount}}"}""", """{"StringLike":{"sts:ExternalId":"*"}}""")),
            Role("fail-config-unpinned", Trust("""{"Service":"config.amazonaws.com"}""")),
            Role("fail-github-any-repo", Trust($$"""{"Federated":"arn:aws:iam::{{Account}}:oidc-provider/token.actions.githubusercontent.com"}""",
                """{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"}}""", "sts:AssumeRoleWithWebIdentity")),
            Role("fail-inline", inline: [Inline("AuditTableAppendAndRead", """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"dynamodb:PutItem","Resource":"*"}}""")]),
            Role("AWSServiceRoleForAccessAnalyzer", Trust("\"*\""), path: "/aws-service-role/access-analyzer.amazonaws.com/"));

        var findings = ExactFailing(_rule, inventory,
            "fail-star", "fail-aws-star", "fail-cross-account", "fail-external-id-wildcard", "fail-config-unpinned", "fail-github-any-repo", "fail-inline");

        Assert.Equal(ComplianceStatus.NotApplicable, StatusOf(findings, "AWSServiceRoleForAccessAnalyzer"));
        var cross = Assert.Single(findings, f => f.Resource.Id == "fail-cross-account");
        Assert.Equal($"Role fail-cross-account: trust statement #1 admits account {OtherAccount} (arn:aws:iam::{OtherAccount}:role/deployer) without an sts:ExternalId or aws:PrincipalOrgID condition.", cross.Message);
        Assert.Equal($"AWS:arn:aws:iam::{OtherAccount}:role/deployer", cross.Evidence["trustedPrincipals"]);
        Assert.Equal("it has inline policies (AuditTableAppendAndRead)", Assert.Single(findings, f => f.Resource.Id == "fail-inline").Evidence["problems"]);
    }

    [Fact]
    public void A_star_pinned_to_the_organization_passes_and_denies_are_ignored()
    {
        var inventory = Roles(
            Role("pass-org-star", Trust("\"*\"", """{"StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}""")),
            Role("pass-deny-star", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"},{"Effect":"Deny","Principal":"*","Action":"sts:AssumeRole"}]}"""),
            Role("pass-tag-session-only", Trust("""{"AWS":"*"}""", action: "sts:TagSession")));

        ExactFailing(_rule, inventory);
    }

    [Fact]
    public void Exempt_services_are_a_parameter()
    {
        var inventory = Roles(Role("ecs", Trust("""{"Service":"ecs-tasks.amazonaws.com"}""")), Role("ec2"));

        var findings = Evaluate(_rule, inventory, new Dictionary<string, string> { ["exemptServicePrincipals"] = "ecs-tasks.amazonaws.com" });

        Assert.Equal(ComplianceStatus.Pass, StatusOf(findings, "ecs"));
        Assert.Equal(ComplianceStatus.Fail, StatusOf(findings, "ec2"));
    }

    [Fact]
    public void An_unknown_trust_policy_or_inline_list_is_an_error()
    {
        var findings = Evaluate(_rule, Roles(Role("a") with { AssumeRolePolicy = null }, Role("b") with { InlinePolicies = null }));

        Assert.All(findings, f => Assert.Equal(ComplianceStatus.Error, f.Status));
        Assert.Equal(2, findings.Count);
    }
}
