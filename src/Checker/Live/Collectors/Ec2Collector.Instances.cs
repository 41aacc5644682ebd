using Amazon.EC2;
using Compliance.Checker.Live.Collection;
using Compliance.Rules.Inventory;
using Ec2 = Amazon.EC2.Model;

namespace Compliance.Checker.Live.Collectors;

/// <summary>Instances (DescribeInstances, reservations flattened); terminated instances are gone and are skipped.</summary>
public sealed partial class Ec2Collector
{
    private static async Task ReadInstancesAsync(IAmazonEC2 client, CollectorContext context, CancellationToken cancellationToken)
    {
        if (NothingWanted(context, ResourceTypes.Instance))
        {
            return;
        }

        var filters = IdFilter("instance-id", context.Scope.IdsFor(ResourceTypes.Instance));
        var (reservations, _) = await ListAsync(context, "DescribeInstances", ResourceTypes.Instance,
            (token, ct) => client.DescribeInstancesAsync(new Ec2.DescribeInstancesRequest { Filters = filters, MaxResults = 1000, NextToken = token }, ct),
            page => page.Reservations, page => page.NextToken, cancellationToken);
        var instances = reservations.SelectMany(r => r.Instances ?? [])
            .Where(i => i.State?.Name?.Value != "terminated")
            .DistinctBy(i => i.InstanceId, StringComparer.Ordinal);
        foreach (var instance in instances)
        {
            context.Builder.Add(new Instance
            {
                Id = instance.InstanceId,
                Region = context.Region,
                AccountId = context.AccountId,
                Arn = Arn(context, $"instance/{instance.InstanceId}"),
                Tags = Tags(instance.Tags),
                State = instance.State?.Name?.Value ?? "",
                VpcId = instance.VpcId,
                SubnetId = instance.SubnetId,
                PublicIpAddress = instance.PublicIpAddress ?? "",
                MetadataOptions = MetadataOptions(instance.MetadataOptions),
            });
        }
    }

    /// <summary>IMDS settings; null (unknown) when the response leaves them out.</summary>
    private static InstanceMetadataOptions? MetadataOptions(Ec2.InstanceMetadataOptionsResponse? options) =>
        options is { HttpTokens.Value: { Length: > 0 } tokens, HttpEndpoint.Value: { Length: > 0 } endpoint }
            ? new InstanceMetadataOptions(tokens, endpoint)
            : null;
}
