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
/// Egress stays inside the VPC (the default "all to 0.0.0.0/0" rule is replaced).
/// </summary>
public sealed class SecurityGroups : Construct
{
    /// <summary>The application tier's group.</summary>
    public CfnSecurityGroup Application { get; }

    /// <summary>The database tier's group.</summary>
    public CfnSecurityGroup Database { get; }

    /// <summary>The management tier's group.</summary>
    public CfnSecurityGroup Management { get; }

    public SecurityGroups(Construct scope, string id, SecurityGroupsProps props) : base(scope, id)
    {
        CfnSecurityGroup Group(string tier, string description) => new(this, tier, new CfnSecurityGroupProps
        {
            GroupName = $"sg-{tier}-{props.EnvironmentName}",
            GroupDescription = description,
            VpcId = props.Vpc.Ref,
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

        Ingress("application-https", Application, 443, "HTTPS from the private 10.0.0.0/8 range", cidr: "10.0.0.0/8");
        for (var i = 0; i < Network.Tiers["management"].Length; i++)
        {
            var subnet = Network.Tiers["management"][i];
            Ingress($"application-ssh-{i}", Application, 22, $"SSH from management subnet {subnet}", cidr: subnet);
        }

        Ingress("database-postgres", Database, 5432, "PostgreSQL from the application tier", source: Application);
        Ingress("management-ssh", Management, 22, "SSH from the admin CIDR", cidr: props.AdminCidr);
    }

    private void Ingress(string id, CfnSecurityGroup group, int port, string description, string? cidr = null, CfnSecurityGroup? source = null) =>
        _ = new CfnSecurityGroupIngress(this, id, new CfnSecurityGroupIngressProps
        {
            GroupId = group.AttrGroupId,
            IpProtocol = "tcp",
            FromPort = port,
            ToPort = port,
            CidrIp = cidr,
            SourceSecurityGroupId = source?.AttrGroupId,
            Description = description,
        });
}
