namespace Compliance.Rules.Inventory;

/// <summary>A Secrets Manager secret (ListSecrets). Id is the secret name; Arn its ARN.</summary>
public sealed record Secret : AwsResource
{
    public override string ResourceType => ResourceTypes.Secret;

    public bool RotationEnabled { get; init; }

    /// <summary>RotationRules.AutomaticallyAfterDays, or the interval a ScheduleExpression implies.</summary>
    public int? RotationIntervalDays { get; init; }

    /// <summary>The key id or ARN; null means the AWS managed key aws/secretsmanager.</summary>
    public string? KmsKeyId { get; init; }

    public DateTimeOffset? LastRotatedDate { get; init; }
    public DateTimeOffset? LastAccessedDate { get; init; }
}
