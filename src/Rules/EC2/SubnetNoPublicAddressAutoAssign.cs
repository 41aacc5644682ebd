using Compliance.Rules.Inventory;

namespace Compliance.Rules.EC2;

/// <summary>Subnets give launched instances and new interfaces no public IPv4 or IPv6 address by default.</summary>
public sealed class SubnetNoPublicAddressAutoAssign : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.Ec2Subnet1,
        Title = "Subnets do not auto-assign public IPv4 or IPv6 addresses",
        Rationale = "Automatic public addresses make every instance launched into the subnet internet-addressable without anyone asking for it; "
            + "public exposure should be an explicit choice per workload.",
        Severity = Severity.Medium,
        ResourceTypes = [ResourceTypes.Subnet],
        Frameworks =
        [
            new(Frameworks.PciDss40, "1.4.4", MappingConfidence.Published),
            new(Frameworks.AwsFsbp, "EC2.15", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "SUBNET_AUTO_ASSIGN_PUBLIC_IP_DISABLED", MappingConfidence.Published),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        foreach (var subnet in context.Inventory.Subnets)
        {
            var evidence = new Dictionary<string, string>
            {
                ["subnetId"] = subnet.Id,
                ["vpcId"] = subnet.VpcId,
                ["mapPublicIpOnLaunch"] = subnet.MapPublicIpOnLaunch ? "true" : "false",
                ["assignIpv6AddressOnCreation"] = subnet.AssignIpv6AddressOnCreation ? "true" : "false",
            };

            var settings = new List<string>();
            if (subnet.MapPublicIpOnLaunch)
            {
                settings.Add("public IPv4 addresses (MapPublicIpOnLaunch)");
            }

            if (subnet.AssignIpv6AddressOnCreation)
            {
                settings.Add("IPv6 addresses (AssignIpv6AddressOnCreation)");
            }

            yield return settings.Count == 0
                ? Descriptor.Pass(subnet.Ref, $"Subnet {subnet.DisplayName} auto-assigns neither public IPv4 nor IPv6 addresses.", evidence)
                : Descriptor.Fail(subnet.Ref, $"Subnet {subnet.DisplayName} auto-assigns {Wording.Prose(settings)}.", evidence);
        }
    }
}
