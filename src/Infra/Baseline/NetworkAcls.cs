using Amazon.CDK.AWS.EC2;
using Constructs;

namespace Compliance.Infra.Baseline;

/// <summary>Properties of <see cref="NetworkAcls"/>.</summary>
public sealed record NetworkAclsProps
{
    /// <summary>Environment suffix of the names.</summary>
    public required string EnvironmentName { get; init; }

    /// <summary>The network.</summary>
    public required Network Network { get; init; }

    /// <summary>The admin CIDR allowed SSH into the management tier.</summary>
    public required string AdminCidr { get; init; }
}

/// <summary>
/// One NACL per tier. Rules 10, 20, 30 deny the RFC 5737 TEST-NET ranges both ways; rule 40 denies RDP from the
/// internet where the ephemeral allow would otherwise admit it; allows start at 100; return traffic on the ephemeral
/// ports 1024-65535 is allowed explicitly, since NACLs are stateless.
/// </summary>
public sealed class NetworkAcls : Construct
{
    /// <summary>The RFC 5737 documentation ranges, denied by rules 10, 20 and 30.</summary>
    public static IReadOnlyList<string> TestNets { get; } = ["192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24"];

    /// <summary>The NACL of each tier.</summary>
    public IReadOnlyDictionary<string, CfnNetworkAcl> Acls { get; }

    public NetworkAcls(Construct scope, string id, NetworkAclsProps props) : base(scope, id)
    {
        var acls = new Dictionary<string, CfnNetworkAcl>(StringComparer.Ordinal);
        foreach (var (tier, subnets) in props.Network.Subnets)
        {
            var acl = new CfnNetworkAcl(this, tier, new CfnNetworkAclProps
            {
                VpcId = props.Network.Vpc.Ref,
                Tags = [new Amazon.CDK.CfnTag { Key = "Name", Value = $"nacl-{tier}-{props.EnvironmentName}" }, new Amazon.CDK.CfnTag { Key = "Tier", Value = Network.TierTags[tier] }],
            });
            acls[tier] = acl;
            for (var i = 0; i < subnets.Count; i++)
            {
                _ = new CfnSubnetNetworkAclAssociation(this, $"{tier}-{i}", new CfnSubnetNetworkAclAssociationProps
                {
                    SubnetId = subnets[i].Ref,
                    NetworkAclId = acl.Ref,
                });
            }

            foreach (var egress in new[] { false, true })
            {
                var direction = egress ? "out" : "in";
                for (var n = 0; n < TestNets.Count; n++)
                {
                    Entry(acl, $"{tier}-{direction}-deny-{n}", (n + 1) * 10, egress, "deny", TestNets[n], 0, 65535, protocol: -1);
                }
            }

            // The ephemeral allow below (1024-65535 from anywhere) contains RDP's 3389: NACLs are first-match, so an
            // explicit deny numbered before it keeps the internet off the admin ports (EC2.NetworkAcl.1). SSH's 22 is
            // outside the ephemeral range and is allowed only from the sources listed in Inbound.
            if (EphemeralSource(tier) == "0.0.0.0/0")
            {
                Entry(acl, $"{tier}-in-deny-rdp", 40, egress: false, "deny", "0.0.0.0/0", 3389, 3389);
            }

            var rule = 100;
            foreach (var (cidr, from, to) in Inbound(tier, props.AdminCidr))
            {
                Entry(acl, $"{tier}-in-{rule}", rule, egress: false, "allow", cidr, from, to);
                rule += 10;
            }

            // Return traffic of inbound connections, and outbound connections (stateless: both need explicit rules).
            Entry(acl, $"{tier}-in-ephemeral", rule, egress: false, "allow", EphemeralSource(tier), 1024, 65535);
            Entry(acl, $"{tier}-out-100", 100, egress: true, "allow", EphemeralSource(tier), 0, 65535);
        }

        Acls = acls;
    }

    /// <summary>Where a tier's return traffic may come from: the database tier talks only inside the VPC.</summary>
    private static string EphemeralSource(string tier) => tier == "database" ? Network.VpcCidr : "0.0.0.0/0";

    /// <summary>What each tier accepts: application 443 from 10.0.0.0/8 and 22 from management; database 5432 from
    /// application; management 22 from the admin CIDR.</summary>
    private static IEnumerable<(string Cidr, int From, int To)> Inbound(string tier, string adminCidr) => tier switch
    {
        "application" => [("10.0.0.0/8", 443, 443), .. Network.Tiers["management"].Select(c => (c, 22, 22))],
        "database" => Network.Tiers["application"].Select(c => (c, 5432, 5432)),
        "management" => [(adminCidr, 22, 22)],
        _ => [],
    };

    private void Entry(CfnNetworkAcl acl, string id, int number, bool egress, string action, string cidr, int from, int to, int protocol = 6) =>
        _ = new CfnNetworkAclEntry(this, id, new CfnNetworkAclEntryProps
        {
            NetworkAclId = acl.Ref,
            RuleNumber = number,
            Egress = egress,
            RuleAction = action,
            CidrBlock = cidr,
            Protocol = protocol,
            PortRange = protocol == -1 ? null : new CfnNetworkAclEntry.PortRangeProperty { From = from, To = to },
        });
}
