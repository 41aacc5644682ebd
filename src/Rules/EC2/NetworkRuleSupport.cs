using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Compliance.Rules.Inventory;

namespace Compliance.Rules.EC2;

/// <summary>Helpers shared by the VPC, route table, subnet and network ACL rules.</summary>
internal static class NetworkRuleSupport
{
    /// <summary>
    /// The collection failure that left <paramref name="resourceType"/> incomplete in <paramref name="region"/>
    /// (a whole-type failure, or one for <paramref name="resourceId"/>), or null when the data is complete.
    /// </summary>
    public static CollectionError? CollectionFailure(AwsInventory inventory, string resourceType, string region, string? resourceId = null) =>
        inventory.CollectionErrors.FirstOrDefault(e =>
            e.ResourceType == resourceType
            && (e.Region == region || e.Region == "global")
            && (e.ResourceId is null || (resourceId is not null && e.ResourceId == resourceId)));

    /// <summary>Comma-joined text, "none" when empty.</summary>
    public static string Join(IEnumerable<string> values)
    {
        var text = string.Join(",", values);
        return text.Length == 0 ? "none" : text;
    }


    /// <summary>Parses a CIDR, throwing a clear error for a bad parameter value.</summary>
    public static IPNetwork ParseCidr(string cidr, string parameter) =>
        IPNetwork.TryParse(cidr.Trim(), out var network)
            ? network
            : throw new FormatException($"Parameter {parameter}: '{cidr}' is not a CIDR block.");

    /// <summary>True when two CIDR blocks share any address (CIDR blocks are either nested or disjoint).</summary>
    public static bool Overlaps(IPNetwork a, IPNetwork b) =>
        a.BaseAddress.AddressFamily == b.BaseAddress.AddressFamily && (a.Contains(b.BaseAddress) || b.Contains(a.BaseAddress));

    /// <summary>True when <paramref name="outer"/> contains every address of <paramref name="inner"/>.</summary>
    public static bool ContainsNetwork(IPNetwork outer, IPNetwork inner) =>
        outer.BaseAddress.AddressFamily == inner.BaseAddress.AddressFamily
        && outer.PrefixLength <= inner.PrefixLength
        && outer.Contains(inner.BaseAddress);

    /// <summary>The entry's CIDR of the given address family, parsed; null when it has none of that family.</summary>
    public static IPNetwork? Network(this NetworkAclEntry entry, AddressFamily family)
    {
        var cidr = family == AddressFamily.InterNetworkV6 ? entry.Ipv6CidrBlock : entry.CidrBlock;
        return cidr is not null && IPNetwork.TryParse(cidr.Trim(), out var network) && network.BaseAddress.AddressFamily == family
            ? network
            : null;
    }

    /// <summary>"tcp/22", "tcp/0-1024", "tcp (all ports)", "all traffic", "udp/53", "icmp".</summary>
    public static string DescribeTraffic(this NetworkAclEntry entry)
    {
        if (entry.Protocol == "-1")
        {
            return "all traffic";
        }

        var name = entry.Protocol switch
        {
            "6" => "tcp",
            "17" => "udp",
            "1" => "icmp",
            "58" => "icmpv6",
            _ => entry.Protocol,
        };
        if (name is not ("tcp" or "udp"))
        {
            return name;
        }

        return entry.PortRange switch
        {
            null => $"{name} (all ports)",
            { From: var from, To: var to } when from == to => $"{name}/{from.ToString(CultureInfo.InvariantCulture)}",
            { From: var from, To: var to } => $"{name}/{from.ToString(CultureInfo.InvariantCulture)}-{to.ToString(CultureInfo.InvariantCulture)}",
        };
    }

    /// <summary>The entry's peer CIDR as text.</summary>
    public static string Peer(this NetworkAclEntry entry) => entry.CidrBlock ?? entry.Ipv6CidrBlock ?? "(none)";
}
