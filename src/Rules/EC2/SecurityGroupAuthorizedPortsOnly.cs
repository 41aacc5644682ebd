using Compliance.Rules.Inventory;
using Compliance.Rules.Network;

namespace Compliance.Rules.EC2;

/// <summary>Internet ingress only to authorized TCP ports, and none at all on private tiers.</summary>
public sealed class SecurityGroupAuthorizedPortsOnly : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.Ec2SecurityGroup4,
        Title = "Security groups open only authorized TCP ports to the internet",
        Rationale = "Every port open to the internet is attack surface; the baseline admits HTTPS to the web tier and keeps application, data and management tiers unreachable from outside.",
        Severity = Severity.High,
        ResourceTypes = [ResourceTypes.SecurityGroup],
        Frameworks =
        [
            new(Frameworks.PciDss40, "1.2.5", MappingConfidence.Proposed),
            new(Frameworks.PciDss40, "1.3.1", MappingConfidence.Proposed),
            new(Frameworks.AwsFsbp, "EC2.18", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "VPC_SG_OPEN_ONLY_TO_AUTHORIZED_PORTS", MappingConfidence.Published),
        ],
        Parameters =
        [
            new("authorizedTcpPorts", "443", "TCP ports and port ranges (\"8000-8010\") that may be open to 0.0.0.0/0 or ::/0 on groups outside the private tiers."),
            new("tierTagKey", "Tier", "The tag key that names a security group's tier."),
            new("privateTiers", "app,data,database,management", "Tier tag values (case-insensitive) whose groups may have no internet ingress at all."),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var authorizedText = context.ListParameter("authorizedTcpPorts");
        var authorized = SecurityGroupChecks.ParsePortRanges(authorizedText);
        var tierTagKey = context.Parameter("tierTagKey");
        var privateTiers = context.ListParameter("privateTiers");
        var authorizedList = string.Join(",", authorizedText);

        foreach (var group in context.Inventory.SecurityGroups)
        {
            if (group.IngressRules is null)
            {
                yield return Descriptor.Error(group.Ref, $"Security group {group.DisplayName}: its ingress rules could not be read.");
                continue;
            }

            var evidence = new Dictionary<string, string> { ["authorizedTcpPorts"] = authorizedList };
            if (group.Tag(tierTagKey) is { } tier)
            {
                evidence["tier"] = tier;
            }

            var internetRules = group.IngressRules.Where(rule => rule.InternetSource() is not null).ToList();
            if (internetRules.Count == 0)
            {
                yield return Descriptor.Pass(group.Ref, $"Security group {group.DisplayName} allows no ingress from the internet.", evidence);
                continue;
            }

            var privateTier = SecurityGroupChecks.PrivateTier(group, tierTagKey, privateTiers);
            if (privateTier is not null)
            {
                evidence["offendingRules"] = string.Join("; ", internetRules.Select(r => r.Text(inbound: true)));
                var clauses = internetRules.Select(r => r.InternetText()).Distinct().ToList();
                yield return Descriptor.Fail(group.Ref,
                    $"Security group {group.DisplayName} is in the private tier {tierTagKey}={privateTier} yet allows {Wording.Prose(clauses)}, and private tiers may have no internet ingress.",
                    evidence);
                continue;
            }

            var unauthorized = internetRules.Where(rule => !IsAuthorized(rule, authorized)).ToList();
            if (unauthorized.Count == 0)
            {
                evidence["internetRules"] = string.Join("; ", internetRules.Select(r => r.Text(inbound: true)));
                yield return Descriptor.Pass(group.Ref,
                    $"Security group {group.DisplayName} allows internet ingress only to authorized TCP ports ({authorizedList}).", evidence);
                continue;
            }

            evidence["offendingRules"] = string.Join("; ", unauthorized.Select(r => r.Text(inbound: true)));
            var offending = unauthorized.Select(r => r.InternetText()).Distinct().ToList();
            yield return Descriptor.Fail(group.Ref,
                $"Security group {group.DisplayName} allows {Wording.Prose(offending)}, but only TCP ports {authorizedList} may be open to the internet.",
                evidence);
        }
    }

    private static bool IsAuthorized(SecurityGroupRule rule, IReadOnlyList<(int From, int To)> authorized)
    {
        if (!rule.IsTcp())
        {
            return false;
        }

        var (from, to) = rule.Range();
        return SecurityGroupChecks.RangeCovered(from, to, authorized);
    }
}
