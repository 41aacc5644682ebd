namespace Compliance.Rules.Inventory;

/// <summary>A DynamoDB table (ListTables, DescribeTable, DescribeContinuousBackups, ListTagsOfResource). Id is the table name.</summary>
public sealed record DynamoDbTable : AwsResource
{
    public override string ResourceType => ResourceTypes.DynamoDbTable;

    /// <summary>Server-side encryption; null when DescribeTable failed.</summary>
    public TableEncryption? Encryption { get; init; }

    /// <summary>Point-in-time recovery; null when DescribeContinuousBackups failed.</summary>
    public bool? PointInTimeRecoveryEnabled { get; init; }

    /// <summary>DeleteTable is refused while this is on; null when DescribeTable failed.</summary>
    public bool? DeletionProtectionEnabled { get; init; }
}

/// <summary>
/// Table encryption. SseType "AWS_OWNED" (no SSEDescription: the AWS owned key), or "KMS" with the key ARN
/// (the AWS managed key aws/dynamodb or a customer managed key).
/// </summary>
public sealed record TableEncryption(string SseType, string? KmsMasterKeyArn);
