namespace Compliance.Rules.Inventory;

/// <summary>An AWS Config delivery channel (DescribeDeliveryChannels). Id is the channel name; one per account and Region.</summary>
public sealed record ConfigDeliveryChannel : AwsResource
{
    public override string ResourceType => ResourceTypes.ConfigDeliveryChannel;

    /// <summary>The bucket Config delivers configuration snapshots and history to.</summary>
    public required string S3BucketName { get; init; }

    /// <summary>The key prefix in the bucket; "" when none.</summary>
    public string S3KeyPrefix { get; init; } = "";

    /// <summary>The KMS key Config encrypts delivered objects with; null when none is set (AWS omits it).</summary>
    public string? S3KmsKeyArn { get; init; }

    /// <summary>The SNS topic Config notifies; null when none is set (AWS omits it).</summary>
    public string? SnsTopicArn { get; init; }

    /// <summary>configSnapshotDeliveryProperties.deliveryFrequency (One_Hour ... TwentyFour_Hours); null when not set.</summary>
    public string? DeliveryFrequency { get; init; }
}
