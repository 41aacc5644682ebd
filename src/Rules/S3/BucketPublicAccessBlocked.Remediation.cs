using Compliance.Rules.Inventory;
using Compliance.Rules.Remediation;
using static Compliance.Rules.Remediation.RemediationSupport;

namespace Compliance.Rules.S3;

/// <summary>
/// Turns on all four bucket-level Block Public Access settings (PutPublicAccessBlock). It only ever sets settings to
/// true, so it never widens access; ExpectedBucketOwner keeps it from touching a same-named bucket of another account.
/// </summary>
public sealed class BucketPublicAccessBlockedRemediation : IRemediation
{
    internal const string Put = "s3:PutBucketPublicAccessBlock";
    internal const string Get = "s3:GetBucketPublicAccessBlock";
    private static readonly string[] Settings = ["BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"];

    public string RuleId => RuleIds.S3Bucket1;

    public IReadOnlyList<string> RequiredActions { get; } = [Put, Get];

    public RemediationPlan? Plan(Finding finding, AwsInventory inventory)
    {
        if (!IsFailOf(finding, RuleId)
            || inventory.Buckets.FirstOrDefault(b => b.Id == finding.Resource.Id && b.AccountId == finding.Resource.AccountId) is not { } bucket
            || bucket.PublicAccessBlock is not { AllBlocked: false } block)
        {
            return null;
        }

        var parameters = Parameters(bucket.Region, [("Bucket", bucket.Id), ("ExpectedBucketOwner", bucket.AccountId), .. Settings.Select(s => (s, True))]);
        return new RemediationPlan(RuleId, bucket.Ref,
            $"Turn on all four Block Public Access settings of bucket {bucket.DisplayName} (off now: {Wording.Prose(block.Disabled())}).",
            [new RemediationAction(Put, parameters)]);
    }

    public Task<RemediationOutcome> ApplyAsync(RemediationPlan plan, IRemediationGateway gateway, CancellationToken cancellationToken) =>
        VerifiedChange.ApplyAsync(plan, gateway,
            VerifiedChange.Read(new RemediationAction(Get, Only(plan.Actions[0].Parameters, "Region", "Bucket", "ExpectedBucketOwner"))),
            state => Settings.All(s => IsTrue(state, s)),
            "all four Block Public Access settings true",
            cancellationToken);
}
