using Compliance.Rules.Inventory;
using Compliance.Rules.Remediation;
using static Compliance.Rules.Remediation.RemediationSupport;

namespace Compliance.Rules.EC2;

/// <summary>
/// Creates a flow log of ALL traffic for the VPC (CreateFlowLogs, ResourceType VPC) delivered to the configured S3
/// destination (<see cref="RemediationSettings.FlowLogDestinationArn"/>). Existing flow logs are never changed or deleted.
/// No plan without a configured destination, when the VPC already has an ALL-traffic flow log to that destination (what
/// fails is then not the lack of one), or when the inventory shows the destination bucket is not KMS-encrypted (the new
/// flow log would fail the rule as well).
/// </summary>
public sealed class VpcFlowLogsEnabledRemediation(RemediationSettings settings) : IRemediation
{
    internal const string Create = "ec2:CreateFlowLogs";
    internal const string Describe = "ec2:DescribeFlowLogs";
    private const string All = "ALL";
    private const string S3 = "s3";

    /// <summary>Nothing configured: plans nothing.</summary>
    public VpcFlowLogsEnabledRemediation() : this(RemediationSettings.None)
    {
    }

    public string RuleId => RuleIds.Ec2Vpc1;

    /// <summary>
    /// The EC2 calls, and logs:CreateLogDelivery / logs:DeleteLogDelivery, which the VPC user guide requires of the principal
    /// that creates a flow log publishing to S3.
    /// </summary>
    public IReadOnlyList<string> RequiredActions { get; } = [Create, Describe, "logs:CreateLogDelivery", "logs:DeleteLogDelivery"];

    public RemediationPlan? Plan(Finding finding, AwsInventory inventory)
    {
        if (!IsFailOf(finding, RuleId)
            || inventory.Vpcs.FirstOrDefault(v => v.Id == finding.Resource.Id && v.AccountId == finding.Resource.AccountId) is not { } vpc
            || settings.FlowLogDestinationArn is not { Length: > 0 } destination)
        {
            return null;
        }

        var planned = new FlowLog
        {
            Id = "planned",
            Region = vpc.Region,
            AccountId = vpc.AccountId,
            ResourceId = vpc.Id,
            TrafficType = All,
            LogDestinationType = S3,
            LogDestination = destination,
        };
        if (planned.DestinationBucket is null
            || inventory.FlowLogs.Any(l => l.ResourceId == vpc.Id && l.AccountId == vpc.AccountId && IsAllTrafficTo(l.TrafficType, l.LogDestinationType, l.LogDestination, destination))
            || FlowLogDestinationEncryption.Of(planned, new InventoryIndex(inventory)).Encrypted == false)
        {
            return null;
        }

        return new RemediationPlan(RuleId, vpc.Ref,
            $"Create a flow log of ALL traffic for VPC {vpc.DisplayName} delivered to {destination}; existing flow logs stay as they are.",
            [new RemediationAction(Create, Parameters(vpc.Region,
                ("ResourceIds", vpc.Id), ("ResourceType", "VPC"), ("TrafficType", All), ("LogDestinationType", S3), ("LogDestination", destination)))]);
    }

    public Task<RemediationOutcome> ApplyAsync(RemediationPlan plan, IRemediationGateway gateway, CancellationToken cancellationToken)
    {
        var wanted = plan.Actions[0].Parameters;
        return VerifiedChange.ApplyAsync(plan, gateway,
            VerifiedChange.Read(new RemediationAction(Describe, Only(wanted, "Region", "ResourceIds"))),
            state => Items(state, "FlowLogs").Any(log =>
                IsAllTrafficTo(Value(log, "TrafficType"), Value(log, "LogDestinationType"), Value(log, "LogDestination"), wanted["LogDestination"])
                && Value(log, "FlowLogStatus") == "ACTIVE"),
            $"an ACTIVE flow log of ALL traffic to {wanted["LogDestination"]}",
            cancellationToken);
    }

    /// <summary>An ALL-traffic S3 flow log to the destination; "arn:aws:s3:::b/p/" and "arn:aws:s3:::b/p" are the same place.</summary>
    private static bool IsAllTrafficTo(string trafficType, string destinationType, string? logDestination, string destination) =>
        trafficType == All
        && destinationType == S3
        && string.Equals(logDestination?.TrimEnd('/'), destination.TrimEnd('/'), StringComparison.Ordinal);
}
