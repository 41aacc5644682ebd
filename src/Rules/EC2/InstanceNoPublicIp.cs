using Compliance.Rules.Inventory;

namespace Compliance.Rules.EC2;

/// <summary>Instances have no public IPv4 address.</summary>
public sealed class InstanceNoPublicIp : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.Ec2Instance2,
        Title = "Instances have no public IPv4 address",
        Rationale = "An instance with a public address is directly addressable from the internet, one security-group mistake away from exposure; workloads belong behind load balancers, NAT and private subnets.",
        Severity = Severity.High,
        ResourceTypes = [ResourceTypes.Instance],
        Frameworks =
        [
            new(Frameworks.PciDss40, "1.4.4", MappingConfidence.Published),
            new(Frameworks.AwsFsbp, "EC2.9", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "EC2_INSTANCE_NO_PUBLIC_IP", MappingConfidence.Published),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        foreach (var instance in context.Inventory.Instances.Where(i => !InstanceStates.IsTerminated(i)))
        {
            if (instance.PublicIpAddress is not { } address)
            {
                yield return Descriptor.Error(instance.Ref, $"Instance {instance.DisplayName}: whether it has a public IPv4 address is unknown.");
                continue;
            }

            var evidence = new Dictionary<string, string> { ["publicIpAddress"] = address, ["state"] = instance.State };
            if (instance.SubnetId is not null)
            {
                evidence["subnetId"] = instance.SubnetId;
            }

            if (string.IsNullOrWhiteSpace(address))
            {
                yield return Descriptor.Pass(instance.Ref, $"Instance {instance.DisplayName} has no public IPv4 address.", evidence);
            }
            else
            {
                yield return Descriptor.Fail(instance.Ref, $"Instance {instance.DisplayName} has the public IPv4 address {address}.", evidence);
            }
        }
    }
}
