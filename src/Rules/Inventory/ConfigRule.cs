namespace Compliance.Rules.Inventory;

/// <summary>
/// An AWS Config rule (DescribeConfigRules) with its evaluation status (DescribeConfigRuleEvaluationStatus).
/// Id is the rule name. Rules a conformance pack deploys are listed here too (CreatedBy config-conforms.amazonaws.com).
/// </summary>
public sealed record ConfigRule : AwsResource
{
    public override string ResourceType => ResourceTypes.ConfigRule;

    /// <summary>Source.Owner: AWS (managed rule), CUSTOM_LAMBDA or CUSTOM_POLICY.</summary>
    public required string Owner { get; init; }

    /// <summary>Source.SourceIdentifier: the managed rule identifier (e.g. S3_DEFAULT_ENCRYPTION_KMS) or a Lambda ARN; "" for Guard rules.</summary>
    public string SourceIdentifier { get; init; } = "";

    /// <summary>ConfigRuleState: ACTIVE, EVALUATING, DELETING or DELETING_RESULTS.</summary>
    public required string State { get; init; }

    /// <summary>MaximumExecutionFrequency of a periodic rule (One_Hour ... TwentyFour_Hours); null when the rule sets none (AWS omits it).</summary>
    public string? MaximumExecutionFrequency { get; init; }

    /// <summary>The service that created the rule (e.g. config-conforms.amazonaws.com, securityhub.amazonaws.com); null when created directly.</summary>
    public string? CreatedBy { get; init; }

    /// <summary>The evaluation status; null when it could not be read.</summary>
    public ConfigRuleEvaluationStatus? EvaluationStatus { get; init; }
}

/// <summary>
/// A rule's evaluation status. Times are null when the event never happened (AWS omits them). <see cref="ReadAt"/> is when
/// the status was read, the reference for "how long ago" (rules never read the clock).
/// </summary>
public sealed record ConfigRuleEvaluationStatus
{
    public required DateTimeOffset ReadAt { get; init; }
    public DateTimeOffset? LastSuccessfulEvaluationTime { get; init; }
    public DateTimeOffset? LastFailedEvaluationTime { get; init; }
    public DateTimeOffset? LastSuccessfulInvocationTime { get; init; }
    public DateTimeOffset? LastFailedInvocationTime { get; init; }

    /// <summary>The error of the last failure; "" when there was none.</summary>
    public string LastErrorCode { get; init; } = "";

    /// <summary>The message of the last failure; "" when there was none.</summary>
    public string LastErrorMessage { get; init; } = "";

    /// <summary>Whether Config has started evaluating the rule at least once.</summary>
    public bool FirstEvaluationStarted { get; init; }
}
