using Amazon.EC2;
using Amazon.EC2.Model;

namespace Compliance.IntegrationTests.Seeding;

/// <summary>Small EC2 helpers the seeders share: Name tags at creation and one-port rules.</summary>
internal static class Ec2Tags
{
    /// <summary>A Name tag (the run-suffixed name) applied at creation.</summary>
    public static List<TagSpecification> Named(Planted planted, ResourceType type, string logical) =>
        [new TagSpecification { ResourceType = type, Tags = [new Tag { Key = "Name", Value = planted.NameOf(logical) }] }];

    /// <summary>TCP on one port from (or to) one IPv4 range.</summary>
    public static IpPermission Tcp(int port, string cidr, string? description = null) => new()
    {
        IpProtocol = "tcp", FromPort = port, ToPort = port, Ipv4Ranges = [new IpRange { CidrIp = cidr, Description = description }],
    };

    /// <summary>Polls until <paramref name="done"/> holds or two minutes pass (AWS deletes asynchronously; moto at once).</summary>
    public static async Task WaitAsync(Func<Task<bool>> done)
    {
        for (var i = 0; i < 60 && !await done(); i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
    }
}
