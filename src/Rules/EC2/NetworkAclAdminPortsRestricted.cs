using System.Globalization;
using System.Net.Sockets;
using Compliance.Rules.Inventory;
using Compliance.Rules.Network;

namespace Compliance.Rules.EC2;

/// <summary>No network ACL lets internet traffic reach the remote-administration ports.</summary>
public sealed class NetworkAclAdminPortsRestricted : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.Ec2NetworkAcl1,
        Title = "Network ACLs admit no internet ingress to SSH or RDP",
        Rationale = "The network ACL is the subnet-wide backstop behind security groups; if it lets the internet reach SSH or RDP, "
            + "one mistaken security group exposes administration interfaces to the whole internet.",
        Severity = Severity.Medium,
        ResourceTypes = [ResourceTypes.NetworkAcl],
        Frameworks =
        [
            new(Frameworks.PciDss40, "1.3.1", MappingConfidence.Published),
            new(Frameworks.CisAws30, "5.1", MappingConfidence.Published),
            new(Frameworks.AwsFsbp, "EC2.21", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "NACL_NO_UNRESTRICTED_SSH_RDP", MappingConfidence.Published),
        ],
        Parameters = [new("adminPorts", "22,3389", "TCP ports that internet (0.0.0.0/0 or ::/0) ingress must never reach.")],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var adminPorts = context.ListParameter("adminPorts").Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToList();
        AddressFamily[] families = [AddressFamily.InterNetwork, AddressFamily.InterNetworkV6];

        foreach (var acl in context.Inventory.NetworkAcls)
        {
            var ingress = acl.Entries.Where(e => !e.Egress).OrderBy(e => e.RuleNumber).ToList();

            // For each port and address family, the first internet entry that matches TCP on the port decides.
            var offending = new List<(int Port, NetworkAclEntry Entry)>();
            foreach (var port in adminPorts)
            {
                foreach (var family in families)
                {
                    var decisive = ingress.FirstOrDefault(e => IsInternet(e, family) && e.CoversTcpPort(port));
                    if (decisive is { IsAllow: true })
                    {
                        offending.Add((port, decisive));
                    }
                }
            }

            var evidence = new Dictionary<string, string>
            {
                ["networkAclId"] = acl.Id,
                ["vpcId"] = acl.VpcId,
                ["isDefault"] = acl.IsDefault ? "true" : "false",
                ["checkedPorts"] = string.Join(",", adminPorts),
            };

            if (offending.Count == 0)
            {
                yield return Descriptor.Pass(acl.Ref,
                    $"Network ACL {acl.DisplayName} admits no ingress from 0.0.0.0/0 or ::/0 to admin ports {string.Join(", ", adminPorts)}: for each, the first matching internet entry is a deny or there is none.",
                    evidence);
                continue;
            }

            var byEntry = offending.GroupBy(o => o.Entry).ToList();
            var first = byEntry[0].Key;
            evidence["ruleNumber"] = first.RuleNumber.ToString(CultureInfo.InvariantCulture);
            evidence["protocol"] = first.Protocol;
            evidence["portRange"] = first.DescribeTraffic();
            evidence["cidrBlock"] = first.Peer();
            evidence["adminPorts"] = string.Join(",", offending.Select(o => o.Port).Distinct());
            evidence["offendingRuleNumbers"] = string.Join(",", byEntry.Select(g => g.Key.RuleNumber.ToString(CultureInfo.InvariantCulture)));

            var reasons = byEntry.Select(g =>
            {
                var ports = g.Select(o => o.Port.ToString(CultureInfo.InvariantCulture)).Distinct().ToList();
                return $"allows {g.Key.DescribeTraffic()} from {g.Key.Peer()} at rule {g.Key.RuleNumber.ToString(CultureInfo.InvariantCulture)}, "
                    + $"which opens admin port{(ports.Count > 1 ? "s" : "")} {Wording.Prose(ports)}";
            });
            yield return Descriptor.Fail(acl.Ref, $"Network ACL {acl.DisplayName} {string.Join("; and ", reasons)}.", evidence);
        }
    }

    private static bool IsInternet(NetworkAclEntry entry, AddressFamily family) =>
        family == AddressFamily.InterNetwork ? NetworkRanges.IsInternet(entry.CidrBlock) : NetworkRanges.IsInternet(entry.Ipv6CidrBlock);
}
