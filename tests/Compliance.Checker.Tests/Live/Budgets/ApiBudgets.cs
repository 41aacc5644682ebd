namespace Compliance.Checker.Tests.Live.Budgets;

/// <summary>
/// How many calls each collector may make, in one place (docs/performance.md, "API-call budgets"). A budget is list
/// pages plus only the per-resource calls the API forces: where a list or batch call already returns a setting, no
/// per-item call may ask for it again. Per region unless the collector is global. <c>pages</c> is how many pages the
/// service needed to list everything (at the largest page size the API allows, which each test also checks).
/// A collector that makes more calls than its formula fails its test: fix the collector, or, when the API really
/// forces a call, change the formula here and in the docs with the reason.
/// </summary>
internal static class ApiBudgets
{
    /// <summary>
    /// EC2: one list call per page of each of its 11 list operations (10 types, security groups with their rules as a
    /// second list); DescribeSnapshotAttribute per snapshot (no list call returns createVolumePermission); one call
    /// each for the region's EBS encryption default and default key.
    /// </summary>
    public static IReadOnlyDictionary<string, int> Ec2(int pages, int snapshots) => new Dictionary<string, int>
    {
        ["DescribeVpcs"] = pages, ["DescribeSubnets"] = pages, ["DescribeRouteTables"] = pages, ["DescribeSecurityGroups"] = pages,
        ["DescribeSecurityGroupRules"] = pages, ["DescribeNetworkAcls"] = pages, ["DescribeFlowLogs"] = pages, ["DescribeVpcEndpoints"] = pages,
        ["DescribeVolumes"] = pages, ["DescribeSnapshots"] = pages, ["DescribeInstances"] = pages,
        ["DescribeSnapshotAttribute"] = snapshots, ["GetEbsEncryptionByDefault"] = 1, ["GetEbsDefaultKmsKeyId"] = 1,
        ["DescribeVpcBlockPublicAccessOptions"] = 1, ["DescribeVpcBlockPublicAccessExclusions"] = pages,
    };

    /// <summary>
    /// A targeted security-group scan (`scan --security-group`, the change event): the caller's account (STS, unless the
    /// event names it) and the two EC2 calls filtered on the group ids; at most 3 calls in all.
    /// </summary>
    public const int TargetedSecurityGroupScan = 3;

    /// <summary>
    /// S3 (global): ListBuckets pages; per bucket its ten settings, one getter each (S3 has no call that returns more than
    /// one), GetBucketLocation only when the listing left the region out; the account's Block Public Access once.
    /// </summary>
    public static IReadOnlyDictionary<string, int> S3(int pages, int buckets, int bucketsWithoutRegion) => new Dictionary<string, int>
    {
        ["ListBuckets"] = pages, ["GetBucketLocation"] = bucketsWithoutRegion, ["GetBucketEncryption"] = buckets, ["GetPublicAccessBlock"] = buckets,
        ["GetBucketVersioning"] = buckets, ["GetBucketPolicy"] = buckets, ["GetBucketAcl"] = buckets, ["GetBucketOwnershipControls"] = buckets,
        ["GetBucketLogging"] = buckets, ["GetBucketLifecycleConfiguration"] = buckets, ["GetObjectLockConfiguration"] = buckets,
        ["GetBucketTagging"] = buckets, ["s3control:GetPublicAccessBlock"] = 1,
    };

    /// <summary>
    /// KMS: ListKeys pages; per key DescribeKey and GetKeyPolicy; for customer managed keys ListResourceTags and (symmetric,
    /// KMS-generated material) GetKeyRotationStatus; one ListAliases pass for all keys instead of a call per key.
    /// </summary>
    public static IReadOnlyDictionary<string, int> Kms(int keyPages, int keys, int customerKeys, int aliasPages) => new Dictionary<string, int>
    {
        ["ListKeys"] = keyPages, ["DescribeKey"] = keys, ["GetKeyPolicy"] = keys, ["ListResourceTags"] = customerKeys,
        ["GetKeyRotationStatus"] = customerKeys, ["ListAliases"] = keys == 0 ? 0 : aliasPages,
    };

    /// <summary>DynamoDB: ListTables pages; per table DescribeTable, DescribeContinuousBackups, DescribeTimeToLive and ListTagsOfResource (no list returns them).</summary>
    public static IReadOnlyDictionary<string, int> DynamoDb(int pages, int tables) => new Dictionary<string, int>
    {
        ["ListTables"] = pages, ["DescribeTable"] = tables, ["DescribeContinuousBackups"] = tables, ["DescribeTimeToLive"] = tables, ["ListTagsOfResource"] = tables,
    };

    /// <summary>SNS: ListTopics pages (100 topics each, fixed by SNS); GetTopicAttributes and ListTagsForResource per topic (ListTopics returns only ARNs).</summary>
    public static IReadOnlyDictionary<string, int> Sns(int pages, int topics) => new Dictionary<string, int>
    {
        ["ListTopics"] = pages, ["GetTopicAttributes"] = topics, ["ListTagsForResource"] = topics,
    };

    /// <summary>Secrets Manager: ListSecrets pages only; the listing carries rotation, key, dates and tags.</summary>
    public static IReadOnlyDictionary<string, int> SecretsManager(int pages) => new Dictionary<string, int> { ["ListSecrets"] = pages };

    /// <summary>CloudWatch Logs: DescribeLogGroups pages (50 groups each, the API's largest page) and one DescribeMetricFilters listing per region (here one page).</summary>
    public static IReadOnlyDictionary<string, int> CloudWatchLogs(int pages) => new Dictionary<string, int> { ["DescribeLogGroups"] = pages, ["DescribeMetricFilters"] = 1 };

    /// <summary>CloudTrail: DescribeTrails once (not paginated); per trail GetTrailStatus and GetEventSelectors.</summary>
    public static IReadOnlyDictionary<string, int> CloudTrail(int trails) => new Dictionary<string, int>
    {
        ["DescribeTrails"] = 1, ["GetTrailStatus"] = trails, ["GetEventSelectors"] = trails,
    };

    /// <summary>Config: both describe calls once (neither paginates); the status call only when there is a recorder.</summary>
    public static IReadOnlyDictionary<string, int> Config(int recorders) => new Dictionary<string, int>
    {
        ["DescribeConfigurationRecorders"] = 1, ["DescribeConfigurationRecorderStatus"] = recorders == 0 ? 0 : 1,
        // Delivery channels once; Config rules and their evaluation status one page each here (no rules).
        ["DescribeDeliveryChannels"] = 1, ["DescribeConfigRules"] = 1, ["DescribeConfigRuleEvaluationStatus"] = 1,
    };

    /// <summary>GuardDuty: ListDetectors pages; per detector GetDetector and GetAdministratorAccount (a region has at most one), and one ListFindings per severity band (3) counting overdue findings.</summary>
    public static IReadOnlyDictionary<string, int> GuardDuty(int pages, int detectors) => new Dictionary<string, int>
    {
        ["ListDetectors"] = pages, ["GetDetector"] = detectors, ["GetAdministratorAccount"] = detectors, ["ListFindings"] = 3 * detectors,
    };

    /// <summary>IAM (global): GetAccountPasswordPolicy once.</summary>
    public static IReadOnlyDictionary<string, int> Iam() => new Dictionary<string, int> { ["GetAccountPasswordPolicy"] = 1 };

    /// <summary>The pages of a listing of <paramref name="items"/> at <paramref name="pageSize"/>: at least one, even for none.</summary>
    public static int Pages(int items, int pageSize) => Math.Max(1, (items + pageSize - 1) / pageSize);
}
