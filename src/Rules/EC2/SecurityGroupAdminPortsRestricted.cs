using Compliance.Rules.Inventory;
using Compliance.Rules.Network;

namespace Compliance.Rules.EC2;

/// <summary>No ingress from 0.0.0.0/0 or ::/0 to the remote-administration ports.</summary>
public sealed class SecurityGroupAdminPortsRestricted : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.Ec2SecurityGroup2,
        Title = "Security groups allow no internet ingress to SSH or RDP",
        Rationale = "SSH and RDP open to the internet are brute-forced within minutes of exposure; administration belongs behind a bastion, Session Manager or a VPN.",
        Severity = Severity.High,
        ResourceTypes = [ResourceTypes.SecurityGroup],
        Frameworks =
        [
            new(Frameworks.PciDss40, "1.3.1", MappingConfidence.Published),
            new(Frameworks.CisAws30, "5.2", MappingConfidence.Published),
            new(Frameworks.CisAws30, "5.3", MappingConfidence.Published),
            new(Frameworks.AwsSecurityHub, "EC2.53", MappingConfidence.Published),
            new(Frameworks.AwsSecurityHub, "EC2.54", MappingConfidence.Published),
            new(Frameworks.AwsSecurityHub, "EC2.13", MappingConfidence.Published),
            new(Frameworks.AwsSecurityHub, "EC2.14", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "VPC_SG_PORT_RESTRICTION_CHECK", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "INCOMING_SSH_DISABLED", MappingConfidence.Published),
        ],
        Parameters = [new("adminPorts", "22,3389", "TCP ports that must never be reachable from 0.0.0.0/0 or ::/0.")],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var adminPorts = context.ListParameter("adminPorts").Select(int.Parse).ToList();
        foreach (var group in context.Inventory.SecurityGroups)
        {
            if (group.IngressRules is null)
            {
                yield return Descriptor.Error(group.Ref, $"Security group {group.DisplayName}: its ingress rules could not be read.");
                continue;
            }

            var offending = group.IngressRules
                .Where(rule => rule.InternetSource() is not null)
                .SelectMany(rule => adminPorts.Where(rule.OpensPort).Select(port => (rule, port)))
                .ToList();

            if (offending.Count == 0)
            {
                yield return Descriptor.Pass(group.Ref, $"Security group {group.DisplayName} allows no internet ingress to ports {string.Join(", ", adminPorts)}.");
                continue;
            }

            var (first, port) = offending[0];
            var evidence = first.Evidence();
            evidence["adminPorts"] = string.Join(",", offending.Select(o => o.port).Distinct());
            evidence["offendingRules"] = string.Join(",", offending.Select(o => o.rule.RuleId ?? o.rule.Describe()).Distinct());
            yield return Descriptor.Fail(group.Ref, $"Security group {group.DisplayName} allows {first.Describe()} from {first.InternetSource()}, which opens admin port {port}.", evidence);
        }
    }
}
