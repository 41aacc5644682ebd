using Amazon.EC2;
using Compliance.Checker.Live.Collection;
using Compliance.Rules.Inventory;
using Ec2 = Amazon.EC2.Model;

namespace Compliance.Checker.Live.Collectors;

/// <summary>
/// VPC Block Public Access of the region: DescribeVpcBlockPublicAccessOptions (one call) and
/// DescribeVpcBlockPublicAccessExclusions (paginated). One record per account and region, whatever either call answers.
/// </summary>
public sealed partial class Ec2Collector
{
    private static async Task ReadBlockPublicAccessAsync(IAmazonEC2 client, CollectorContext context, CancellationToken cancellationToken)
    {
        const string Type = ResourceTypes.VpcBlockPublicAccessOptions;
        var optionsTask = context.CallAsync(Ec2Service, "DescribeVpcBlockPublicAccessOptions", Type,
            ct => client.DescribeVpcBlockPublicAccessOptionsAsync(new Ec2.DescribeVpcBlockPublicAccessOptionsRequest(), ct), cancellationToken, context.AccountId);
        var (exclusions, complete) = await ListAsync(context, "DescribeVpcBlockPublicAccessExclusions", Type,
            (token, ct) => client.DescribeVpcBlockPublicAccessExclusionsAsync(new Ec2.DescribeVpcBlockPublicAccessExclusionsRequest { MaxResults = 1000, NextToken = token }, ct),
            page => page.VpcBlockPublicAccessExclusions, page => page.NextToken, cancellationToken);
        var options = (await optionsTask)?.VpcBlockPublicAccessOptions;

        context.Builder.Add(new VpcBlockPublicAccessOptions
        {
            Id = context.AccountId,
            Region = context.Region,
            AccountId = context.AccountId,
            InternetGatewayBlockMode = options?.InternetGatewayBlockMode?.Value,
            State = options?.State?.Value,
            ExclusionsAllowed = options?.ExclusionsAllowed?.Value,
            ManagedBy = options?.ManagedBy?.Value,
            Exclusions = complete
                ? [.. exclusions.Where(e => e.ExclusionId is not null).Select(e => new VpcBlockPublicAccessExclusion
                {
                    ExclusionId = e.ExclusionId,
                    InternetGatewayExclusionMode = e.InternetGatewayExclusionMode?.Value,
                    ResourceArn = e.ResourceArn,
                    State = e.State?.Value,
                })]
                : null, // a failed page leaves the exclusions unknown, never "none"
        });
    }
}
