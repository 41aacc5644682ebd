using Compliance.Rules.Inventory;
using Compliance.Rules.S3;
using static Compliance.Rules.Tests.RuleAssert;
using static Compliance.Rules.Tests.S3.S3Fixtures;

namespace Compliance.Rules.Tests.S3;

public sealed class BucketNotPublicTests
{
    private const string AllUsers = "http://acs.amazonaws.com/groups/global/AllUsers";
    private const string AuthenticatedUsers = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";

    private readonly BucketNotPublic _rule = new();

    /// <summary>A bucket with no Block Public Access at all, so only its policy and ACL decide.</summary>
    private static Bucket Open(string name) => Bucket(name) with { PublicAccessBlock = PublicAccessBlock.None };

    private static Bucket WithStatement(string name, string statementJson) =>
        Open(name) with { Policy = Policy($$"""{ "Version": "2012-10-17", "Statement": [ {{statementJson}} ] }""") };

    private static AwsInventory Inventory(params Bucket[] buckets) => BaseInventory with
    {
        Buckets = buckets,
        AccountPublicAccessBlocks = [AccountBlock(PublicAccessBlock.None)],
    };

    [Fact]
    public void Public_policies_and_acls_fail_and_restricted_grants_pass()
    {
        var inventory = Inventory(
            Open("pass-private"),
            Open("fail-public-read-example") with { Policy = Policy(PublicReadJson("fail-public-read-example")) },
            WithStatement("fail-aws-star-all-actions", """{ "Effect": "Allow", "Principal": { "AWS": "*" }, "Action": "s3:*", "Resource": "arn:aws:s3:::fail-aws-star-all-actions/*" }"""),
            WithStatement("fail-get-wildcard", """{ "Effect": "Allow", "Principal": "*", "Action": "s3:Get*", "Resource": "arn:aws:s3:::fail-get-wildcard/*" }"""),
            WithStatement("fail-not-action", """{ "Effect": "Allow", "Principal": "*", "NotAction": "s3:DeleteBucket", "Resource": ["arn:aws:s3:::fail-not-action", "arn:aws:s3:::fail-not-action/*"] }"""),
            WithStatement("fail-public-write", """{ "Sid": "AllowAnonymousUpload", "Effect": "Allow", "Principal": "*", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::fail-public-write/uploads/*" }"""),
            WithStatement("pass-vpce-only", """{ "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::pass-vpce-only/*", "Condition": { "StringEquals": { "aws:SourceVpce": "vpce-1a2b3c4d" } } }"""),
            WithStatement("pass-org-only", """{ "Effect": "Allow", "Principal": "*", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "arn:aws:s3:::pass-org-only/*", "Condition": { "StringEquals": { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } } }"""),
            WithStatement("pass-public-location-only", """{ "Effect": "Allow", "Principal": "*", "Action": "s3:GetBucketLocation", "Resource": "arn:aws:s3:::pass-public-location-only" }"""),
            WithStatement("pass-named-account", """{ "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:root" }, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::pass-named-account/*" }"""),
            Open("fail-acl-all-users-read") with { ObjectOwnership = "BucketOwnerPreferred", AclGrants = [new(OwnerCanonicalId, "FULL_CONTROL"), new(AllUsers, "READ")] },
            Open("fail-acl-authenticated-write") with { ObjectOwnership = "ObjectWriter", AclGrants = [new(AuthenticatedUsers, "WRITE")] },
            Open("fail-acl-read-acp") with { ObjectOwnership = "ObjectWriter", AclGrants = [new(AllUsers, "READ_ACP")] },
            Open("pass-acl-log-delivery") with
            {
                ObjectOwnership = "BucketOwnerPreferred",
                AclGrants = [new(OwnerCanonicalId, "FULL_CONTROL"), new("http://acs.amazonaws.com/groups/s3/LogDelivery", "WRITE")],
            });

        ExactFailing(_rule, inventory,
            "fail-public-read-example", "fail-aws-star-all-actions", "fail-get-wildcard", "fail-not-action", "fail-public-write",
            "fail-acl-all-users-read", "fail-acl-authenticated-write", "fail-acl-read-acp");
    }

    [Fact]
    public void Bucket_level_block_and_disabled_acls_neutralise_public_grants_and_say_so()
    {
        var inventory = Inventory(
            Bucket("pass-policy-restricted-at-bucket") with { PublicAccessBlock = new(false, false, false, true), Policy = Policy(PublicReadJson("pass-policy-restricted-at-bucket")) },
            Open("pass-acl-ignored-at-bucket") with { PublicAccessBlock = new(false, true, false, false), ObjectOwnership = "ObjectWriter", AclGrants = [new(AllUsers, "FULL_CONTROL")] },
            Open("pass-acl-disabled") with { ObjectOwnership = "BucketOwnerEnforced", AclGrants = [new(AllUsers, "READ")] },
            // IgnorePublicAcls does not help a public policy, nor RestrictPublicBuckets a public ACL.
            Bucket("fail-policy-with-ignore-acls") with { PublicAccessBlock = new(true, true, true, false), Policy = Policy(PublicReadJson("fail-policy-with-ignore-acls")) },
            Bucket("fail-acl-with-restrict-buckets") with { PublicAccessBlock = new(false, false, true, true), ObjectOwnership = "ObjectWriter", AclGrants = [new(AllUsers, "READ")] });

        var findings = ExactFailing(_rule, inventory, "fail-policy-with-ignore-acls", "fail-acl-with-restrict-buckets");

        var restricted = Assert.Single(findings, f => f.Resource.Id == "pass-policy-restricted-at-bucket");
        Assert.Contains("RestrictPublicBuckets is on at bucket level", restricted.Message);
        Assert.Contains("RestrictPublicBuckets is on at bucket level", restricted.Evidence["neutralised"]);
        Assert.Equal("PublicReadGetObject", restricted.Evidence["publicPolicyStatements"]);
        Assert.Contains("ObjectOwnership BucketOwnerEnforced", Assert.Single(findings, f => f.Resource.Id == "pass-acl-disabled").Evidence["neutralised"]);
    }

    [Fact]
    public void The_account_level_block_neutralises_public_grants_on_every_bucket_of_the_account()
    {
        var inventory = BaseInventory with
        {
            Buckets =
            [
                Open("pass-public-policy") with { Policy = Policy(PublicReadJson("pass-public-policy")) },
                Open("pass-public-acl") with { ObjectOwnership = "ObjectWriter", AclGrants = [new(AllUsers, "READ")] },
                Open("fail-other-account") with { AccountId = "210987654321", Policy = Policy(PublicReadJson("fail-other-account")) },
            ],
            AccountPublicAccessBlocks = [AccountBlock(new(true, true, true, true)), AccountBlock(PublicAccessBlock.None, "210987654321")],
        };

        var findings = ExactFailing(_rule, inventory, "fail-other-account");

        Assert.Contains("at account level", Assert.Single(findings, f => f.Resource.Id == "pass-public-policy").Message);
        Assert.Contains("IgnorePublicAcls is on at account level", Assert.Single(findings, f => f.Resource.Id == "pass-public-acl").Message);
    }

    [Fact]
    public void Unknown_values_give_errors_unless_a_block_makes_them_irrelevant()
    {
        var inventory = BaseInventory with
        {
            Buckets =
            [
                Open("policy-unknown") with { Policy = null },
                Open("acl-unknown") with { ObjectOwnership = "ObjectWriter", AclGrants = null },
                Open("ownership-unknown-public-acl") with { ObjectOwnership = null, AclGrants = [new(AllUsers, "READ")] },
                Open("public-policy-account-block-unknown") with { Policy = Policy(PublicReadJson("public-policy-account-block-unknown")) },
                Bucket("pass-policy-unknown-but-restricted") with { Policy = null },
                Open("pass-acl-unknown-but-disabled") with { AclGrants = null, ObjectOwnership = "BucketOwnerEnforced" },
                Open("pass-private-account-block-unknown"),
            ],
            // No account-level record: the account block is unknown.
        };

        var findings = ExactFailing(_rule, inventory);

        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "policy-unknown"));
        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "acl-unknown"));
        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "ownership-unknown-public-acl"));
        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "public-policy-account-block-unknown"));
        Assert.Equal("unknown", Assert.Single(findings, f => f.Resource.Id == "policy-unknown").Evidence["accountPublicAccessBlock"]);
    }

    [Fact]
    public void A_known_exposure_fails_even_when_the_other_half_is_unknown()
    {
        var inventory = Inventory(
            Open("fail-public-acl-policy-unknown") with { Policy = null, ObjectOwnership = "ObjectWriter", AclGrants = [new(AllUsers, "WRITE")] },
            Open("fail-public-policy-acl-unknown") with { Policy = Policy(PublicReadJson("fail-public-policy-acl-unknown")), ObjectOwnership = "ObjectWriter", AclGrants = null });

        ExactFailing(_rule, inventory, "fail-public-acl-policy-unknown", "fail-public-policy-acl-unknown");
    }

    [Fact]
    public void Failure_names_the_statement_the_actions_and_the_acl_grant()
    {
        var bucket = Open("fail-website") with
        {
            Policy = Policy(PublicReadJson("fail-website")),
            ObjectOwnership = "BucketOwnerPreferred",
            AclGrants = [new(OwnerCanonicalId, "FULL_CONTROL"), new(AllUsers, "WRITE")],
            Tags = Tags(("Name", "static-site")),
        };

        var finding = Assert.Single(Evaluate(_rule, Inventory(bucket)));

        Assert.Equal(ComplianceStatus.Fail, finding.Status);
        Assert.Equal(
            "Bucket fail-website (static-site) allows public read through bucket policy statement PublicReadGetObject (s3:GetObject) and public write through ACL grants WRITE to AllUsers.",
            finding.Message);
        Assert.Equal("s3:GetObject", finding.Evidence["publicPolicyActions"]);
        Assert.Equal("AllUsers:WRITE", finding.Evidence["publicAclGrants"]);
        Assert.Equal("false", finding.Evidence["effectiveRestrictPublicBuckets"]);
    }
}
