using System.Globalization;
using Compliance.Rules.Inventory;

namespace Compliance.Rules.EC2;

/// <summary>The default security group of every VPC has no inbound and no outbound rules.</summary>
public sealed class SecurityGroupDefaultClosed : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.Ec2SecurityGroup1,
        Title = "Default security groups have no inbound or outbound rules",
        Rationale = "Anything launched without an explicit group lands in the VPC's default group; with no rules it can reach nothing and nothing can reach it, so a forgotten group choice fails closed.",
        Severity = Severity.High,
        ResourceTypes = [ResourceTypes.SecurityGroup],
        Modes = EvaluationModes.TemplatePresenceAndLive,
        Frameworks =
        [
            new(Frameworks.PciDss40, "1.3.1", MappingConfidence.Proposed),
            new(Frameworks.PciDss40, "1.3.2", MappingConfidence.Proposed),
            new(Frameworks.CisAws30, "5.4", MappingConfidence.Published),
            new(Frameworks.AwsFsbp, "EC2.2", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "VPC_DEFAULT_SECURITY_GROUP_CLOSED", MappingConfidence.Published),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        foreach (var group in context.Inventory.SecurityGroups.Where(g => g.IsDefault))
        {
            var evidence = new Dictionary<string, string> { ["groupName"] = group.GroupName };
            if (group.VpcId is not null)
            {
                evidence["vpcId"] = group.VpcId;
            }

            if (group.IngressRules is null || group.EgressRules is null)
            {
                var unknown = group.IngressRules is null && group.EgressRules is null ? "inbound and outbound"
                    : group.IngressRules is null ? "inbound" : "outbound";
                yield return Descriptor.Error(group.Ref, $"Default security group {group.DisplayName}: its {unknown} rules could not be read.", evidence);
                continue;
            }

            var ingress = group.IngressRules;
            var egress = group.EgressRules;
            evidence["ingressRuleCount"] = ingress.Count.ToString(CultureInfo.InvariantCulture);
            evidence["egressRuleCount"] = egress.Count.ToString(CultureInfo.InvariantCulture);
            if (ingress.Count == 0 && egress.Count == 0)
            {
                yield return Descriptor.Pass(group.Ref, $"Default security group {group.DisplayName} has no inbound or outbound rules.", evidence);
                continue;
            }

            if (ingress.Count > 0)
            {
                evidence["ingressRules"] = string.Join("; ", ingress.Select(r => r.Text(inbound: true)));
            }

            if (egress.Count > 0)
            {
                evidence["egressRules"] = string.Join("; ", egress.Select(r => r.Text(inbound: false)));
            }

            var parts = new List<string>();
            if (ingress.Count > 0)
            {
                parts.Add($"{ingress.Count} inbound rule{SecurityGroupChecks.Plural(ingress.Count)}");
            }

            if (egress.Count > 0)
            {
                parts.Add($"{egress.Count} outbound rule{SecurityGroupChecks.Plural(egress.Count)}");
            }

            yield return Descriptor.Fail(group.Ref,
                $"Default security group {group.DisplayName} has {Wording.Prose(parts)}, but a default group must have none.", evidence);
        }
    }
}
