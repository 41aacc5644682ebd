using Compliance.Rules.Inventory;
using Compliance.Rules.S3;
using static Compliance.Rules.Tests.RuleAssert;
using static Compliance.Rules.Tests.S3.S3Fixtures;

namespace Compliance.Rules.Tests.S3;

public sealed class EffectivePublicAccessTests
{
    private static readonly PublicAccessBlock RestrictOnly = new(false, false, false, true);
    private static readonly PublicAccessBlock IgnoreAclsOnly = new(false, true, false, false);

    [Fact]
    public void A_setting_on_at_either_level_is_on_and_off_only_when_known_off_at_both()
    {
        var bucketOn = Bucket("b") with { PublicAccessBlock = RestrictOnly };
        var accountOn = Bucket("b") with { PublicAccessBlock = PublicAccessBlock.None };
        var inventory = BaseInventory with { AccountPublicAccessBlocks = [AccountBlock(IgnoreAclsOnly)] };

        var fromBucket = EffectivePublicAccess.Of(bucketOn, inventory);
        Assert.True(fromBucket.RestrictPublicBuckets);
        Assert.True(fromBucket.IgnorePublicAcls);

        var fromAccount = EffectivePublicAccess.Of(accountOn, inventory);
        Assert.False(fromAccount.RestrictPublicBuckets);
        Assert.True(fromAccount.IgnorePublicAcls);
    }

    [Fact]
    public void An_unknown_account_block_leaves_off_bucket_settings_unknown()
    {
        var bucket = Bucket("b") with { PublicAccessBlock = PublicAccessBlock.None };

        var missing = EffectivePublicAccess.Of(bucket, BaseInventory);
        var unreadable = EffectivePublicAccess.Of(bucket, BaseInventory with { AccountPublicAccessBlocks = [AccountBlock(null)] });
        var otherAccount = EffectivePublicAccess.Of(bucket, BaseInventory with { AccountPublicAccessBlocks = [AccountBlock(new(true, true, true, true), "210987654321")] });

        Assert.Null(missing.RestrictPublicBuckets);
        Assert.Null(unreadable.IgnorePublicAcls);
        Assert.Null(otherAccount.RestrictPublicBuckets);
    }
}
