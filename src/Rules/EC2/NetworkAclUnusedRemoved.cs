using Compliance.Rules.Inventory;

namespace Compliance.Rules.EC2;

/// <summary>Every non-default network ACL is associated with at least one subnet.</summary>
public sealed class NetworkAclUnusedRemoved : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.Ec2NetworkAcl3,
        Title = "Every non-default network ACL is associated with a subnet",
        Rationale = "An unattached network ACL protects nothing and invites the mistaken belief that it does; removing it keeps the "
            + "set of ACLs equal to the set that actually filters traffic.",
        Severity = Severity.Low,
        ResourceTypes = [ResourceTypes.NetworkAcl],
        Frameworks =
        [
            new(Frameworks.PciDss40, "1.2.7", MappingConfidence.Published),
            new(Frameworks.AwsFsbp, "EC2.16", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "VPC_NETWORK_ACL_UNUSED_CHECK", MappingConfidence.Published),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        foreach (var acl in context.Inventory.NetworkAcls)
        {
            var evidence = new Dictionary<string, string>
            {
                ["networkAclId"] = acl.Id,
                ["vpcId"] = acl.VpcId,
                ["isDefault"] = acl.IsDefault ? "true" : "false",
                ["subnetIds"] = NetworkRuleSupport.Join(acl.SubnetIds),
            };

            if (acl.SubnetIds.Count > 0)
            {
                yield return Descriptor.Pass(acl.Ref,
                    $"Network ACL {acl.DisplayName} is associated with {acl.SubnetIds.Count} subnet{(acl.SubnetIds.Count == 1 ? "" : "s")} ({string.Join(", ", acl.SubnetIds)}).",
                    evidence);
            }
            else if (acl.IsDefault)
            {
                yield return Descriptor.NotApplicable(acl.Ref,
                    $"Network ACL {acl.DisplayName} is the VPC's default ACL, which cannot be deleted, and is associated with no subnet.", evidence);
            }
            else
            {
                yield return Descriptor.Fail(acl.Ref, $"Network ACL {acl.DisplayName} is not the default ACL and is associated with no subnet.", evidence);
            }
        }
    }
}
