using Amazon.EC2;
using Amazon.EC2.Model;
using Compliance.Checker.Live;
using static Compliance.IntegrationTests.Seeding.Ec2Tags;

namespace Compliance.IntegrationTests.Seeding;

/// <summary>
/// Security groups in it-pass-vpc of one region: SSH, MySQL and HTTPS twins, and the shapes emulators are known to
/// mangle in DescribeSecurityGroupRules (an IPv6-only rule, a permission with two CIDRs).
/// </summary>
public static class SecurityGroupSeeder
{
    private const string Vpc = "10.0.0.0/16";
    private const string Internet = "0.0.0.0/0";

    public static async Task SeedAsync(AwsSession session, Planted planted, string region)
    {
        var ec2 = session.Ec2(region);
        var vpcId = planted.Id(region, "it-pass-vpc");

        await GroupAsync(ec2, planted, region, vpcId, "it-pass-sg-ssh", [Tcp(22, Vpc)]);
        await GroupAsync(ec2, planted, region, vpcId, "it-fail-sg-ssh", [Tcp(22, Internet)]);
        await GroupAsync(ec2, planted, region, vpcId, "it-pass-sg-mysql", [Tcp(3306, Vpc)]);
        await GroupAsync(ec2, planted, region, vpcId, "it-fail-sg-mysql", [Tcp(3306, Internet)]);

        // RDP from ::/0 only.
        await GroupAsync(ec2, planted, region, vpcId, "it-fail-sg-rdp6",
            [new IpPermission { IpProtocol = "tcp", FromPort = 3389, ToPort = 3389, Ipv6Ranges = [new Ipv6Range { CidrIpv6 = "::/0" }] }]);

        // One permission, two peers: SSH from the VPC and from the internet.
        var ssh = Tcp(22, Vpc);
        ssh.Ipv4Ranges.Add(new IpRange { CidrIp = Internet });
        await GroupAsync(ec2, planted, region, vpcId, "it-fail-sg-ssh-two-cidrs", [ssh]);

        // HTTPS in from anywhere, HTTPS out to the VPC only, every rule described: passes SG.2 to SG.5.
        var web = await GroupAsync(ec2, planted, region, vpcId, "it-pass-sg-web", [Tcp(443, Internet, "HTTPS from clients")]);
        var egress = (await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [web] })).SecurityGroups.Single().IpPermissionsEgress;
        if (egress is { Count: > 0 })
        {
            await ec2.RevokeSecurityGroupEgressAsync(new RevokeSecurityGroupEgressRequest { GroupId = web, IpPermissions = egress });
        }

        await ec2.AuthorizeSecurityGroupEgressAsync(new AuthorizeSecurityGroupEgressRequest { GroupId = web, IpPermissions = [Tcp(443, Vpc, "HTTPS to services in the VPC")] });
    }

    private static async Task<string> GroupAsync(IAmazonEC2 ec2, Planted planted, string region, string vpcId, string logical, List<IpPermission> ingress)
    {
        var id = (await ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest
        {
            GroupName = planted.NameOf(logical), Description = $"Compliance integration test: {logical}", VpcId = vpcId,
            TagSpecifications = Named(planted, ResourceType.SecurityGroup, logical),
        })).GroupId;
        planted.Add(region, logical, id);
        planted.OnCleanup($"{logical} in {region}", () => ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = id }));
        await ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest { GroupId = id, IpPermissions = ingress });
        return id;
    }
}
