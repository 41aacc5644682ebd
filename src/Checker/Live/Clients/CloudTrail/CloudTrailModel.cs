namespace Compliance.Checker.Live.Clients.CloudTrail;

public sealed record DescribeTrailsRequest
{
    /// <summary>Names or ARNs; empty for every trail of the Region.</summary>
    public IReadOnlyList<string>? TrailNameList { get; init; }

    /// <summary>
    /// Default true: also the Region's copies of multi-Region trails homed elsewhere, and organization trails seen from a
    /// member account. False leaves both out.
    /// </summary>
    public bool? IncludeShadowTrails { get; init; }
}

public sealed record DescribeTrailsResponse(IReadOnlyList<Trail> TrailList);

/// <summary>A trail as DescribeTrails returns it; string members are omitted when unset.</summary>
public sealed record Trail
{
    public string? Name { get; init; }
    public string? TrailARN { get; init; }
    public string? HomeRegion { get; init; }
    public string? S3BucketName { get; init; }
    public bool? IncludeGlobalServiceEvents { get; init; }
    public bool? IsMultiRegionTrail { get; init; }
    public bool? IsOrganizationTrail { get; init; }
    public bool? LogFileValidationEnabled { get; init; }
    public string? CloudWatchLogsLogGroupArn { get; init; }
    public string? KmsKeyId { get; init; }
    public bool? HasCustomEventSelectors { get; init; }
}

public sealed record GetTrailStatusRequest(string Name);

/// <summary>Only IsLogging is read: the delivery-time members mix epoch numbers and ISO strings.</summary>
public sealed record GetTrailStatusResponse
{
    public bool? IsLogging { get; init; }
}

public sealed record GetEventSelectorsRequest(string TrailName);

/// <summary>A trail has either EventSelectors or AdvancedEventSelectors.</summary>
public sealed record GetEventSelectorsResponse
{
    public string? TrailARN { get; init; }
    public IReadOnlyList<EventSelector> EventSelectors { get; init; } = [];
    public IReadOnlyList<AdvancedEventSelector> AdvancedEventSelectors { get; init; } = [];
}

/// <summary>A basic selector. AWS defaults: ReadWriteType All, IncludeManagementEvents true.</summary>
public sealed record EventSelector
{
    public string? ReadWriteType { get; init; }
    public bool? IncludeManagementEvents { get; init; }
    public IReadOnlyList<DataResource>? DataResources { get; init; }
    public IReadOnlyList<string>? ExcludeManagementEventSources { get; init; }
}

public sealed record DataResource
{
    public string? Type { get; init; }
    public IReadOnlyList<string>? Values { get; init; }
}

public sealed record AdvancedEventSelector
{
    public string? Name { get; init; }
    public IReadOnlyList<AdvancedFieldSelector>? FieldSelectors { get; init; }
}

/// <summary>A class, not a record: the member is called Equals, as in the SDK (which declares it "new" too).</summary>
public sealed class AdvancedFieldSelector
{
    public string? Field { get; init; }
    public new IReadOnlyList<string>? Equals { get; init; }
    public IReadOnlyList<string>? NotEquals { get; init; }
    public IReadOnlyList<string>? StartsWith { get; init; }
    public IReadOnlyList<string>? NotStartsWith { get; init; }
    public IReadOnlyList<string>? EndsWith { get; init; }
    public IReadOnlyList<string>? NotEndsWith { get; init; }
}

/// <summary>UpdateTrail input, reduced to what remediation sends: the trail (name or ARN) and the one setting changed.</summary>
public sealed record UpdateTrailRequest
{
    public required string Name { get; init; }
    public bool? EnableLogFileValidation { get; init; }
}

public sealed record UpdateTrailResponse
{
    public string? TrailARN { get; init; }
    public bool? LogFileValidationEnabled { get; init; }
}
