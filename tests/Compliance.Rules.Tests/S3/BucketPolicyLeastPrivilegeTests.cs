using Compliance.Rules.Inventory;
using Compliance.Rules.S3;
using static Compliance.Rules.Tests.RuleAssert;
using static Compliance.Rules.Tests.S3.S3Fixtures;

namespace Compliance.Rules.Tests.S3;

public sealed class BucketPolicyLeastPrivilegeTests
{
    private readonly BucketPolicyLeastPrivilege _rule = new();

    /// <summary>The baseline TLS deny plus the given statements.</summary>
    private static Bucket WithStatements(string name, params string[] statements) =>
        Bucket(name) with
        {
            Policy = Policy($$"""
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    { "Sid": "DenyInsecureTransport", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
                      "Resource": ["arn:aws:s3:::{{name}}", "arn:aws:s3:::{{name}}/*"], "Condition": { "Bool": { "aws:SecureTransport": "false" } } }
                    {{string.Concat(statements.Select(s => "," + s))}}
                  ]
                }
                """),
        };

    /// <summary>The S3 user guide's "restrict access to a specific VPC endpoint" statement.</summary>
    private static string DenyOutsideVpce(string name, string op = "StringNotEquals", string key = "aws:SourceVpce", string value = "vpce-1a2b3c4d") =>
        $$"""
        { "Sid": "Access-to-specific-VPCE-only", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
          "Resource": ["arn:aws:s3:::{{name}}", "arn:aws:s3:::{{name}}/*"], "Condition": { "{{op}}": { "{{key}}": "{{value}}" } } }
        """;

    [Fact]
    public void Public_cross_account_admin_and_acl_grants_fail()
    {
        var inventory = BaseInventory with
        {
            Buckets =
            [
                Bucket("pass-baseline"),
                WithStatements("pass-same-account-admin", """{ "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::123456789012:role/StorageAdmin" }, "Action": ["s3:PutBucketPolicy", "s3:PutBucketAcl"], "Resource": "arn:aws:s3:::pass-same-account-admin" }"""),
                WithStatements("pass-cross-account-read", """{ "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:root" }, "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": ["arn:aws:s3:::pass-cross-account-read", "arn:aws:s3:::pass-cross-account-read/*"] }"""),
                WithStatements("pass-org-restricted-star", """{ "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::pass-org-restricted-star/*", "Condition": { "StringEquals": { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } } }"""),
                WithStatements("pass-service-principal", """{ "Sid": "AWSLogDeliveryWrite", "Effect": "Allow", "Principal": { "Service": "delivery.logs.amazonaws.com" }, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::pass-service-principal/AWSLogs/123456789012/*", "Condition": { "StringEquals": { "aws:SourceAccount": "123456789012" } } }"""),
                Bucket("fail-public-read") with { Policy = Policy(PublicReadJson("fail-public-read")) },
                WithStatements("fail-cross-account-bare-id", """{ "Effect": "Allow", "Principal": { "AWS": "111122223333" }, "Action": "s3:PutObjectAcl", "Resource": "arn:aws:s3:::fail-cross-account-bare-id/*" }"""),
                WithStatements("fail-cross-account-wildcard", """{ "Effect": "Allow", "Principal": { "AWS": ["arn:aws:iam::123456789012:root", "arn:aws:iam::444455556666:role/Deployer"] }, "Action": "s3:*", "Resource": "arn:aws:s3:::fail-cross-account-wildcard" }"""),
                WithStatements("fail-cross-account-put-prefix", """{ "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:user/ci" }, "Action": "s3:Put*", "Resource": "arn:aws:s3:::fail-cross-account-put-prefix/*" }"""),
                Bucket("fail-acls-preferred") with { ObjectOwnership = "BucketOwnerPreferred" },
                Bucket("fail-acls-object-writer") with { ObjectOwnership = "ObjectWriter" },
            ],
        };

        ExactFailing(_rule, inventory,
            "fail-public-read", "fail-cross-account-bare-id", "fail-cross-account-wildcard", "fail-cross-account-put-prefix",
            "fail-acls-preferred", "fail-acls-object-writer");
    }

    [Fact]
    public void Cardholder_data_buckets_must_deny_access_outside_the_vpc_endpoint()
    {
        var inventory = BaseInventory with
        {
            Buckets =
            [
                WithStatements("pass-pci-scope-vpce", DenyOutsideVpce("pass-pci-scope-vpce")) with { Tags = Tags(("PCIScope", "true")) },
                WithStatements("pass-classified-vpc-if-exists", DenyOutsideVpce("pass-classified-vpc-if-exists", "StringNotEqualsIfExists", "aws:SourceVpc", "vpc-0a1b2c3d4e5f60718"))
                    with { Tags = Tags(("DataClassification", "Cardholder")) },
                Bucket("pass-not-cardholder") with { Tags = Tags(("DataClassification", "internal"), ("PCIScope", "false")) },
                Bucket("fail-pci-scope") with { Tags = Tags(("PCIScope", "True")) },
                Bucket("fail-restricted") with { Tags = Tags(("DataClassification", "restricted")) },
                WithStatements("fail-allow-from-vpce-only", """{ "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::123456789012:root" }, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::fail-allow-from-vpce-only/*", "Condition": { "StringEquals": { "aws:SourceVpce": "vpce-1a2b3c4d" } } }""")
                    with { Tags = Tags(("PCIScope", "true")) },
            ],
        };

        ExactFailing(_rule, inventory, "fail-pci-scope", "fail-restricted", "fail-allow-from-vpce-only");

        var custom = Evaluate(_rule, inventory, new Dictionary<string, string> { ["chdClassifications"] = "cardholder" });
        Assert.Equal(ComplianceStatus.Pass, StatusOf(custom, "fail-restricted"));
    }

    [Fact]
    public void Unknown_policy_or_ownership_is_an_error_unless_another_reason_fails_it()
    {
        var inventory = BaseInventory with
        {
            Buckets =
            [
                Bucket("policy-unknown") with { Policy = null },
                Bucket("ownership-unknown") with { ObjectOwnership = null },
                Bucket("fail-policy-unknown-acls-enabled") with { Policy = null, ObjectOwnership = "ObjectWriter" },
            ],
        };

        var findings = ExactFailing(_rule, inventory, "fail-policy-unknown-acls-enabled");

        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "policy-unknown"));
        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "ownership-unknown"));
        Assert.Equal("its bucket policy could not be read", Assert.Single(findings, f => f.Resource.Id == "fail-policy-unknown-acls-enabled").Evidence["unknown"]);
    }

    [Fact]
    public void Failure_lists_every_reason()
    {
        var bucket = WithStatements("fail-everything",
                """{ "Sid": "PublicRead", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::fail-everything/*" }""",
                """{ "Sid": "PartnerAdmin", "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:root" }, "Action": ["s3:GetObject", "s3:PutBucketPolicy"], "Resource": "arn:aws:s3:::fail-everything" }""")
            with { ObjectOwnership = "BucketOwnerPreferred", Tags = Tags(("PCIScope", "true")) };

        var finding = Assert.Single(Evaluate(_rule, BaseInventory with { Buckets = [bucket] }));

        Assert.Equal(ComplianceStatus.Fail, finding.Status);
        Assert.Equal(
            "Bucket fail-everything is not least privilege: statement PublicRead allows a public principal; statement PartnerAdmin allows account 111122223333 s3:PutBucketPolicy; "
            + "it holds cardholder data but no Deny statement restricts access to aws:SourceVpce or aws:SourceVpc; ACLs are enabled (ObjectOwnership BucketOwnerPreferred).",
            finding.Message);
        Assert.Equal("PublicRead", finding.Evidence["publicAllowStatements"]);
        Assert.Equal("111122223333", finding.Evidence["crossAccountPrincipals"]);
        Assert.Equal("s3:PutBucketPolicy", finding.Evidence["crossAccountActions"]);
        Assert.Equal("absent", finding.Evidence["vpcRestrictionStatement"]);
    }
}
