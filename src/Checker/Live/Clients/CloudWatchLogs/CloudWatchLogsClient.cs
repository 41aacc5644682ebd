using System.Text.Json;
using System.Text.Json.Nodes;
using Compliance.Checker.Live.Http;

namespace Compliance.Checker.Live.Clients.CloudWatchLogs;

/// <summary>
/// The part of CloudWatch Logs we call, shaped like the SDK's IAmazonCloudWatchLogs (AWSSDK.CloudWatchLogs is not
/// served here), so the official package can replace this file. Protocol: awsJson1_1, target prefix Logs_20140328.
/// </summary>
public interface IAmazonCloudWatchLogs
{
    Task<DescribeLogGroupsResponse> DescribeLogGroupsAsync(DescribeLogGroupsRequest request, CancellationToken cancellationToken);

    /// <summary>Associates a KMS key (its ARN) with a log group; events ingested afterwards are encrypted with it. Empty response.</summary>
    Task<AssociateKmsKeyResponse> AssociateKmsKeyAsync(AssociateKmsKeyRequest request, CancellationToken cancellationToken);

    /// <summary>Metric filters, of one log group or (without LogGroupName) of the whole Region; at most 50 a page.</summary>
    Task<DescribeMetricFiltersResponse> DescribeMetricFiltersAsync(DescribeMetricFiltersRequest request, CancellationToken cancellationToken);
}

public sealed record DescribeMetricFiltersRequest
{
    public string? LogGroupName { get; init; }

    /// <summary>Honoured by CloudWatch Logs only together with LogGroupName.</summary>
    public string? FilterNamePrefix { get; init; }

    public string? NextToken { get; init; }

    /// <summary>1-50.</summary>
    public int? Limit { get; init; }
}

public sealed record DescribeMetricFiltersResponse(IReadOnlyList<MetricFilter> MetricFilters, string? NextToken);

/// <summary>A metric filter as DescribeMetricFilters returns it.</summary>
public sealed record MetricFilter
{
    public string? FilterName { get; init; }
    public string? FilterPattern { get; init; }
    public IReadOnlyList<MetricTransformation>? MetricTransformations { get; init; }
    public long? CreationTime { get; init; }
    public string? LogGroupName { get; init; }
}

/// <summary>The metric a filter publishes; Dimensions maps a dimension name to a field reference.</summary>
public sealed record MetricTransformation
{
    public string? MetricName { get; init; }
    public string? MetricNamespace { get; init; }
    public string? MetricValue { get; init; }
    public double? DefaultValue { get; init; }
    public IReadOnlyDictionary<string, string>? Dimensions { get; init; }
    public string? Unit { get; init; }
}

public sealed record DescribeLogGroupsRequest
{
    public string? LogGroupNamePrefix { get; init; }
    public string? NextToken { get; init; }
    public int? Limit { get; init; }
}

public sealed record DescribeLogGroupsResponse(IReadOnlyList<LogGroup> LogGroups, string? NextToken);

/// <param name="LogGroupName">The log group.</param>
/// <param name="KmsKeyId">The ARN of a symmetric KMS key whose policy lets logs.&lt;region&gt;.amazonaws.com use it.</param>
public sealed record AssociateKmsKeyRequest(string LogGroupName, string KmsKeyId);

public sealed record AssociateKmsKeyResponse;

/// <summary>A log group as DescribeLogGroups returns it.</summary>
public sealed record LogGroup
{
    public required string LogGroupName { get; init; }

    /// <summary>The ARN with the trailing ":*".</summary>
    public string? Arn { get; init; }

    /// <summary>The ARN without ":*" (newer responses).</summary>
    public string? LogGroupArn { get; init; }

    public string? KmsKeyId { get; init; }

    /// <summary>Absent when events never expire.</summary>
    public int? RetentionInDays { get; init; }

    public long? CreationTime { get; init; }
}

public sealed class CloudWatchLogsClient(JsonProtocol protocol) : IAmazonCloudWatchLogs
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static CloudWatchLogsClient For(AwsSession session, string region) =>
        new(session.Json("logs", "logs", "logs", "Logs_20140328", "1.1", region));

    public async Task<DescribeLogGroupsResponse> DescribeLogGroupsAsync(DescribeLogGroupsRequest request, CancellationToken cancellationToken)
    {
        var body = new JsonObject();
        if (request.LogGroupNamePrefix is { } prefix)
        {
            body["logGroupNamePrefix"] = prefix;
        }

        if (request.NextToken is { } token)
        {
            body["nextToken"] = token;
        }

        if (request.Limit is { } limit)
        {
            body["limit"] = limit;
        }

        var response = await protocol.InvokeAsync("DescribeLogGroups", body, cancellationToken);
        var groups = response.TryGetProperty("logGroups", out var list) ? list.Deserialize<List<LogGroup>>(Json) ?? [] : [];
        return new DescribeLogGroupsResponse(groups, response.TryGetProperty("nextToken", out var next) ? next.GetString() : null);
    }

    public async Task<DescribeMetricFiltersResponse> DescribeMetricFiltersAsync(DescribeMetricFiltersRequest request, CancellationToken cancellationToken)
    {
        var body = new JsonObject();
        foreach (var (name, value) in new[] { ("logGroupName", request.LogGroupName), ("filterNamePrefix", request.FilterNamePrefix), ("nextToken", request.NextToken) })
        {
            if (value is not null)
            {
                body[name] = value;
            }
        }

        if (request.Limit is { } limit)
        {
            body["limit"] = limit;
        }

        var response = await protocol.InvokeAsync("DescribeMetricFilters", body, cancellationToken);
        var filters = response.TryGetProperty("metricFilters", out var list) ? list.Deserialize<List<MetricFilter>>(Json) ?? [] : [];
        return new DescribeMetricFiltersResponse(filters, response.TryGetProperty("nextToken", out var next) ? next.GetString() : null);
    }

    public async Task<AssociateKmsKeyResponse> AssociateKmsKeyAsync(AssociateKmsKeyRequest request, CancellationToken cancellationToken)
    {
        await protocol.InvokeAsync("AssociateKmsKey", new JsonObject { ["logGroupName"] = request.LogGroupName, ["kmsKeyId"] = request.KmsKeyId }, cancellationToken);
        return new AssociateKmsKeyResponse();
    }
}
