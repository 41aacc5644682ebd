using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.EC2;

/// <summary>Builders for security groups and their rules, shaped as DescribeSecurityGroupRules returns them.</summary>
internal static class SecurityGroupFixtures
{
    public const string VpcId = "vpc-0a1b2c3d4e5f60718";

    private static int _next;

    public static SecurityGroup Group(string id, IReadOnlyList<SecurityGroupRule>? ingress = null, IReadOnlyList<SecurityGroupRule>? egress = null, string? tier = null, string? name = null) => new()
    {
        Id = id,
        GroupName = name ?? id,
        Description = $"{id} managed by the platform team",
        VpcId = VpcId,
        Region = Region,
        AccountId = Account,
        Arn = $"arn:aws:ec2:{Region}:{Account}:security-group/{id}",
        Tags = tier is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["Tier"] = tier },
        IngressRules = ingress ?? [],
        EgressRules = egress ?? [],
    };

    public static SecurityGroupRule Rule(string protocol, int? from, int? to, string? v4 = null, string? v6 = null, string? prefixList = null, string? group = null, string? description = "allowed by design") => new()
    {
        RuleId = $"sgr-0{Interlocked.Increment(ref _next):x16}",
        IpProtocol = protocol,
        FromPort = from,
        ToPort = to,
        CidrIpv4 = v4,
        CidrIpv6 = v6,
        PrefixListId = prefixList,
        ReferencedGroupId = group,
        Description = description,
    };

    public static SecurityGroupRule Tcp(int from, int to, string? v4 = null, string? v6 = null, string? prefixList = null, string? group = null, string? description = "allowed by design") =>
        Rule("tcp", from, to, v4, v6, prefixList, group, description);

    public static SecurityGroupRule Udp(int from, int to, string? v4 = null, string? v6 = null) => Rule("udp", from, to, v4, v6);

    public static SecurityGroupRule AllTraffic(string? v4 = null, string? v6 = null, string? prefixList = null, string? group = null, string? description = "allowed by design") =>
        Rule("-1", -1, -1, v4, v6, prefixList, group, description);

    public static SecurityGroupRule Icmp(string? v4 = null) => Rule("icmp", 8, -1, v4);
}
