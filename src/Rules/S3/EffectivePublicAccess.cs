using Compliance.Rules.Inventory;

namespace Compliance.Rules.S3;

/// <summary>
/// The Block Public Access settings S3 enforces on one bucket: a setting is on when it is on at the bucket
/// or at the account level. Each value is three-valued: true (on at some level), false (known off at both
/// levels), null (off where known and unknown elsewhere).
/// </summary>
internal sealed record EffectivePublicAccess(PublicAccessBlock? BucketBlock, PublicAccessBlock? AccountBlock)
{
    /// <summary>The effective settings of a bucket; the account block is read from AccountPublicAccessBlocks for the bucket's account.</summary>
    public static EffectivePublicAccess Of(Bucket bucket, AwsInventory inventory) =>
        new(bucket.PublicAccessBlock, inventory.AccountPublicAccessBlocks.FirstOrDefault(a => a.AccountId == bucket.AccountId)?.Settings);

    /// <summary>S3 ignores public ACLs on the bucket and its objects.</summary>
    public bool? IgnorePublicAcls => Either(BucketBlock?.IgnorePublicAcls, AccountBlock?.IgnorePublicAcls);

    /// <summary>S3 restricts access granted by a public bucket policy to AWS services and the owner's account.</summary>
    public bool? RestrictPublicBuckets => Either(BucketBlock?.RestrictPublicBuckets, AccountBlock?.RestrictPublicBuckets);

    /// <summary>The settings read, as evidence.</summary>
    public void AddEvidence(IDictionary<string, string> evidence)
    {
        evidence["bucketPublicAccessBlock"] = Describe(BucketBlock);
        evidence["accountPublicAccessBlock"] = Describe(AccountBlock);
    }

    private static bool? Either(bool? bucket, bool? account) =>
        bucket == true || account == true ? true : bucket == false && account == false ? false : null;

    private static string Describe(PublicAccessBlock? block) =>
        block is null ? "unknown" : $"BlockPublicAcls={Bool(block.BlockPublicAcls)},IgnorePublicAcls={Bool(block.IgnorePublicAcls)},BlockPublicPolicy={Bool(block.BlockPublicPolicy)},RestrictPublicBuckets={Bool(block.RestrictPublicBuckets)}";

    private static string Bool(bool value) => value ? "true" : "false";
}
