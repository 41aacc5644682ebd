using Compliance.Rules.Inventory;

namespace Compliance.Rules.EC2;

/// <summary>Every VPC has an active flow log of all traffic, delivered to a KMS-encrypted log group or bucket.</summary>
public sealed class VpcFlowLogsEnabled : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.Ec2Vpc1,
        Title = "Every VPC logs all traffic to a KMS-encrypted flow log destination",
        Rationale = "Flow logs of accepted and rejected traffic are the only record of who talked to what inside a VPC; "
            + "encrypting them with a customer-controlled KMS key keeps that record under the same access control as the data it describes.",
        Severity = Severity.Medium,
        ResourceTypes = [ResourceTypes.Vpc, ResourceTypes.FlowLog],
        Frameworks =
        [
            new(Frameworks.PciDss40, "10.2.1", MappingConfidence.Proposed),
            new(Frameworks.CisAws30, "3.7", MappingConfidence.Published),
            new(Frameworks.AwsFsbp, "EC2.6", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "VPC_FLOW_LOGS_ENABLED", MappingConfidence.Published),
        ],
        Parameters =
        [
            new("requireEncryptedDestination", "true",
                "When true, the flow log's destination must be KMS-encrypted: a log group with a KMS key, or a bucket whose default encryption is SSE-KMS or DSSE-KMS."),
        ],
    };

    private enum Outcome { Qualifies, Unknown, Fails }

    private sealed record Assessment(FlowLog Log, Outcome Outcome, string Reason, string Destination, Dictionary<string, string> Evidence);

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var requireEncryption = bool.Parse(context.Parameter("requireEncryptedDestination"));
        var index = context.Index;
        var logsByResource = context.Inventory.FlowLogs.ToLookup(l => l.ResourceId, StringComparer.Ordinal);

        foreach (var vpc in context.Inventory.Vpcs)
        {
            var assessments = logsByResource[vpc.Id].Select(log => Assess(log, index, requireEncryption)).ToList();
            var allLogIds = NetworkRuleSupport.Join(assessments.Select(a => a.Log.Id));

            if (assessments.FirstOrDefault(a => a.Outcome == Outcome.Qualifies) is { } good)
            {
                var evidence = WithVpc(good.Evidence, vpc, allLogIds);
                yield return Descriptor.Pass(vpc.Ref, $"VPC {vpc.DisplayName} has active flow log {good.Log.Id} capturing ALL traffic to {good.Destination}.", evidence);
                continue;
            }

            if (assessments.FirstOrDefault(a => a.Outcome == Outcome.Unknown) is { } unknown)
            {
                var evidence = WithVpc(unknown.Evidence, vpc, allLogIds);
                yield return Descriptor.Error(vpc.Ref, $"VPC {vpc.DisplayName} has no verifiable flow log: {unknown.Log.Id} {unknown.Reason}.", evidence);
                continue;
            }

            if (NetworkRuleSupport.CollectionFailure(context.Inventory, ResourceTypes.FlowLog, vpc.Region) is { } failure)
            {
                yield return Descriptor.Error(vpc.Ref,
                    $"VPC {vpc.DisplayName}: flow logs in {vpc.Region} could not be collected ({failure.ErrorCode}), so no qualifying flow log can be confirmed.",
                    new Dictionary<string, string> { ["vpcId"] = vpc.Id, ["flowLogIds"] = allLogIds, ["collectionError"] = failure.ErrorCode });
                continue;
            }

            if (assessments.Count == 0)
            {
                yield return Descriptor.Fail(vpc.Ref, $"VPC {vpc.DisplayName} has no flow log.",
                    new Dictionary<string, string> { ["vpcId"] = vpc.Id, ["flowLogIds"] = allLogIds });
                continue;
            }

            var failEvidence = WithVpc(assessments[0].Evidence, vpc, allLogIds);
            failEvidence["problems"] = string.Join("; ", assessments.Select(a => $"{a.Log.Id} {a.Reason}"));
            yield return Descriptor.Fail(vpc.Ref,
                $"VPC {vpc.DisplayName} has no qualifying flow log: {string.Join("; ", assessments.Select(a => $"{a.Log.Id} {a.Reason}"))}.",
                failEvidence);
        }
    }

    private static Dictionary<string, string> WithVpc(Dictionary<string, string> evidence, Vpc vpc, string allLogIds)
    {
        var result = new Dictionary<string, string>(evidence) { ["vpcId"] = vpc.Id, ["flowLogIds"] = allLogIds };
        return result;
    }

    private static Assessment Assess(FlowLog log, InventoryIndex index, bool requireEncryption)
    {
        var evidence = new Dictionary<string, string>
        {
            ["flowLogId"] = log.Id,
            ["trafficType"] = log.TrafficType,
            ["flowLogStatus"] = log.FlowLogStatus ?? "unknown",
            ["logDestinationType"] = log.LogDestinationType,
            ["logDestination"] = log.LogDestination ?? log.LogGroupName ?? "unknown",
        };
        if (log.DeliverLogsStatus is not null)
        {
            evidence["deliverLogsStatus"] = log.DeliverLogsStatus;
        }

        var problems = new List<string>();
        var unknowns = new List<string>();

        if (!string.Equals(log.TrafficType, "ALL", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"captures {log.TrafficType} traffic only, not ALL");
        }

        if (log.FlowLogStatus is null)
        {
            unknowns.Add("has an unknown status");
        }
        else if (!string.Equals(log.FlowLogStatus, "ACTIVE", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"is {log.FlowLogStatus}, not ACTIVE");
        }

        var destination = DescribeDestination(log);
        if (requireEncryption)
        {
            var (encrypted, reason, protection) = FlowLogDestinationEncryption.Of(log, index);
            if (protection is not null)
            {
                evidence["destinationEncryption"] = protection;
                destination = $"{destination} encrypted with {protection}";
            }

            if (encrypted == false)
            {
                problems.Add(reason);
            }
            else if (encrypted is null)
            {
                unknowns.Add(reason);
            }
        }

        var outcome = problems.Count > 0 ? Outcome.Fails : unknowns.Count > 0 ? Outcome.Unknown : Outcome.Qualifies;
        var text = outcome == Outcome.Fails ? Wording.Prose(problems) : Wording.Prose(unknowns);
        return new Assessment(log, outcome, text, destination, evidence);
    }

    private static string DescribeDestination(FlowLog log) => log.LogDestinationType switch
    {
        "cloud-watch-logs" => $"log group {log.LogGroupName ?? log.LogDestination ?? "(unknown)"}",
        "s3" => $"bucket {log.DestinationBucket ?? log.LogDestination ?? "(unknown)"}",
        _ => $"{log.LogDestinationType} destination {log.LogDestination ?? "(unknown)"}",
    };
}
