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

    /// <summary>
    /// The last day the secret was retrieved (AWS truncates it to the date, 00:00 UTC); null when it was never
    /// retrieved in its Region, as ListSecrets reports it by leaving the field out.
    /// </summary>
    public DateTimeOffset? LastAccessedDate { get; init; }

    /// <summary>When the secret was created; null when unknown.</summary>
    public DateTimeOffset? CreatedDate { get; init; }

    /// <summary>
    /// The date Secrets Manager computed for the next rotation (it rotates on or before it); null when rotation is not
    /// configured, or unknown.
    /// </summary>
    public DateTimeOffset? NextRotationDate { get; init; }
}
