namespace Compliance.Rules.Inventory;

/// <summary>A CloudWatch Logs log group (DescribeLogGroups). Id is the log group name.</summary>
public sealed record LogGroup : AwsResource
{
    public override string ResourceType => ResourceTypes.LogGroup;

    /// <summary>The KMS key ARN; null when the group uses service-managed encryption.</summary>
    public string? KmsKeyId { get; init; }

    /// <summary>Retention in days; null means the events never expire (AWS omits the value then).</summary>
    public int? RetentionInDays { get; init; }
}
