using Compliance.Rules.CloudTrail;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.CloudTrail.TrailFixtures;
using static Compliance.Rules.Tests.RuleAssert;
using static Compliance.Rules.Tests.S3.S3Fixtures;

namespace Compliance.Rules.Tests.CloudTrail;

public sealed class TrailBucketNotPublicTests
{
    private readonly TrailBucketNotPublic _rule = new();

    private static readonly PublicAccessBlock Off = new(false, false, false, false);

    [Fact]
    public void Only_trail_buckets_are_judged_and_a_public_one_fails()
    {
        var inventory = BaseInventory with
        {
            AccountPublicAccessBlocks = [AccountBlock(Off)],
            Buckets =
            [
                Bucket("pass-private-logs"),
                Bucket("fail-public-logs") with { PublicAccessBlock = Off, Policy = Policy(PublicReadJson("fail-public-logs")) },
                Bucket("public-website") with { PublicAccessBlock = Off, Policy = Policy(PublicReadJson("public-website")) },
            ],
            Trails = [Trail("audit") with { S3BucketName = "pass-private-logs" }, Trail("legacy") with { S3BucketName = "fail-public-logs" }],
        };

        var findings = ExactFailing(_rule, inventory, "fail-public-logs");

        Assert.Equal(2, findings.Count); // the website bucket is no trail's
        Assert.Equal("Bucket fail-public-logs, where trail legacy delivers log files, allows public read through bucket policy statement PublicReadGetObject (s3:GetObject).",
            findings.Single(f => f.Status == ComplianceStatus.Fail).Message);
    }

    [Fact]
    public void Block_public_access_at_account_level_neutralises_a_public_policy()
    {
        var inventory = BaseInventory with
        {
            AccountPublicAccessBlocks = [AccountBlock(new PublicAccessBlock(true, true, true, true))],
            Buckets = [Bucket("pass-logs") with { PublicAccessBlock = Off, Policy = Policy(PublicReadJson("pass-logs")) }],
            Trails = [Trail("audit") with { S3BucketName = "pass-logs" }],
        };

        ExactFailing(_rule, inventory);
    }

    [Fact]
    public void A_bucket_shared_by_two_trails_is_judged_once_naming_both()
    {
        var inventory = BaseInventory with
        {
            Buckets = [Bucket("pass-logs")],
            Trails = [Trail("audit") with { S3BucketName = "pass-logs" }, Trail("data-events") with { S3BucketName = "pass-logs" }],
        };

        var finding = Assert.Single(Evaluate(_rule, inventory));
        Assert.StartsWith("Bucket pass-logs, where trails audit, data-events deliver log files, grants no public", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_organization_trail_bucket_in_another_account_is_unknown_not_failed()
    {
        var inventory = BaseInventory with
        {
            Trails = [Trail("org-audit", ManagementAccount) with { IsOrganizationTrail = true, S3BucketName = "aws-controltower-logs-210987654321-eu-west-1" }],
        };

        var finding = Assert.Single(Evaluate(_rule, inventory));

        Assert.Equal(ComplianceStatus.Error, finding.Status);
        Assert.Equal(("aws-controltower-logs-210987654321-eu-west-1", "arn:aws:s3:::aws-controltower-logs-210987654321-eu-west-1"), (finding.Resource.Id, finding.Resource.Arn));
        Assert.Contains("belongs to an account this scan does not cover", finding.Message, StringComparison.Ordinal);
        Assert.Equal("false", finding.Evidence["bucketInInventory"]);
    }

    [Fact]
    public void An_unreadable_policy_without_block_public_access_is_an_error()
    {
        var inventory = BaseInventory with
        {
            AccountPublicAccessBlocks = [AccountBlock(Off)],
            Buckets = [Bucket("logs") with { PublicAccessBlock = Off, Policy = null }],
            Trails = [Trail("audit") with { S3BucketName = "logs" }],
        };

        var finding = Assert.Single(Evaluate(_rule, inventory));

        Assert.Equal(ComplianceStatus.Error, finding.Status);
        Assert.StartsWith("Bucket logs, where trail audit delivers log files, has an unknown exposure: the bucket policy could not be read", finding.Message, StringComparison.Ordinal);
    }
}
