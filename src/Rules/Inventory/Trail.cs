namespace Compliance.Rules.Inventory;

/// <summary>A CloudTrail trail (DescribeTrails, GetTrailStatus, GetEventSelectors). Id is the trail name; Region its home region.</summary>
public sealed record Trail : AwsResource
{
    public override string ResourceType => ResourceTypes.Trail;

    public bool IsMultiRegionTrail { get; init; }
    public bool IncludeGlobalServiceEvents { get; init; }
    public bool IsOrganizationTrail { get; init; }
    public bool LogFileValidationEnabled { get; init; }
    public string? KmsKeyId { get; init; }
    public string? S3BucketName { get; init; }
    public string? CloudWatchLogsLogGroupArn { get; init; }

    /// <summary>GetTrailStatus IsLogging; null when unknown.</summary>
    public bool? IsLogging { get; init; }

    /// <summary>GetEventSelectors; null when unknown.</summary>
    public TrailEventSelectors? EventSelectors { get; init; }
}

/// <summary>A trail uses either basic or advanced event selectors.</summary>
public sealed record TrailEventSelectors
{
    public IReadOnlyList<EventSelector> Basic { get; init; } = [];
    public IReadOnlyList<AdvancedEventSelector> Advanced { get; init; } = [];
}

/// <summary>A basic event selector.</summary>
/// <param name="ReadWriteType">All, ReadOnly or WriteOnly.</param>
/// <param name="IncludeManagementEvents">Whether management events are logged.</param>
public sealed record EventSelector(string ReadWriteType, bool IncludeManagementEvents)
{
    public IReadOnlyList<DataResource> DataResources { get; init; } = [];
    public IReadOnlyList<string> ExcludeManagementEventSources { get; init; } = [];
}

/// <summary>A data resource of a basic selector: Type "AWS::S3::Object" with ARN prefixes.</summary>
public sealed record DataResource(string Type, IReadOnlyList<string> Values);

/// <summary>An advanced event selector.</summary>
public sealed record AdvancedEventSelector(string? Name, IReadOnlyList<FieldSelector> FieldSelectors);

/// <summary>One field condition of an advanced selector.</summary>
public sealed record FieldSelector
{
    /// <summary>eventCategory, readOnly, resources.type, resources.ARN, eventSource, ...</summary>
    public required string Field { get; init; }
    public IReadOnlyList<string> EqualTo { get; init; } = [];
    public IReadOnlyList<string> NotEquals { get; init; } = [];
    public IReadOnlyList<string> StartsWith { get; init; } = [];
    public IReadOnlyList<string> NotStartsWith { get; init; } = [];
    public IReadOnlyList<string> EndsWith { get; init; } = [];
    public IReadOnlyList<string> NotEndsWith { get; init; } = [];
}
