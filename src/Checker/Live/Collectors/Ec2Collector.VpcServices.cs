using System.Text.Json;
using Amazon.EC2;
using Compliance.Checker.Live.Collection;
using Compliance.Rules.Inventory;
using Ec2 = Amazon.EC2.Model;

namespace Compliance.Checker.Live.Collectors;

/// <summary>Flow logs and VPC endpoints: one paginated list call each.</summary>
public sealed partial class Ec2Collector
{
    /// <summary>
    /// The policy AWS documents for a Gateway or Interface endpoint without one of its own ("If you don't attach a policy
    /// when you create an endpoint, we attach a default policy that allows full access"; a service that takes no
    /// endpoint policy also allows full access).
    /// </summary>
    private static readonly PolicyDocument FullAccessEndpointPolicy = PolicyDocumentJsonConverter.Parse(
        """{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}""");

    private static async Task ReadFlowLogsAsync(IAmazonEC2 client, CollectorContext context, CancellationToken cancellationToken)
    {
        if (NothingWanted(context, ResourceTypes.FlowLog))
        {
            return;
        }

        var filters = IdFilter("flow-log-id", context.Scope.IdsFor(ResourceTypes.FlowLog));
        var (flowLogs, _) = await ListAsync(context, "DescribeFlowLogs", ResourceTypes.FlowLog,
            (token, ct) => client.DescribeFlowLogsAsync(new Ec2.DescribeFlowLogsRequest { Filter = filters, MaxResults = 1000, NextToken = token }, ct),
            page => page.FlowLogs, page => page.NextToken, cancellationToken);
        foreach (var log in flowLogs)
        {
            context.Builder.Add(new FlowLog
            {
                Id = log.FlowLogId,
                Region = context.Region,
                AccountId = context.AccountId,
                Arn = Arn(context, $"vpc-flow-log/{log.FlowLogId}"),
                Tags = Tags(log.Tags),
                ResourceId = log.ResourceId ?? "",
                TrafficType = log.TrafficType?.Value ?? "",
                // Flow logs from before other destinations existed may omit the type; they deliver to CloudWatch Logs.
                LogDestinationType = log.LogDestinationType?.Value ?? (log.LogGroupName is not null ? "cloud-watch-logs" : ""),
                LogDestination = log.LogDestination,
                LogGroupName = log.LogGroupName,
                FlowLogStatus = log.FlowLogStatus,
                DeliverLogsStatus = log.DeliverLogsStatus,
            });
        }
    }

    private static async Task ReadVpcEndpointsAsync(IAmazonEC2 client, CollectorContext context, CancellationToken cancellationToken)
    {
        if (NothingWanted(context, ResourceTypes.VpcEndpoint))
        {
            return;
        }

        var filters = IdFilter("vpc-endpoint-id", context.Scope.IdsFor(ResourceTypes.VpcEndpoint));
        var (endpoints, _) = await ListAsync(context, "DescribeVpcEndpoints", ResourceTypes.VpcEndpoint,
            (token, ct) => client.DescribeVpcEndpointsAsync(new Ec2.DescribeVpcEndpointsRequest { Filters = filters, MaxResults = 1000, NextToken = token }, ct),
            page => page.VpcEndpoints, page => page.NextToken, cancellationToken);
        foreach (var endpoint in endpoints)
        {
            var type = endpoint.VpcEndpointType?.Value ?? "";
            context.Builder.Add(new VpcEndpoint
            {
                Id = endpoint.VpcEndpointId,
                Region = context.Region,
                AccountId = context.AccountId,
                Arn = Arn(context, $"vpc-endpoint/{endpoint.VpcEndpointId}"),
                Tags = Tags(endpoint.Tags),
                VpcId = endpoint.VpcId ?? "",
                ServiceName = endpoint.ServiceName ?? "",
                VpcEndpointType = type,
                State = ApiSpelling(endpoint.State?.Value),
                PrivateDnsEnabled = endpoint.PrivateDnsEnabled ?? false,
                PolicyDocument = EndpointPolicy(context, endpoint.VpcEndpointId, type, endpoint.PolicyDocument),
            });
        }
    }

    /// <summary>
    /// The state as the API sends it ("available", "pendingAcceptance"): the SDK hands back its own enum constant, matched
    /// case-insensitively, which capitalises the first letter ("Available").
    /// </summary>
    private static string? ApiSpelling(string? state) =>
        state is { Length: > 0 } ? char.ToLowerInvariant(state[0]) + state[1..] : state;

    /// <summary>
    /// The endpoint's policy. Absent: the documented full-access default for Gateway and Interface endpoints, and no
    /// policy for the types that take none. Unparseable: null (unknown) and a collection error for the endpoint.
    /// </summary>
    private static PolicyDocument? EndpointPolicy(CollectorContext context, string endpointId, string type, string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return type is "Gateway" or "Interface" ? FullAccessEndpointPolicy : PolicyDocument.Empty;
        }

        try
        {
            return PolicyDocumentJsonConverter.Parse(json);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            context.Missing(Ec2Service, "DescribeVpcEndpoints", ResourceTypes.VpcEndpoint, "InvalidPolicy",
                $"The endpoint policy is not a readable policy document: {ex.Message}", endpointId);
            return null;
        }
    }
}
