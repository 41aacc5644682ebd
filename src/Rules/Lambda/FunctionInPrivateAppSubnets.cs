using Compliance.Rules.EC2;
using Compliance.Rules.Inventory;

namespace Compliance.Rules.Lambda;

/// <summary>Every function runs in a VPC, and only in subnets of the private application tier.</summary>
public sealed class FunctionInPrivateAppSubnets : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.LambdaFunction1,
        Title = "Lambda functions run in a VPC, in private application-tier subnets only",
        Rationale = "A function outside the VPC reaches data stores and the internet around the network controls of the tiers; "
            + "attached to private application subnets, its traffic passes the security groups, NACLs and endpoints of that tier.",
        Severity = Severity.Low,
        ResourceTypes = [ResourceTypes.LambdaFunction, ResourceTypes.Subnet],
        Modes = EvaluationModes.TemplateAndLive,
        Frameworks =
        [
            new(Frameworks.PciDss40, "1.3.1", MappingConfidence.Proposed),
            new(Frameworks.PciDss40, "1.4.4", MappingConfidence.Proposed),
            new(Frameworks.AwsSecurityHub, "Lambda.3", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "LAMBDA_INSIDE_VPC", MappingConfidence.Published),
        ],
        Parameters =
        [
            new("tierTagKey", "Tier", "The tag whose value names a subnet's tier."),
            new("appTiers", "app,application,private", "Tier tag values (case-insensitive) of the private application subnets functions may use."),
            new("publicTiers", "web,public", "Tiers that are public (as in EC2.RouteTable.1); a subnet of these never qualifies, even if also listed in appTiers."),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var tierKey = context.Parameter("tierTagKey");
        var appTiers = context.ListParameter("appTiers");
        var publicTiers = context.ListParameter("publicTiers");
        var allowed = string.Join(", ", appTiers);

        foreach (var function in context.Inventory.LambdaFunctions)
        {
            if (function.VpcConfig is not { } vpc)
            {
                yield return Descriptor.Error(function.Ref, $"Lambda function {function.DisplayName}: its VPC configuration is unknown.");
                continue;
            }

            var evidence = new Dictionary<string, string>
            {
                ["vpcId"] = vpc.VpcId.Length == 0 ? "none" : vpc.VpcId,
                ["subnetIds"] = vpc.SubnetIds.Count == 0 ? "none" : string.Join(",", vpc.SubnetIds),
            };
            if (!vpc.InVpc)
            {
                yield return Descriptor.Fail(function.Ref, $"Lambda function {function.DisplayName} is not attached to a VPC, so it runs outside the private application tier.", evidence);
                continue;
            }

            var outside = new List<string>();
            var unknown = new List<string>();
            foreach (var subnetId in vpc.SubnetIds)
            {
                if (context.Index.Subnet(subnetId) is not { } subnet)
                {
                    unknown.Add(subnetId);
                    continue;
                }

                var tier = SubnetTiers.Tier(subnet, tierKey);
                if (tier is null)
                {
                    outside.Add($"{subnetId} (no {tierKey} tag)");
                }
                else if (SubnetTiers.IsPublic(tier, publicTiers) || !SubnetTiers.IsOneOf(tier, appTiers))
                {
                    outside.Add($"{subnetId} ({tierKey} '{tier}')");
                }
            }

            if (outside.Count > 0)
            {
                evidence["subnetsOutsideAppTier"] = string.Join(",", outside);
                yield return Descriptor.Fail(function.Ref,
                    $"Lambda function {function.DisplayName} uses subnets outside the private application tiers {allowed}: {Wording.Prose(outside)}.", evidence);
            }
            else if (unknown.Count > 0)
            {
                evidence["unknownSubnets"] = string.Join(",", unknown);
                yield return Descriptor.Error(function.Ref,
                    $"Lambda function {function.DisplayName} uses subnet(s) {Wording.Prose(unknown)}, whose tier is unknown because they are not in the inventory.", evidence);
            }
            else if (vpc.SubnetIds.Count == 0)
            {
                yield return Descriptor.Error(function.Ref, $"Lambda function {function.DisplayName} names VPC {vpc.VpcId} but no subnets, so its tier is unknown.", evidence);
            }
            else
            {
                yield return Descriptor.Pass(function.Ref,
                    $"Lambda function {function.DisplayName} runs in VPC {vpc.VpcId} only in private application subnets ({allowed}): {string.Join(", ", vpc.SubnetIds)}.", evidence);
            }
        }
    }
}
