using Compliance.Rules.Inventory;
using Compliance.Rules.Network;

namespace Compliance.Rules.EC2;

/// <summary>
/// Zero-trust security-group hygiene: private tiers take ingress only from groups or prefix lists, no group sends
/// all traffic to the internet, and the group and every rule carry a description.
/// </summary>
public sealed class SecurityGroupZeroTrustHygiene : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.Ec2SecurityGroup5,
        Title = "Security groups use named peers, scoped egress and descriptions",
        Rationale = "Address ranges trust whatever sits inside them and all-port egress lets a compromised host talk to anyone; peers named by group or prefix list, scoped egress and described rules keep every path deliberate and reviewable.",
        Severity = Severity.High,
        ResourceTypes = [ResourceTypes.SecurityGroup],
        Frameworks =
        [
            new(Frameworks.PciDss40, "1.2.5", MappingConfidence.Proposed),
            new(Frameworks.PciDss40, "1.3.1", MappingConfidence.Proposed),
            new(Frameworks.PciDss40, "1.3.2", MappingConfidence.Proposed),
        ],
        Parameters =
        [
            new("tierTagKey", "Tier", "The tag key that names a security group's tier."),
            new("privateTiers", "app,data,database", "Tier tag values (case-insensitive) whose groups may take ingress only from security groups or prefix lists."),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var tierTagKey = context.Parameter("tierTagKey");
        var privateTiers = context.ListParameter("privateTiers");

        foreach (var group in context.Inventory.SecurityGroups)
        {
            if (group.IsDefault)
            {
                yield return Descriptor.NotApplicable(group.Ref, $"Security group {group.DisplayName} is a VPC default group, which EC2.SecurityGroup.1 requires to have no rules at all.");
                continue;
            }

            if (group.IngressRules is null || group.EgressRules is null)
            {
                var unknown = group.IngressRules is null && group.EgressRules is null ? "inbound and outbound"
                    : group.IngressRules is null ? "inbound" : "outbound";
                yield return Descriptor.Error(group.Ref, $"Security group {group.DisplayName}: its {unknown} rules could not be read.");
                continue;
            }

            var evidence = new Dictionary<string, string>();
            var reasons = new List<string>();
            var unknowns = new List<string>();
            var failedChecks = new List<string>();

            // (a) Private tiers: ingress only from referenced groups or prefix lists.
            var privateTier = SecurityGroupChecks.PrivateTier(group, tierTagKey, privateTiers);
            if (privateTier is not null)
            {
                evidence["tier"] = privateTier;
                var cidrIngress = group.IngressRules.Where(r => r.CidrIpv4 is not null || r.CidrIpv6 is not null).ToList();
                var noPeer = group.IngressRules.Where(r => r.CidrIpv4 is null && r.CidrIpv6 is null && r.PrefixListId is null && r.ReferencedGroupId is null).ToList();
                if (cidrIngress.Count > 0)
                {
                    failedChecks.Add("privateTierIngress");
                    evidence["cidrIngressRules"] = string.Join("; ", cidrIngress.Select(r => r.Text(inbound: true)));
                    var cidrs = cidrIngress.Select(r => r.Peer()).Distinct().ToList();
                    reasons.Add($"as private tier {privateTier} it accepts ingress from CIDR{SecurityGroupChecks.Plural(cidrs.Count)} {string.Join(", ", cidrs)} instead of a security group or prefix list");
                }

                if (noPeer.Count > 0)
                {
                    unknowns.Add($"the source of {noPeer.Count} ingress rule{SecurityGroupChecks.Plural(noPeer.Count)} is unknown");
                }
            }

            // (b) No all-traffic or all-port egress to the internet.
            var openEgress = group.EgressRules
                .Where(r => r.InternetSource() is not null && (r.IsAllTraffic() || (r.IsTcpOrUdp() && r.Range() == (0, 65535))))
                .ToList();
            if (openEgress.Count > 0)
            {
                failedChecks.Add("openEgress");
                evidence["openEgressRules"] = string.Join("; ", openEgress.Select(r => r.Text(inbound: false)));
                var clauses = openEgress.Select(r => $"{r.Describe()} to {r.InternetSource()}").Distinct().ToList();
                reasons.Add($"it allows egress of {Wording.Prose(clauses)}");
            }

            // (c) Descriptions on the group and on every rule.
            var undescribed = new List<string>();
            if (group.Description is null)
            {
                unknowns.Add("the group description is unknown");
            }
            else if (string.IsNullOrWhiteSpace(group.Description))
            {
                undescribed.Add("the group");
            }

            // Ingress then egress, in order; counted in one pass (this rule runs for every group of the account).
            var ruleCount = group.IngressRules.Count + group.EgressRules.Count;
            var rulesWithoutDescription = new List<(SecurityGroupRule rule, bool inbound)>();
            var rulesUnknownDescription = 0;
            foreach (var (list, inbound) in new[] { (group.IngressRules, true), (group.EgressRules, false) })
            {
                foreach (var rule in list)
                {
                    if (rule.Description is null)
                    {
                        rulesUnknownDescription++;
                    }
                    else if (string.IsNullOrWhiteSpace(rule.Description))
                    {
                        rulesWithoutDescription.Add((rule, inbound));
                    }
                }
            }

            if (rulesUnknownDescription > 0)
            {
                unknowns.Add($"the description of {rulesUnknownDescription} rule{SecurityGroupChecks.Plural(rulesUnknownDescription)} is unknown");
            }

            if (rulesWithoutDescription.Count > 0)
            {
                undescribed.Add($"{rulesWithoutDescription.Count} rule{SecurityGroupChecks.Plural(rulesWithoutDescription.Count)}");
                evidence["rulesWithoutDescription"] = string.Join("; ", rulesWithoutDescription.Select(x => x.rule.Text(x.inbound)));
            }

            if (undescribed.Count > 0)
            {
                failedChecks.Add("descriptions");
                var singular = undescribed.Count == 1 && (undescribed[0] == "the group" || rulesWithoutDescription.Count == 1);
                reasons.Add($"{Wording.Prose(undescribed)} {(singular ? "has" : "have")} no description");
            }

            evidence["groupDescription"] = group.Description ?? "(unknown)";
            if (unknowns.Count > 0)
            {
                evidence["unknown"] = string.Join("; ", unknowns);
            }

            if (reasons.Count > 0)
            {
                evidence["failedChecks"] = string.Join(",", failedChecks);
                yield return Descriptor.Fail(group.Ref, $"Security group {group.DisplayName} breaks zero-trust hygiene: {string.Join("; ", reasons)}.", evidence);
            }
            else if (unknowns.Count > 0)
            {
                yield return Descriptor.Error(group.Ref, $"Security group {group.DisplayName} could not be fully checked: {string.Join("; ", unknowns)}.", evidence);
            }
            else
            {
                var ingressCheck = privateTier is null ? "" : $"ingress to private tier {privateTier} only from security groups or prefix lists, ";
                yield return Descriptor.Pass(group.Ref,
                    $"Security group {group.DisplayName} has {ingressCheck}no all-port egress to the internet, and a description on the group and on all {ruleCount} of its rules.",
                    evidence);
            }
        }
    }
}
