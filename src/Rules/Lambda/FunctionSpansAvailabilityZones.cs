using Compliance.Rules.Inventory;

namespace Compliance.Rules.Lambda;

/// <summary>A function attached to a VPC has subnets in at least two Availability Zones.</summary>
public sealed class FunctionSpansAvailabilityZones : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.LambdaFunction2,
        Title = "VPC-attached Lambda functions use subnets in at least two Availability Zones",
        Rationale = "Lambda places a VPC function's network interfaces only in the subnets it is given; with all of them in one zone, "
            + "an outage of that zone stops the function.",
        Severity = Severity.Medium,
        ResourceTypes = [ResourceTypes.LambdaFunction, ResourceTypes.Subnet],
        Modes = EvaluationModes.TemplateAndLive,
        Frameworks =
        [
            new(Frameworks.AwsFsbp, "Lambda.5", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "LAMBDA_VPC_MULTI_AZ_CHECK", MappingConfidence.Published),
        ],
        Parameters = [new("minAvailabilityZones", "2", "The fewest distinct Availability Zones a VPC function's subnets must span.")],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var minimum = context.IntParameter("minAvailabilityZones");
        foreach (var function in context.Inventory.LambdaFunctions)
        {
            if (function.VpcConfig is not { } vpc)
            {
                yield return Descriptor.Error(function.Ref, $"Lambda function {function.DisplayName}: its VPC configuration is unknown.");
                continue;
            }

            if (!vpc.InVpc)
            {
                yield return Descriptor.NotApplicable(function.Ref, $"Lambda function {function.DisplayName} is not attached to a VPC, so it has no subnets to spread.");
                continue;
            }

            var zones = new SortedSet<string>(StringComparer.Ordinal);
            var unknown = new List<string>();
            foreach (var subnetId in vpc.SubnetIds)
            {
                if (context.Index.Subnet(subnetId)?.AvailabilityZone is { Length: > 0 } zone)
                {
                    zones.Add(zone);
                }
                else
                {
                    unknown.Add(subnetId);
                }
            }

            var evidence = new Dictionary<string, string>
            {
                ["vpcId"] = vpc.VpcId,
                ["subnetIds"] = string.Join(",", vpc.SubnetIds),
                ["availabilityZones"] = zones.Count == 0 ? "none" : string.Join(",", zones),
                ["minAvailabilityZones"] = minimum.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            if (zones.Count >= minimum)
            {
                yield return Descriptor.Pass(function.Ref,
                    $"Lambda function {function.DisplayName} uses subnets in {zones.Count} Availability Zones ({string.Join(", ", zones)}).", evidence);
            }
            else if (unknown.Count > 0)
            {
                evidence["unknownSubnets"] = string.Join(",", unknown);
                yield return Descriptor.Error(function.Ref,
                    $"Lambda function {function.DisplayName} spans {zones.Count} known Availability Zone(s), and the zone of subnet(s) {Wording.Prose(unknown)} is unknown because they are not in the inventory.",
                    evidence);
            }
            else
            {
                var where = zones.Count == 0 ? "no Availability Zone" : $"only {string.Join(", ", zones)}";
                yield return Descriptor.Fail(function.Ref,
                    $"Lambda function {function.DisplayName} uses subnets in {where}, fewer than the {minimum} Availability Zones required.", evidence);
            }
        }
    }
}
