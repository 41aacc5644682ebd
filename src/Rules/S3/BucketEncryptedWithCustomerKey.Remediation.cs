using Compliance.Rules.Inventory;
using Compliance.Rules.Remediation;
using static Compliance.Rules.Remediation.RemediationSupport;

namespace Compliance.Rules.S3;

/// <summary>
/// Sets default encryption (PutBucketEncryption) to SSE-KMS with a customer managed key and an S3 Bucket Key.
/// A bucket that already uses a customer managed key keeps it and only gets the Bucket Key; any other bucket gets the
/// configured key of its region (<see cref="RemediationSettings.BucketKmsKeyArns"/>), which the inventory must show as an
/// enabled, customer managed, symmetric key. A DSSE-KMS bucket stays DSSE-KMS (dual-layer is never downgraded), without
/// a Bucket Key, which DSSE-KMS does not support. No configured key, or a current key the inventory cannot place: no plan.
/// </summary>
public sealed class BucketEncryptedWithCustomerKeyRemediation(RemediationSettings settings) : IRemediation
{
    internal const string Put = "s3:PutEncryptionConfiguration";
    internal const string Get = "s3:GetEncryptionConfiguration";
    private const string SseKms = "aws:kms";
    private const string DsseKms = "aws:kms:dsse";

    /// <summary>Nothing configured: only buckets that already use a customer managed key are planned.</summary>
    public BucketEncryptedWithCustomerKeyRemediation() : this(RemediationSettings.None)
    {
    }

    public string RuleId => RuleIds.S3Bucket3;

    public IReadOnlyList<string> RequiredActions { get; } = [Put, Get];

    public RemediationPlan? Plan(Finding finding, AwsInventory inventory)
    {
        if (!IsFailOf(finding, RuleId)
            || inventory.Buckets.FirstOrDefault(b => b.Id == finding.Resource.Id && b.AccountId == finding.Resource.AccountId) is not { } bucket
            || bucket.Encryption is not { } encryption)
        {
            return null;
        }

        var index = new InventoryIndex(inventory);
        var current = index.ResolveKey(encryption.KmsMasterKeyId, bucket.Region, bucket.AccountId);
        string key, algorithm;
        if (encryption.IsKms && current.Ownership == KeyOwnership.CustomerManaged)
        {
            if (encryption.Algorithm != SseKms || encryption.BucketKeyEnabled)
            {
                return null; // a customer key, and a Bucket Key where SSE-KMS needs one: nothing this fix would change is wrong
            }

            (key, algorithm) = (encryption.KmsMasterKeyId!, SseKms);
        }
        else if (encryption.IsKms && current.Ownership == KeyOwnership.Unknown)
        {
            return null; // the current key may well be a customer managed key the inventory does not show: never replace it blindly
        }
        else if (UsableConfiguredKey(settings.BucketKmsKeyArns, bucket, index) is { } configured)
        {
            (key, algorithm) = (configured, encryption.Algorithm == DsseKms ? DsseKms : SseKms);
        }
        else
        {
            return null;
        }

        var bucketKey = algorithm == SseKms;
        var now = encryption.IsKms ? $"{encryption.Algorithm} with {(string.IsNullOrEmpty(encryption.KmsMasterKeyId) ? "the AWS managed key" : encryption.KmsMasterKeyId)}" : encryption.Algorithm;
        return new RemediationPlan(RuleId, bucket.Ref,
            $"Set the default encryption of bucket {bucket.DisplayName} to {algorithm} with customer managed key {key}{(bucketKey ? " and an S3 Bucket Key" : "")} (now {now}).",
            [new RemediationAction(Put, Parameters(bucket.Region,
                ("Bucket", bucket.Id), ("ExpectedBucketOwner", bucket.AccountId),
                ("SSEAlgorithm", algorithm), ("KMSMasterKeyID", key), ("BucketKeyEnabled", bucketKey ? True : False)))]);
    }

    public Task<RemediationOutcome> ApplyAsync(RemediationPlan plan, IRemediationGateway gateway, CancellationToken cancellationToken)
    {
        var wanted = plan.Actions[0].Parameters;
        return VerifiedChange.ApplyAsync(plan, gateway,
            VerifiedChange.Read(new RemediationAction(Get, Only(wanted, "Region", "Bucket", "ExpectedBucketOwner"))),
            state => Value(state, "SSEAlgorithm") == wanted["SSEAlgorithm"]
                && Value(state, "KMSMasterKeyID") == wanted["KMSMasterKeyID"]
                && IsTrue(state, "BucketKeyEnabled") == (wanted["BucketKeyEnabled"] == True),
            $"default encryption {wanted["SSEAlgorithm"]} with {wanted["KMSMasterKeyID"]} and BucketKeyEnabled {wanted["BucketKeyEnabled"]}",
            cancellationToken);
    }
}
