using System.Globalization;
using Compliance.Checker.Templates.Intrinsics;
using Compliance.Checker.Templates.Mapping;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Templates.Mappers;

/// <summary>
/// Network ACLs with their entries (AWS::EC2::NetworkAclEntry) and subnet associations
/// (SubnetNetworkAclAssociation). Every ACL also gets the two catch-all deny entries (rule 32767) EC2 adds.
/// The VPC's own default ACL is not declared by the template and is not mapped.
/// </summary>
public sealed class NetworkAclMapper : IResourceMapper
{
    private const string AssociationType = "AWS::EC2::SubnetNetworkAclAssociation";

    public IReadOnlyList<string> MappedTypes { get; } = [ResourceTypes.NetworkAcl, ResourceTypes.NetworkAclEntry, AssociationType];

    public IReadOnlyList<ResourceNaming> Namings { get; } =
    [
        new() { Type = ResourceTypes.NetworkAcl, Attributes = new Dictionary<string, string> { ["Id"] = "{name}" } },
        new() { Type = AssociationType, Attributes = new Dictionary<string, string> { ["AssociationId"] = "{name}" } },
    ];

    public void Map(MappingContext context)
    {
        var entries = new Dictionary<string, List<NetworkAclEntry>>(StringComparer.Ordinal);
        var unknown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var declared in context.Resources(ResourceTypes.NetworkAclEntry))
        {
            var p = declared.Properties;
            if (context.Find(ResourceTypes.NetworkAcl, p.String("NetworkAclId")) is not { } acl)
            {
                context.NotJudged(declared, "its network ACL is not declared in this scan");
                continue;
            }

            var entry = Entry(p);
            if (entry is null)
            {
                unknown.Add(acl.Name);
                context.NotJudged(declared, $"its rule number, action, protocol, ports or CIDR cannot be decided, so network ACL {acl.LogicalId} is not judged either");
                continue;
            }

            if (!entries.TryGetValue(acl.Name, out var list))
            {
                entries[acl.Name] = list = [];
            }

            list.Add(entry);
        }

        var subnets = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var declared in context.Resources(AssociationType))
        {
            var p = declared.Properties;
            if (context.Find(ResourceTypes.NetworkAcl, p.String("NetworkAclId")) is { } acl && p.String("SubnetId") is { } subnet)
            {
                if (!subnets.TryGetValue(acl.Name, out var list))
                {
                    subnets[acl.Name] = list = [];
                }

                list.Add(subnet);
            }
            else
            {
                context.NotJudged(declared, "its network ACL or subnet cannot be resolved to a resource of this scan");
            }
        }

        foreach (var acl in context.Resources(ResourceTypes.NetworkAcl).Where(a => !unknown.Contains(a.Name)))
        {
            var p = acl.Properties;
            context.Add(new NetworkAcl
            {
                Id = acl.Name, Region = acl.Region, AccountId = acl.AccountId, Tags = p.Tags(),
                Arn = $"arn:{acl.Partition}:ec2:{acl.Region}:{acl.AccountId}:network-acl/{acl.Name}",
                VpcId = p.String("VpcId") ?? Ec2NetworkMapper.Unknown,
                IsDefault = false,
                Entries = [.. entries.GetValueOrDefault(acl.Name) ?? [], CatchAll(egress: false), CatchAll(egress: true)],
                SubnetIds = subnets.GetValueOrDefault(acl.Name) ?? [],
            }, acl);
        }
    }

    private static NetworkAclEntry? Entry(Props p)
    {
        var ports = p.Map("PortRange");
        if (p.Int("RuleNumber") is not { } number
            || p.String("RuleAction") is not { } action
            || p.String("Protocol") is not { } protocol
            || p.Bool("Egress", absent: false) is not { } egress
            || (p.Has("CidrBlock") && p.String("CidrBlock") is null)
            || (p.Has("Ipv6CidrBlock") && p.String("Ipv6CidrBlock") is null)
            || ports is null)
        {
            return null;
        }

        PortRange? range = null;
        if (p.Has("PortRange"))
        {
            if (ports.Int("From") is not { } from || ports.Int("To") is not { } to)
            {
                return null;
            }

            range = new PortRange(from, to);
        }

        var protocolNumber = int.TryParse(protocol, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n.ToString(CultureInfo.InvariantCulture)
            : protocol.ToLowerInvariant() switch { "tcp" => "6", "udp" => "17", "icmp" => "1", "all" => "-1", var other => other };
        return new NetworkAclEntry
        {
            RuleNumber = number,
            Egress = egress,
            RuleAction = action.ToLowerInvariant(),
            Protocol = protocolNumber,
            CidrBlock = p.String("CidrBlock"),
            Ipv6CidrBlock = p.String("Ipv6CidrBlock"),
            PortRange = protocolNumber is "6" or "17" ? range : null,
        };
    }

    private static NetworkAclEntry CatchAll(bool egress) => new()
    {
        RuleNumber = 32767, Egress = egress, RuleAction = "deny", Protocol = "-1", CidrBlock = "0.0.0.0/0",
    };
}
