using System.Net;
using Amazon.EC2;
using Compliance.Checker.Live;
using Compliance.Checker.Live.Http;
using Compliance.Rules;
using Ec2 = Amazon.EC2.Model;
using static Compliance.Checker.Remediation.Actions.ActionArguments;

namespace Compliance.Checker.Remediation.Actions;

/// <summary>
/// Region-wide EC2 settings and VPC flow logs through the region's EC2 client (the security-group actions have their own
/// handler). Flow logs are only ever created here, never modified or deleted.
/// </summary>
public sealed class Ec2AccountActionHandler : IAwsActionHandler
{
    private static readonly IReadOnlyDictionary<string, string> NoContent = new Dictionary<string, string>();

    public IReadOnlyList<string> Actions { get; } =
        ["ec2:EnableEbsEncryptionByDefault", "ec2:GetEbsEncryptionByDefault", "ec2:CreateFlowLogs", "ec2:DescribeFlowLogs"];

    public async Task<IReadOnlyDictionary<string, string>> InvokeAsync(AwsSession session, RemediationAction action, CancellationToken cancellationToken)
    {
        var ec2 = session.Ec2(Region(action));
        switch (action.Action)
        {
            case "ec2:EnableEbsEncryptionByDefault":
                var enabled = await ec2.EnableEbsEncryptionByDefaultAsync(new Ec2.EnableEbsEncryptionByDefaultRequest(), cancellationToken);
                return new Dictionary<string, string> { ["EbsEncryptionByDefault"] = Text(enabled.EbsEncryptionByDefault) };

            case "ec2:GetEbsEncryptionByDefault":
                var current = await ec2.GetEbsEncryptionByDefaultAsync(new Ec2.GetEbsEncryptionByDefaultRequest(), cancellationToken);
                return new Dictionary<string, string> { ["EbsEncryptionByDefault"] = Text(current.EbsEncryptionByDefault), ["SseType"] = current.SseType?.Value ?? "" };

            case "ec2:CreateFlowLogs":
                return await CreateFlowLogsAsync(ec2, action, cancellationToken);

            case "ec2:DescribeFlowLogs":
                return await DescribeFlowLogsAsync(ec2, Required(action, "ResourceIds"), cancellationToken);

            default:
                throw new InvalidOperationException($"{nameof(Ec2AccountActionHandler)} does not perform {action.Action}.");
        }
    }

    /// <summary>
    /// Creates an S3-delivered flow log (no delivery role is needed for S3). EC2 answers 200 and lists per-resource failures
    /// in Unsuccessful; the first of them becomes the error, with EC2's code.
    /// </summary>
    private static async Task<IReadOnlyDictionary<string, string>> CreateFlowLogsAsync(IAmazonEC2 ec2, RemediationAction action, CancellationToken cancellationToken)
    {
        var destinationType = Required(action, "LogDestinationType");
        if (destinationType != "s3")
        {
            throw new ArgumentException($"ec2:CreateFlowLogs here delivers to s3 only, not {destinationType}.", nameof(action));
        }

        var response = await ec2.CreateFlowLogsAsync(new Ec2.CreateFlowLogsRequest
        {
            ResourceIds = [.. Required(action, "ResourceIds").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            ResourceType = new FlowLogsResourceType(Required(action, "ResourceType")),
            TrafficType = new TrafficType(Required(action, "TrafficType")),
            LogDestinationType = LogDestinationType.S3,
            LogDestination = Required(action, "LogDestination"),
        }, cancellationToken);

        if (response.Unsuccessful?.FirstOrDefault() is { } failed)
        {
            throw new AwsServiceError("ec2", "CreateFlowLogs", failed.Error?.Code ?? "Unsuccessful",
                $"Flow log for {failed.ResourceId} was not created: {failed.Error?.Message}", HttpStatusCode.OK, null);
        }

        return new Dictionary<string, string> { ["FlowLogIds"] = string.Join(",", response.FlowLogIds ?? []) };
    }

    /// <summary>Every flow log of the resources (filter resource-id), all pages, flattened as FlowLogs.n.Member.</summary>
    private static async Task<IReadOnlyDictionary<string, string>> DescribeFlowLogsAsync(IAmazonEC2 ec2, string resourceIds, CancellationToken cancellationToken)
    {
        var logs = new List<Ec2.FlowLog>();
        string? token = null;
        do
        {
            var page = await ec2.DescribeFlowLogsAsync(new Ec2.DescribeFlowLogsRequest
            {
                Filter = [new Ec2.Filter("resource-id", [.. resourceIds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)])],
                NextToken = token,
            }, cancellationToken);
            logs.AddRange(page.FlowLogs ?? []);
            token = page.NextToken;
        }
        while (!string.IsNullOrEmpty(token));

        var response = new Dictionary<string, string>();
        AddItems(response, "FlowLogs", logs.Select(l => (IReadOnlyDictionary<string, string?>)new Dictionary<string, string?>
        {
            ["FlowLogId"] = l.FlowLogId,
            ["ResourceId"] = l.ResourceId,
            ["TrafficType"] = l.TrafficType?.Value,
            ["LogDestinationType"] = l.LogDestinationType?.Value,
            ["LogDestination"] = l.LogDestination,
            ["FlowLogStatus"] = l.FlowLogStatus,
            ["DeliverLogsStatus"] = l.DeliverLogsStatus,
        }));
        return response;
    }
}
