using Compliance.Rules.Inventory;
using Compliance.Rules.Remediation;
using static Compliance.Rules.Remediation.RemediationSupport;

namespace Compliance.Rules.S3;

/// <summary>
/// Enables versioning (PutBucketVersioning Status=Enabled). The request carries no MfaDelete element, so MFA delete stays
/// as it is; ExpectedBucketOwner keeps it from touching a same-named bucket of another account.
/// </summary>
public sealed class BucketVersioningEnabledRemediation : IRemediation
{
    internal const string Put = "s3:PutBucketVersioning";
    internal const string Get = "s3:GetBucketVersioning";

    public string RuleId => RuleIds.S3Bucket5;

    public IReadOnlyList<string> RequiredActions { get; } = [Put, Get];

    public RemediationPlan? Plan(Finding finding, AwsInventory inventory)
    {
        if (!IsFailOf(finding, RuleId)
            || inventory.Buckets.FirstOrDefault(b => b.Id == finding.Resource.Id && b.AccountId == finding.Resource.AccountId) is not { } bucket
            || bucket.Versioning is not { Enabled: false } versioning)
        {
            return null;
        }

        return new RemediationPlan(RuleId, bucket.Ref,
            $"Enable versioning on bucket {bucket.DisplayName} (status now {versioning.Status}); MFA delete is left as it is.",
            [new RemediationAction(Put, Parameters(bucket.Region, ("Bucket", bucket.Id), ("ExpectedBucketOwner", bucket.AccountId), ("Status", "Enabled")))]);
    }

    public Task<RemediationOutcome> ApplyAsync(RemediationPlan plan, IRemediationGateway gateway, CancellationToken cancellationToken) =>
        VerifiedChange.ApplyAsync(plan, gateway,
            VerifiedChange.Read(new RemediationAction(Get, Only(plan.Actions[0].Parameters, "Region", "Bucket", "ExpectedBucketOwner"))),
            state => Value(state, "Status") == "Enabled",
            "versioning status Enabled",
            cancellationToken);
}
