using System.Globalization;
using System.Net;
using Compliance.Rules.Inventory;

namespace Compliance.Rules.EC2;

/// <summary>Subnet NACLs deny the RFC 5737 documentation ranges in both directions before any allow can match them.</summary>
public sealed class NetworkAclDeniesTestNetRanges : IComplianceRule
{
    /// <summary>CloudFormation declares NACL entries as their own resources.</summary>

    /// <summary>The implicit catch-all rule every NACL ends with; it is not an explicit deny.</summary>
    private const int DefaultRuleNumber = 32767;

    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.Ec2NetworkAcl2,
        Title = "Subnet network ACLs deny TEST-NET ranges in both directions before any allow",
        Rationale = "Addresses from the RFC 5737 documentation ranges never appear in legitimate traffic, so packets carrying them are spoofed "
            + "or misconfigured; an explicit, early deny drops them at the subnet edge whatever later allow rules say.",
        Severity = Severity.Medium,
        ResourceTypes = [ResourceTypes.NetworkAcl, ResourceTypes.NetworkAclEntry],
        Frameworks = [new(Frameworks.PciDss40, "1.4.3", MappingConfidence.Proposed)],
        Parameters =
        [
            new("testNetRanges", "192.0.2.0/24,198.51.100.0/24,203.0.113.0/24",
                "CIDR ranges that every subnet NACL must deny (all protocols), inbound and outbound, ahead of any allow that covers them."),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var ranges = context.ListParameter("testNetRanges").Select(r => NetworkRuleSupport.ParseCidr(r, "testNetRanges")).ToList();

        foreach (var acl in context.Inventory.NetworkAcls)
        {
            var evidence = new Dictionary<string, string>
            {
                ["networkAclId"] = acl.Id,
                ["vpcId"] = acl.VpcId,
                ["subnetIds"] = NetworkRuleSupport.Join(acl.SubnetIds),
                ["testNetRanges"] = string.Join(",", ranges),
            };

            if (acl.SubnetIds.Count == 0)
            {
                yield return Descriptor.NotApplicable(acl.Ref, $"Network ACL {acl.DisplayName} is not associated with any subnet.", evidence);
                continue;
            }

            var missing = new List<(string Direction, IPNetwork Range, string Detail)>();
            foreach (var egress in new[] { false, true })
            {
                var entries = acl.Entries.Where(e => e.Egress == egress).OrderBy(e => e.RuleNumber).ToList();
                foreach (var range in ranges)
                {
                    var family = range.BaseAddress.AddressFamily;
                    var firstAllow = entries.FirstOrDefault(e => e.IsAllow && e.Network(family) is { } n && NetworkRuleSupport.Overlaps(n, range));
                    var denies = entries
                        .Where(e => e.RuleNumber != DefaultRuleNumber
                            && string.Equals(e.RuleAction, "deny", StringComparison.OrdinalIgnoreCase)
                            && e.Protocol == "-1"
                            && e.Network(family) is { } n && NetworkRuleSupport.ContainsNetwork(n, range))
                        .ToList();

                    if (denies.Any(d => firstAllow is null || d.RuleNumber < firstAllow.RuleNumber))
                    {
                        continue;
                    }

                    var detail = (denies.FirstOrDefault(), firstAllow) switch
                    {
                        ({ } late, { } allow) => $"deny rule {Number(late)} comes after allow rule {Number(allow)}",
                        (null, { } allow) => $"no all-traffic deny; allow rule {Number(allow)} admits it",
                        _ => "no all-traffic deny",
                    };
                    missing.Add((egress ? "egress" : "ingress", range, detail));
                }
            }

            if (missing.Count == 0)
            {
                yield return Descriptor.Pass(acl.Ref,
                    $"Network ACL {acl.DisplayName} denies all traffic from and to {string.Join(", ", ranges)} ahead of any allow, inbound and outbound.",
                    evidence);
                continue;
            }

            evidence["missingDenies"] = string.Join(",", missing.Select(m => $"{m.Direction}:{m.Range}"));
            yield return Descriptor.Fail(acl.Ref,
                $"Network ACL {acl.DisplayName} lacks an all-traffic deny ahead of any allow for {string.Join("; ", missing.Select(m => $"{m.Direction} {m.Range} ({m.Detail})"))}.",
                evidence);
        }
    }

    private static string Number(NetworkAclEntry entry) => entry.RuleNumber.ToString(CultureInfo.InvariantCulture);
}
