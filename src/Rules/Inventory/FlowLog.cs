using System.Text.Json.Serialization;

namespace Compliance.Rules.Inventory;

/// <summary>A VPC, subnet or interface flow log (DescribeFlowLogs).</summary>
public sealed record FlowLog : AwsResource
{
    public override string ResourceType => ResourceTypes.FlowLog;

    /// <summary>The VPC, subnet or network interface logged.</summary>
    public required string ResourceId { get; init; }

    /// <summary>ACCEPT, REJECT or ALL.</summary>
    public required string TrafficType { get; init; }

    /// <summary>cloud-watch-logs, s3 or kinesis-data-firehose.</summary>
    public required string LogDestinationType { get; init; }

    /// <summary>The destination ARN (bucket ARN, optionally with a prefix, or log group ARN).</summary>
    public string? LogDestination { get; init; }

    /// <summary>The log group name for cloud-watch-logs destinations.</summary>
    public string? LogGroupName { get; init; }

    /// <summary>FlowLogStatus: ACTIVE when logging.</summary>
    public string? FlowLogStatus { get; init; }

    /// <summary>DeliverLogsStatus: SUCCESS or FAILED.</summary>
    public string? DeliverLogsStatus { get; init; }

    /// <summary>The destination bucket of an s3 flow log: "arn:aws:s3:::name/optional/prefix/" → "name"; null otherwise.</summary>
    [JsonIgnore]
    public string? DestinationBucket
    {
        get
        {
            if (!string.Equals(LogDestinationType, "s3", StringComparison.OrdinalIgnoreCase) || string.IsNullOrEmpty(LogDestination))
            {
                return null;
            }

            if (AwsArn.Parse(LogDestination) is not { Service: "s3", Region: "", Account: "" } arn)
            {
                return null;
            }

            var name = arn.Resource.Split('/', 2)[0];
            return name.Length > 0 ? name : null;
        }
    }
}
