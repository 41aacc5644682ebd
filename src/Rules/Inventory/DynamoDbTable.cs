namespace Compliance.Rules.Inventory;

/// <summary>A DynamoDB table (ListTables, DescribeTable, DescribeContinuousBackups, DescribeTimeToLive, ListTagsOfResource). Id is the table name.</summary>
public sealed record DynamoDbTable : AwsResource
{
    public override string ResourceType => ResourceTypes.DynamoDbTable;

    /// <summary>Server-side encryption; null when DescribeTable failed.</summary>
    public TableEncryption? Encryption { get; init; }

    /// <summary>Point-in-time recovery; null when DescribeContinuousBackups failed.</summary>
    public bool? PointInTimeRecoveryEnabled { get; init; }

    /// <summary>DeleteTable is refused while this is on; null when DescribeTable failed.</summary>
    public bool? DeletionProtectionEnabled { get; init; }

    /// <summary>Time to Live (DescribeTimeToLive); null when unknown.</summary>
    public TableTimeToLive? TimeToLive { get; init; }
}

/// <summary>
/// Time to Live: Status ENABLED, ENABLING, DISABLED or DISABLING, and the attribute whose epoch-seconds value expires an
/// item (null when TTL was never enabled). DynamoDB has no retention period of its own: each item's expiry is whatever
/// the writer stores in that attribute.
/// </summary>
public sealed record TableTimeToLive(string Status, string? AttributeName);

/// <summary>
/// Table encryption. SseType "AWS_OWNED" (no SSEDescription: the AWS owned key), or "KMS" with the key ARN
/// (the AWS managed key aws/dynamodb or a customer managed key).
/// </summary>
public sealed record TableEncryption(string SseType, string? KmsMasterKeyArn);
