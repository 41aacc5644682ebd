using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Constructs;

namespace Compliance.Infra.Baseline;

/// <summary>Properties of <see cref="SecurityGroups"/>.</summary>
public sealed record SecurityGroupsProps
{
    /// <summary>Environment suffix of the names.</summary>
    public required string EnvironmentName { get; init; }

    /// <summary>The VPC.</summary>
    public required CfnVPC Vpc { get; init; }

    /// <summary>The admin CIDR allowed SSH into the management tier.</summary>
    public required string AdminCidr { get; init; }
}

/// <summary>
/// The tiers' security groups, each rule a separate resource with a description: application (443 from 10.0.0.0/8,
/// 22 from the management subnets), database (5432 from the application group), management (22 from the admin CIDR).
/// Egress stays inside the VPC (the default "all to 0.0.0.0/0" rule is replaced). The private tiers take ingress only
/// from groups or managed prefix lists (zero trust, EC2.SecurityGroup.5): 10.0.0.0/8 and the management subnets are
/// prefix lists, so a range is named and changed in one place and every group that uses it follows.
/// </summary>
public sealed class SecurityGroups : Construct
{
    /// <summary>The application tier's group.</summary>
    public CfnSecurityGroup Application { get; }

    /// <summary>The database tier's group.</summary>
    public CfnSecurityGroup Database { get; }

    /// <summary>The management tier's group.</summary>
    public CfnSecurityGroup Management { get; }

    /// <summary>The managed prefix list of the private 10.0.0.0/8 range.</summary>
    public CfnPrefixList PrivateRanges { get; }

    /// <summary>The managed prefix list of the management subnets.</summary>
    public CfnPrefixList ManagementSubnets { get; }

    public SecurityGroups(Construct scope, string id, SecurityGroupsProps props) : base(scope, id)
    {
        var env = props.EnvironmentName;
        PrivateRanges = PrefixList("private-ranges", env, "The private 10.0.0.0/8 range", ["10.0.0.0/8"]);
        ManagementSubnets = PrefixList("management-subnets", env, "The management tier's subnets", Network.Tiers["management"]);

        CfnSecurityGroup Group(string tier, string description) => new(this, tier, new CfnSecurityGroupProps
        {
            GroupName = $"sg-{tier}-{env}",
            GroupDescription = description,
            VpcId = props.Vpc.Ref,
            Tags = [new CfnTag { Key = "Name", Value = $"sg-{tier}-{env}" }, new CfnTag { Key = "Tier", Value = tier == "management" ? "management" : Network.TierTags[tier] }],
            // Replaces the default allow-all egress with traffic inside the VPC only.
            SecurityGroupEgress = new object[]
            {
                new CfnSecurityGroup.EgressProperty
                {
                    IpProtocol = "tcp", FromPort = 0, ToPort = 65535, CidrIp = Network.VpcCidr, Description = "TCP inside the VPC only",
                },
            },
        });

        Application = Group("application", "Application tier");
        Database = Group("database", "Database tier");
        Management = Group("management", "Management tier");

        Ingress("application-https", Application, 443, "HTTPS from the private 10.0.0.0/8 range (prefix list)", prefixList: PrivateRanges);
        Ingress("application-ssh", Application, 22, "SSH from the management subnets (prefix list)", prefixList: ManagementSubnets);

        Ingress("database-postgres", Database, 5432, "PostgreSQL from the application tier", source: Application);
        Ingress("management-ssh", Management, 22, "SSH from the admin CIDR", cidr: props.AdminCidr);
    }

    private CfnPrefixList PrefixList(string purpose, string env, string description, IReadOnlyList<string> cidrs) => new(this, purpose, new CfnPrefixListProps
    {
        PrefixListName = $"pl-{purpose}-{env}",
        AddressFamily = "IPv4",
        MaxEntries = Math.Max(cidrs.Count, 5),
        Entries = cidrs.Select(object (c) => new CfnPrefixList.EntryProperty { Cidr = c, Description = description }).ToArray(),
    });

    private void Ingress(string id, CfnSecurityGroup group, int port, string description, string? cidr = null, CfnSecurityGroup? source = null, CfnPrefixList? prefixList = null) =>
        _ = new CfnSecurityGroupIngress(this, id, new CfnSecurityGroupIngressProps
        {
            GroupId = group.AttrGroupId,
            IpProtocol = "tcp",
            FromPort = port,
            ToPort = port,
            CidrIp = cidr,
            SourceSecurityGroupId = source?.AttrGroupId,
            SourcePrefixListId = prefixList?.AttrPrefixListId,
            Description = description,
        });
}
