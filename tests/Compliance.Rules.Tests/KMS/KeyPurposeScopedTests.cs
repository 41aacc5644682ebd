using Compliance.Rules.Inventory;
using Compliance.Rules.KMS;
using static Compliance.Rules.Tests.KMS.KmsFixtures;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.KMS;

public sealed class KeyPurposeScopedTests
{
    private const string KeyAdminStatement = """
        {
          "Sid": "Allow access for Key Administrators",
          "Effect": "Allow",
          "Principal": { "AWS": "arn:aws:iam::123456789012:role/KeyAdmin" },
          "Action": ["kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*", "kms:Update*", "kms:Revoke*",
                     "kms:Disable*", "kms:Get*", "kms:Delete*", "kms:TagResource", "kms:UntagResource",
                     "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion"],
          "Resource": "*"
        }
        """;

    /// <summary>Key users reach the key only through DynamoDB, and may attach grants for AWS resources (as the console writes it).</summary>
    private const string ViaDynamoDbUseStatements = """
        {
          "Sid": "Allow use through DynamoDB",
          "Effect": "Allow",
          "Principal": { "AWS": "arn:aws:iam::123456789012:role/OrdersService" },
          "Action": ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
          "Resource": "*",
          "Condition": { "StringEquals": { "kms:ViaService": "dynamodb.eu-west-1.amazonaws.com", "kms:CallerAccount": "123456789012" } }
        },
        {
          "Sid": "Allow attachment of persistent resources",
          "Effect": "Allow",
          "Principal": { "AWS": "arn:aws:iam::123456789012:role/OrdersService" },
          "Action": ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"],
          "Resource": "*",
          "Condition": { "Bool": { "kms:GrantIsForAWSResource": "true" } }
        }
        """;

    private readonly KeyPurposeScoped _rule = new();

    private static KmsKey Key(string id, string? purpose, PolicyDocument policy) => CustomerKey(id) with
    {
        Policy = policy,
        Tags = purpose is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["Purpose"] = purpose },
    };

    private static string UseStatement(string sid, string principal, string? condition = null) => $$"""
        {
          "Sid": "{{sid}}",
          "Effect": "Allow",
          "Principal": { "AWS": "{{principal}}" },
          "Action": ["kms:Decrypt", "kms:GenerateDataKey"],
          "Resource": "*"{{(condition is null ? "" : ", \"Condition\": " + condition)}}
        }
        """;

    [Fact]
    public void Purpose_tag_is_required_with_an_allowed_value()
    {
        var inventory = BaseInventory with
        {
            KmsKeys =
            [
                Key("pass-secrets", "secrets", Policy(DefaultKeyPolicy)),
                Key("pass-upper-case-value", "Data", Policy(DefaultKeyPolicy)),
                Key("fail-untagged", null, Policy(DefaultKeyPolicy)),
                Key("fail-other-purpose", "backups", Policy(DefaultKeyPolicy)),
                CustomerKey("fail-lower-case-tag-key") with { Tags = new Dictionary<string, string> { ["purpose"] = "data" } },
            ],
        };

        ExactFailing(_rule, inventory, "fail-untagged", "fail-other-purpose", "fail-lower-case-tag-key");
    }

    [Fact]
    public void Administrators_must_not_also_be_users_except_the_account_root()
    {
        var inventory = BaseInventory with
        {
            KmsKeys =
            [
                Key("pass-root-only", "data", Policy(DefaultKeyPolicy)),
                Key("pass-bare-account-root", "data", Policy(DefaultKeyPolicy.Replace("arn:aws:iam::123456789012:root", "123456789012", StringComparison.Ordinal))),
                Key("pass-separate-admin-and-users", "data", RootPlus(KeyAdminStatement, ViaDynamoDbUseStatements)),
                Key("fail-admin-full-access", "data", RootPlus("""
                    { "Sid": "Admin", "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::123456789012:role/KeyAdmin" }, "Action": "kms:*", "Resource": "*",
                      "Condition": { "StringEquals": { "kms:ViaService": "dynamodb.eu-west-1.amazonaws.com" } } }
                    """)),
                Key("fail-admin-listed-as-user", "data", RootPlus(KeyAdminStatement,
                    UseStatement("Use via DynamoDB", "arn:aws:iam::123456789012:role/KeyAdmin", """{ "StringEquals": { "kms:ViaService": "dynamodb.eu-west-1.amazonaws.com" } }"""))),
                Key("fail-not-action-admin", "data", RootPlus("""
                    { "Sid": "AllButDeletion", "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::123456789012:role/Ops" }, "NotAction": "kms:ScheduleKeyDeletion", "Resource": "*",
                      "Condition": { "StringEquals": { "kms:ViaService": "s3.eu-west-1.amazonaws.com" } } }
                    """)),
                Key("fail-other-account-root", "data", RootPlus("""
                    { "Sid": "Partner", "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:root" }, "Action": "kms:*", "Resource": "*",
                      "Condition": { "StringEquals": { "kms:ViaService": "s3.eu-west-1.amazonaws.com" } } }
                    """)),
            ],
        };

        var findings = ExactFailing(_rule, inventory, "fail-admin-full-access", "fail-admin-listed-as-user", "fail-not-action-admin", "fail-other-account-root");

        Assert.All(findings.Where(f => f.Status == ComplianceStatus.Fail), f => Assert.Contains("both administrative and usage actions", f.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Usage_grants_to_principals_other_than_root_need_a_service_or_context_condition()
    {
        var inventory = BaseInventory with
        {
            KmsKeys =
            [
                Key("pass-logs-service", "logs", Policy(LogsKeyPolicy)),
                Key("pass-via-service", "data", RootPlus(KeyAdminStatement, ViaDynamoDbUseStatements)),
                Key("pass-context-keys-with-null-check", "data", RootPlus(UseStatement("Context", "arn:aws:iam::123456789012:role/Batch", """
                    { "ForAllValues:StringEquals": { "kms:EncryptionContextKeys": ["Department"] }, "Null": { "kms:EncryptionContextKeys": "false" } }
                    """))),
                Key("pass-context-value", "secrets", RootPlus(UseStatement("Context", "arn:aws:iam::123456789012:role/Batch", """
                    { "StringEquals": { "kms:EncryptionContext:SecretARN": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf" } }
                    """))),
                Key("fail-console-key-users", "data", Policy(ConsoleKeyPolicy)),
                Key("fail-if-exists", "data", RootPlus(UseStatement("IfExists", "arn:aws:iam::123456789012:role/Batch", """
                    { "StringEqualsIfExists": { "kms:ViaService": "s3.eu-west-1.amazonaws.com" } }
                    """))),
                Key("fail-for-all-values-alone", "data", RootPlus(UseStatement("ForAll", "arn:aws:iam::123456789012:role/Batch", """
                    { "ForAllValues:StringEquals": { "kms:EncryptionContextKeys": ["Department"] } }
                    """))),
                Key("fail-negated", "data", RootPlus(UseStatement("Negated", "arn:aws:iam::123456789012:role/Batch", """
                    { "StringNotEquals": { "kms:ViaService": "s3.eu-west-1.amazonaws.com" } }
                    """))),
                Key("fail-wildcard-value", "data", RootPlus(UseStatement("Wildcard", "arn:aws:iam::123456789012:role/Batch", """
                    { "StringLike": { "kms:ViaService": "*" } }
                    """))),
                Key("fail-unrelated-condition", "data", RootPlus(UseStatement("OrgOnly", "arn:aws:iam::123456789012:role/Batch", """
                    { "StringEquals": { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } }
                    """))),
                Key("fail-cross-account-root-user", "data", RootPlus(UseStatement("Partner", "arn:aws:iam::111122223333:root"))),
            ],
        };

        var findings = ExactFailing(_rule, inventory,
            "fail-console-key-users", "fail-if-exists", "fail-for-all-values-alone", "fail-negated", "fail-wildcard-value", "fail-unrelated-condition", "fail-cross-account-root-user");

        Assert.All(findings.Where(f => f.Status == ComplianceStatus.Fail), f => Assert.Contains("without a kms:ViaService or kms:EncryptionContext condition", f.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Aws_managed_keys_are_not_applicable_and_unknowns_are_errors()
    {
        var inventory = BaseInventory with
        {
            KmsKeys =
            [
                AwsManagedKey("aws-managed"),
                Key("unknown-policy", "data", Policy(DefaultKeyPolicy)) with { Policy = null },
                Key("unknown-manager", "data", Policy(DefaultKeyPolicy)) with { KeyManager = null },
            ],
        };

        var findings = Evaluate(_rule, inventory);

        Assert.Equal(ComplianceStatus.NotApplicable, StatusOf(findings, "aws-managed"));
        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "unknown-policy"));
        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "unknown-manager"));
    }

    [Fact]
    public void Allowed_purposes_are_a_parameter()
    {
        var inventory = BaseInventory with { KmsKeys = [Key("payments", "payments", Policy(DefaultKeyPolicy))] };

        Assert.Equal(ComplianceStatus.Fail, StatusOf(Evaluate(_rule, inventory), "payments"));
        Assert.Equal(ComplianceStatus.Pass, StatusOf(Evaluate(_rule, inventory, new Dictionary<string, string> { ["allowedPurposes"] = "payments,logs" }), "payments"));
    }

    [Fact]
    public void Failure_lists_every_reason_with_its_evidence()
    {
        var key = Key(CustomerKeyId, null, RootPlus(
            """{ "Sid": "Ops", "Effect": "Allow", "Principal": { "AWS": ["arn:aws:iam::123456789012:role/Ops", "arn:aws:iam::123456789012:role/KeyAdmin"] }, "Action": "kms:*", "Resource": "*" }""",
            UseStatement("AppUse", "arn:aws:iam::123456789012:role/App", """{ "StringEquals": { "kms:ViaService": "sqs.eu-west-1.amazonaws.com" } }""")));

        var finding = Assert.Single(Evaluate(_rule, BaseInventory with { KmsKeys = [key] }));

        Assert.Equal(ComplianceStatus.Fail, finding.Status);
        Assert.Equal(
            $"KMS key {CustomerKeyId} is not purpose-scoped: it has no Purpose tag with one of the values data, logs, secrets; "
            + "2 principals (arn:aws:iam::123456789012:role/KeyAdmin, arn:aws:iam::123456789012:role/Ops) are granted both administrative and usage actions; "
            + "statement \"Ops\" grants usage without a kms:ViaService or kms:EncryptionContext condition.",
            finding.Message);
        Assert.Equal("absent", finding.Evidence["purposeTag"]);
        Assert.Equal("arn:aws:iam::123456789012:role/KeyAdmin,arn:aws:iam::123456789012:role/Ops", finding.Evidence["adminAndUsagePrincipals"]);
        Assert.Equal("\"Ops\"", finding.Evidence["unconstrainedUsageStatements"]);
    }
}
