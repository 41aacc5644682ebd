namespace Compliance.Rules.Inventory;

/// <summary>An AWS Config recorder (DescribeConfigurationRecorders, DescribeConfigurationRecorderStatus). Id is the recorder name.</summary>
public sealed record ConfigurationRecorder : AwsResource
{
    public override string ResourceType => ResourceTypes.ConfigurationRecorder;

    public string? RoleArn { get; init; }

    /// <summary>recordingGroup.allSupported.</summary>
    public bool AllSupported { get; init; }

    /// <summary>recordingGroup.includeGlobalResourceTypes.</summary>
    public bool IncludeGlobalResourceTypes { get; init; }

    /// <summary>recordingGroup.recordingStrategy.useOnly: ALL_SUPPORTED_RESOURCE_TYPES, INCLUSION_BY_RESOURCE_TYPES, EXCLUSION_BY_RESOURCE_TYPES.</summary>
    public string? RecordingStrategy { get; init; }

    /// <summary>Resource types excluded by an exclusion strategy.</summary>
    public IReadOnlyList<string> ExcludedResourceTypes { get; init; } = [];

    /// <summary>Status recording; null when unknown.</summary>
    public bool? Recording { get; init; }

    /// <summary>Status lastStatus: SUCCESS, PENDING or FAILURE.</summary>
    public string? LastStatus { get; init; }
}
