using System.Text.Json.Serialization;

namespace Compliance.Rules.Inventory;

/// <summary>
/// An EventBridge rule (ListRules per event bus, ListTargetsByRule, ListTagsForResource). Id is the part of the ARN after
/// "rule/": the rule name on the default bus, "bus-name/rule-name" on a custom bus.
/// </summary>
public sealed record EventsRule : AwsResource
{
    public override string ResourceType => ResourceTypes.EventsRule;

    public required string Name { get; init; }

    /// <summary>The event bus the rule belongs to; "default" for the account's default bus.</summary>
    public required string EventBusName { get; init; }

    /// <summary>ENABLED, DISABLED or ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS.</summary>
    public string? State { get; init; }

    /// <summary>The event pattern as JSON text; "" for a rule without one (a schedule). A snapshot may give it as an object.</summary>
    [JsonConverter(typeof(JsonTextConverter))]
    public string? EventPattern { get; init; }

    /// <summary>The schedule, e.g. "rate(5 minutes)"; "" for a rule without one.</summary>
    public string? ScheduleExpression { get; init; }

    /// <summary>The service principal that manages the rule (a rule an AWS service created for itself); "" otherwise.</summary>
    public string? ManagedBy { get; init; }

    /// <summary>The rule's targets; empty when it has none.</summary>
    public IReadOnlyList<EventsTarget>? Targets { get; init; }

    /// <summary>True when the rule matches events (either enabled state).</summary>
    [JsonIgnore]
    public bool IsEnabled => State is "ENABLED" or "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS";
}

/// <summary>
/// One target of a rule (Target). Within a known target list, a null <see cref="DeadLetterConfig"/> or
/// <see cref="RetryPolicy"/> means the target sets none.
/// </summary>
public sealed record EventsTarget
{
    /// <summary>The target's id within the rule.</summary>
    public required string Id { get; init; }

    /// <summary>The ARN of the target: SNS topic, Lambda function, SQS queue, event bus, ...</summary>
    public required string Arn { get; init; }

    /// <summary>The role EventBridge assumes to reach the target, when it needs one; "" otherwise.</summary>
    public string RoleArn { get; init; } = "";

    /// <summary>Where EventBridge sends events it could not deliver; null when the target has no dead-letter queue.</summary>
    public EventsDeadLetterConfig? DeadLetterConfig { get; init; }

    /// <summary>The retry settings; null when the target sets none (EventBridge then retries for 24 hours, up to 185 times).</summary>
    public EventsRetryPolicy? RetryPolicy { get; init; }
}

/// <summary>A target's dead-letter queue (DeadLetterConfig).</summary>
/// <param name="Arn">The SQS queue ARN.</param>
public sealed record EventsDeadLetterConfig(string Arn);

/// <summary>A target's retry settings (RetryPolicy).</summary>
/// <param name="MaximumRetryAttempts">0 to 185.</param>
/// <param name="MaximumEventAgeInSeconds">60 to 86400.</param>
public sealed record EventsRetryPolicy(int? MaximumRetryAttempts, int? MaximumEventAgeInSeconds);
