namespace Compliance.Checker.Live.Clients.EventBridge;

public sealed record ListEventBusesRequest
{
    public string? NamePrefix { get; init; }
    public string? NextToken { get; init; }

    /// <summary>1 to 100.</summary>
    public int? Limit { get; init; }
}

public sealed record ListEventBusesResponse
{
    public IReadOnlyList<EventBus>? EventBuses { get; init; }
    public string? NextToken { get; init; }
}

public sealed record EventBus
{
    public string? Name { get; init; }
    public string? Arn { get; init; }
    public string? Description { get; init; }

    /// <summary>The resource-based policy as JSON text; absent when the bus has none.</summary>
    public string? Policy { get; init; }
}

public sealed record ListRulesRequest
{
    /// <summary>The bus name or ARN; the default bus when omitted.</summary>
    public string? EventBusName { get; init; }

    public string? NamePrefix { get; init; }
    public string? NextToken { get; init; }

    /// <summary>1 to 100.</summary>
    public int? Limit { get; init; }
}

public sealed record ListRulesResponse
{
    public IReadOnlyList<Rule>? Rules { get; init; }
    public string? NextToken { get; init; }
}

public sealed record Rule
{
    public string? Name { get; init; }
    public string? Arn { get; init; }

    /// <summary>The event pattern as JSON text; absent for a schedule-only rule.</summary>
    public string? EventPattern { get; init; }

    /// <summary>ENABLED, DISABLED or ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS.</summary>
    public string? State { get; init; }

    public string? Description { get; init; }
    public string? ScheduleExpression { get; init; }
    public string? RoleArn { get; init; }

    /// <summary>The service principal that created the rule for itself, when a service did.</summary>
    public string? ManagedBy { get; init; }

    public string? EventBusName { get; init; }
}

public sealed record ListTargetsByRuleRequest
{
    public required string Rule { get; init; }
    public string? EventBusName { get; init; }
    public string? NextToken { get; init; }

    /// <summary>1 to 100.</summary>
    public int? Limit { get; init; }
}

public sealed record ListTargetsByRuleResponse
{
    public IReadOnlyList<Target>? Targets { get; init; }
    public string? NextToken { get; init; }
}

/// <summary>The members of a target that the inventory reads (input, transformer and service parameters are not).</summary>
public sealed record Target
{
    public string? Id { get; init; }
    public string? Arn { get; init; }
    public string? RoleArn { get; init; }
    public DeadLetterConfig? DeadLetterConfig { get; init; }
    public RetryPolicy? RetryPolicy { get; init; }
}

public sealed record DeadLetterConfig
{
    public string? Arn { get; init; }
}

public sealed record RetryPolicy
{
    public int? MaximumRetryAttempts { get; init; }
    public int? MaximumEventAgeInSeconds { get; init; }
}

public sealed record ListTagsForResourceRequest(string ResourceARN);

public sealed record ListTagsForResourceResponse
{
    public IReadOnlyList<Tag>? Tags { get; init; }
}

public sealed record Tag
{
    public string? Key { get; init; }
    public string? Value { get; init; }
}
