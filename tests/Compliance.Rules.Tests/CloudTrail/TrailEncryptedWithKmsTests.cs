using Compliance.Rules.CloudTrail;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.CloudTrail.TrailFixtures;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.CloudTrail;

public sealed class TrailEncryptedWithKmsTests
{
    private readonly TrailEncryptedWithKms _rule = new();

    [Fact]
    public void Trails_without_a_key_or_with_an_unusable_or_aws_managed_key_fail()
    {
        var inventory = BaseInventory with
        {
            KmsKeys = [LogsKey()],
            Trails =
            [
                Trail("pass-known-key"),
                Trail("pass-key-of-another-account") with { KmsKeyId = $"arn:aws:kms:{Region}:{ManagementAccount}:key/5a1c9e7f-3b2d-4c6e-8f0a-1b2c3d4e5f60" },
                Trail("fail-sse-s3") with { KmsKeyId = null },
                Trail("fail-aws-managed") with { KmsKeyId = "alias/aws/s3" },
            ],
        };

        ExactFailing(_rule, inventory, "fail-sse-s3", "fail-aws-managed");
    }

    [Fact]
    public void A_key_pending_deletion_fails_because_delivery_stops()
    {
        var finding = Assert.Single(Evaluate(_rule, BaseInventory with { KmsKeys = [LogsKey("PendingDeletion")], Trails = [Trail("audit")] }));

        Assert.Equal(ComplianceStatus.Fail, finding.Status);
        Assert.Equal($"Trail audit encrypts with KMS key {LogsKeyArn}, which is PendingDeletion, so CloudTrail cannot encrypt and deliver new log files.", finding.Message);
        Assert.Equal("PendingDeletion", finding.Evidence["keyState"]);
    }

    [Fact]
    public void The_failure_names_the_trail_and_its_evidence_the_settings_read()
    {
        var finding = Assert.Single(Evaluate(_rule, BaseInventory with { Trails = [Trail("org-audit", ManagementAccount) with { KmsKeyId = null, IsOrganizationTrail = true }] }));

        Assert.Equal($"Organization trail org-audit of account {ManagementAccount} has no KMS key, so its log files are encrypted only with SSE-S3.", finding.Message);
        Assert.Equal(("", "true", Region), (finding.Evidence["kmsKeyId"], finding.Evidence["isOrganizationTrail"], finding.Evidence["homeRegion"]));
    }

    [Fact]
    public void A_trail_seen_twice_is_judged_once()
    {
        var trail = Trail("audit");

        Assert.Single(Evaluate(_rule, BaseInventory with { Trails = [trail, trail] }));
    }
}
