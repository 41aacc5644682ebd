using Compliance.Rules.Inventory;
using Compliance.Rules.S3;
using static Compliance.Rules.Tests.RuleAssert;
using static Compliance.Rules.Tests.S3.S3Fixtures;

namespace Compliance.Rules.Tests.S3;

public sealed class BucketPublicAccessBlockedTests
{
    private readonly BucketPublicAccessBlocked _rule = new();

    [Fact]
    public void All_four_settings_pass_and_any_off_fails()
    {
        var inventory = BaseInventory with
        {
            Buckets =
            [
                Bucket("pass-all-blocked"),
                Bucket("fail-no-configuration") with { PublicAccessBlock = PublicAccessBlock.None },
                Bucket("fail-acls-only") with { PublicAccessBlock = new(true, true, false, false) },
                Bucket("fail-restrict-off") with { PublicAccessBlock = new(true, true, true, false) },
            ],
            // The account block does not make the bucket setting pass: this rule judges the bucket's own block.
            AccountPublicAccessBlocks = [AccountBlock(new(true, true, true, true))],
        };

        ExactFailing(_rule, inventory, "fail-no-configuration", "fail-acls-only", "fail-restrict-off");
    }

    [Fact]
    public void Unreadable_settings_are_an_error()
    {
        var inventory = BaseInventory with { Buckets = [Bucket("unknown-pab") with { PublicAccessBlock = null }] };

        Assert.Equal(ComplianceStatus.Error, StatusOf(Evaluate(_rule, inventory), "unknown-pab"));
    }

    [Fact]
    public void Failure_names_the_bucket_and_the_disabled_settings()
    {
        var inventory = BaseInventory with
        {
            Buckets = [Bucket("fail-web-assets") with { PublicAccessBlock = new(false, true, false, true), Tags = Tags(("Name", "web")) }],
        };

        var finding = Assert.Single(Evaluate(_rule, inventory));

        Assert.Equal("Bucket fail-web-assets (web) has Block Public Access settings off: BlockPublicAcls, BlockPublicPolicy.", finding.Message);
        Assert.Equal("BlockPublicAcls,BlockPublicPolicy", finding.Evidence["disabledSettings"]);
    }
}
