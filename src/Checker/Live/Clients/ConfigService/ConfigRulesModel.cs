using System.Text.Json.Serialization;
using Compliance.Checker.Live.Clients.SecretsManager;

namespace Compliance.Checker.Live.Clients.ConfigService;

public sealed record DescribeDeliveryChannelsRequest
{
    public IReadOnlyList<string>? DeliveryChannelNames { get; init; }
}

public sealed record DescribeDeliveryChannelsResponse(IReadOnlyList<DeliveryChannel> DeliveryChannels);

/// <summary>A delivery channel; AWS spells its members in camelCase (name, s3BucketName, snsTopicARN, ...).</summary>
public sealed record DeliveryChannel
{
    public string? Name { get; init; }
    public string? S3BucketName { get; init; }
    public string? S3KeyPrefix { get; init; }
    public string? S3KmsKeyArn { get; init; }
    public string? SnsTopicARN { get; init; }
    public ConfigSnapshotDeliveryProperties? ConfigSnapshotDeliveryProperties { get; init; }
}

public sealed record ConfigSnapshotDeliveryProperties
{
    /// <summary>One_Hour, Three_Hours, Six_Hours, Twelve_Hours or TwentyFour_Hours.</summary>
    public string? DeliveryFrequency { get; init; }
}

public sealed record DescribeConfigRulesRequest
{
    /// <summary>At most 25 names; none = every rule.</summary>
    public IReadOnlyList<string>? ConfigRuleNames { get; init; }

    public string? NextToken { get; init; }
}

public sealed record DescribeConfigRulesResponse(IReadOnlyList<ConfigRule> ConfigRules, string? NextToken);

public sealed record ConfigRule
{
    public string? ConfigRuleName { get; init; }
    public string? ConfigRuleArn { get; init; }
    public string? ConfigRuleId { get; init; }
    public Source? Source { get; init; }
    public string? MaximumExecutionFrequency { get; init; }

    /// <summary>ACTIVE, DELETING, DELETING_RESULTS or EVALUATING.</summary>
    public string? ConfigRuleState { get; init; }

    /// <summary>The service principal that created the rule, e.g. config-conforms.amazonaws.com for a conformance pack.</summary>
    public string? CreatedBy { get; init; }
}

/// <summary>Owner AWS, CUSTOM_LAMBDA or CUSTOM_POLICY; SourceIdentifier the managed rule identifier or the Lambda ARN.</summary>
public sealed record Source
{
    public string? Owner { get; init; }
    public string? SourceIdentifier { get; init; }
}

public sealed record DescribeConfigRuleEvaluationStatusRequest
{
    /// <summary>At most 25 names; none = every rule.</summary>
    public IReadOnlyList<string>? ConfigRuleNames { get; init; }

    public string? NextToken { get; init; }

    /// <summary>0-50 results a page.</summary>
    public int? Limit { get; init; }
}

public sealed record DescribeConfigRuleEvaluationStatusResponse(IReadOnlyList<ConfigRuleEvaluationStatus> ConfigRulesEvaluationStatus, string? NextToken);

/// <summary>Times are epoch seconds on the wire.</summary>
public sealed record ConfigRuleEvaluationStatus
{
    public string? ConfigRuleName { get; init; }
    public string? ConfigRuleArn { get; init; }
    public string? ConfigRuleId { get; init; }

    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTime? LastSuccessfulInvocationTime { get; init; }

    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTime? LastFailedInvocationTime { get; init; }

    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTime? LastSuccessfulEvaluationTime { get; init; }

    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTime? LastFailedEvaluationTime { get; init; }

    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTime? FirstActivatedTime { get; init; }

    public string? LastErrorCode { get; init; }
    public string? LastErrorMessage { get; init; }
    public bool? FirstEvaluationStarted { get; init; }
}
