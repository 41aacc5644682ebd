using Compliance.Rules.KMS;
using static Compliance.Rules.Tests.KMS.KmsFixtures;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.KMS;

public sealed class KeyPolicyNotPublicTests
{
    private readonly KeyPolicyNotPublic _rule = new();

    private static string PublicStatement(string sid, string action, string? condition = null) => $$"""
        {
          "Sid": "{{sid}}",
          "Effect": "Allow",
          "Principal": { "AWS": "*" },
          "Action": "{{action}}",
          "Resource": "*"{{(condition is null ? "" : ", \"Condition\": " + condition)}}
        }
        """;

    [Fact]
    public void Public_principals_without_fixed_conditions_fail()
    {
        var inventory = BaseInventory with
        {
            KmsKeys =
            [
                CustomerKey("pass-default-policy"),
                CustomerKey("pass-console-policy") with { Policy = Policy(ConsoleKeyPolicy) },
                CustomerKey("pass-logs-policy") with { Policy = Policy(LogsKeyPolicy) },
                AwsManagedKey("pass-aws-managed-s3"),
                CustomerKey("pass-org-restricted") with
                {
                    Policy = RootPlus(PublicStatement("OrgDecrypt", "kms:Decrypt", """{ "StringEquals": { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } }""")),
                },
                CustomerKey("pass-caller-account") with
                {
                    Policy = RootPlus(PublicStatement("AccountUse", "kms:Decrypt", """{ "StringEquals": { "KMS:CallerAccount": "123456789012" } }""")),
                },
                CustomerKey("pass-public-deny") with
                {
                    Policy = RootPlus("""{ "Sid": "DenyOutsideOrg", "Effect": "Deny", "Principal": "*", "Action": "kms:*", "Resource": "*", "Condition": { "StringNotEquals": { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } } }"""),
                },
                CustomerKey("fail-public-decrypt") with { Policy = RootPlus(PublicStatement("PublicDecrypt", "kms:Decrypt")) },
                CustomerKey("fail-star-principal") with
                {
                    Policy = RootPlus("""{ "Effect": "Allow", "Principal": "*", "Action": "kms:*", "Resource": "*" }"""),
                },
                CustomerKey("fail-via-service-only") with
                {
                    Policy = RootPlus(PublicStatement("ViaS3", "kms:Decrypt", """{ "StringEquals": { "kms:ViaService": "s3.eu-west-1.amazonaws.com" } }""")),
                },
                CustomerKey("fail-wildcard-account") with
                {
                    Policy = RootPlus(PublicStatement("AnyAccount", "kms:Decrypt", """{ "StringLike": { "kms:CallerAccount": "*" } }""")),
                },
                CustomerKey("fail-if-exists") with
                {
                    Policy = RootPlus(PublicStatement("IfExists", "kms:Decrypt", """{ "StringEqualsIfExists": { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } }""")),
                },
                CustomerKey("fail-not-principal") with
                {
                    Policy = RootPlus("""{ "Sid": "AllButOne", "Effect": "Allow", "NotPrincipal": { "AWS": "arn:aws:iam::123456789012:role/Blocked" }, "Action": "kms:Encrypt", "Resource": "*" }"""),
                },
            ],
        };

        ExactFailing(_rule, inventory,
            "fail-public-decrypt", "fail-star-principal", "fail-via-service-only", "fail-wildcard-account", "fail-if-exists", "fail-not-principal");
    }

    [Fact]
    public void Unreadable_policy_is_an_error()
    {
        var inventory = BaseInventory with { KmsKeys = [CustomerKey("unknown-policy") with { Policy = null }] };

        Assert.Equal(ComplianceStatus.Error, StatusOf(Evaluate(_rule, inventory), "unknown-policy"));
    }

    [Fact]
    public void Failure_names_the_statement_and_its_actions()
    {
        var key = CustomerKey(CustomerKeyId) with
        {
            Policy = RootPlus(
                """{ "Sid": "PublicUse", "Effect": "Allow", "Principal": { "AWS": "*" }, "Action": ["kms:Decrypt", "kms:GenerateDataKey*"], "Resource": "*" }""",
                """{ "Effect": "Allow", "Principal": "*", "Action": "kms:DescribeKey", "Resource": "*" }"""),
        };

        var finding = Assert.Single(Evaluate(_rule, BaseInventory with { KmsKeys = [key] }));

        Assert.Equal(ComplianceStatus.Fail, finding.Status);
        Assert.Equal($"KMS key {CustomerKeyId} has a key policy statement \"PublicUse\" that allows kms:Decrypt,kms:GenerateDataKey* to any principal with no condition restricting the caller.", finding.Message);
        Assert.Equal("\"PublicUse\",#3", finding.Evidence["publicStatements"]);
        Assert.Equal("*", finding.Evidence["principal"]);
    }
}
