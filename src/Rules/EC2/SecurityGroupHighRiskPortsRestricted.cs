using System.Globalization;
using Compliance.Rules.Inventory;
using Compliance.Rules.Network;

namespace Compliance.Rules.EC2;

/// <summary>No ingress from 0.0.0.0/0 or ::/0 to the high-risk ports of Security Hub control EC2.19.</summary>
public sealed class SecurityGroupHighRiskPortsRestricted : IComplianceRule
{
    /// <summary>The ports Security Hub EC2.19 treats as high risk.</summary>
    internal const string DefaultHighRiskPorts = "20,21,22,23,25,110,135,143,445,1433,1434,3000,3306,3389,4333,5000,5432,5500,5601,8080,8088,8888,9200,9300";

    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.Ec2SecurityGroup3,
        Title = "Security groups allow no internet ingress to high-risk ports",
        Rationale = "File transfer, mail, database, search and admin services reachable from anywhere are scanned for and exploited continuously; they must only be reachable from known networks.",
        Severity = Severity.Critical,
        ResourceTypes = [ResourceTypes.SecurityGroup],
        Frameworks =
        [
            new(Frameworks.PciDss40, "1.3.1", MappingConfidence.Proposed),
            new(Frameworks.AwsFsbp, "EC2.19", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "RESTRICTED_INCOMING_TRAFFIC", MappingConfidence.Published),
        ],
        Parameters = [new("highRiskPorts", DefaultHighRiskPorts, "TCP/UDP ports that must never be reachable from 0.0.0.0/0 or ::/0 (Security Hub EC2.19's list).")],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var ports = context.ListParameter("highRiskPorts")
            .Select(p => int.Parse(p, NumberStyles.None, CultureInfo.InvariantCulture)).Distinct().Order().ToList();
        foreach (var group in context.Inventory.SecurityGroups)
        {
            if (group.IngressRules is null)
            {
                yield return Descriptor.Error(group.Ref, $"Security group {group.DisplayName}: its ingress rules could not be read.");
                continue;
            }

            var offending = group.IngressRules
                .Where(rule => rule.InternetSource() is not null)
                .Select(rule => (rule, ports: ports.Where(rule.OpensPort).ToList()))
                .Where(o => o.ports.Count > 0)
                .ToList();

            if (offending.Count == 0)
            {
                yield return Descriptor.Pass(group.Ref, $"Security group {group.DisplayName} allows no internet ingress to any of the {ports.Count} high-risk ports.");
                continue;
            }

            var opened = offending.SelectMany(o => o.ports).Distinct().Order().ToList();
            var evidence = offending[0].rule.Evidence();
            evidence["openHighRiskPorts"] = string.Join(",", opened);
            evidence["offendingRules"] = string.Join("; ", offending.Select(o => o.rule.Text(inbound: true)));
            var clauses = offending.Select(o => o.rule.InternetText()).Distinct().ToList();
            var verb = clauses.Count == 1 ? "opens" : "open";
            yield return Descriptor.Fail(group.Ref,
                $"Security group {group.DisplayName} allows {Wording.Prose(clauses)}, which {verb} high-risk port{SecurityGroupChecks.Plural(opened.Count)} {string.Join(", ", opened)}.",
                evidence);
        }
    }
}
