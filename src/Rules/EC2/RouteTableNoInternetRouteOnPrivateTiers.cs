using Compliance.Rules.Inventory;

namespace Compliance.Rules.EC2;

/// <summary>Only route tables of the approved public tiers have a default route to an internet gateway.</summary>
public sealed class RouteTableNoInternetRouteOnPrivateTiers : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.Ec2RouteTable1,
        Title = "Only public-tier route tables route 0.0.0.0/0 or ::/0 to an internet gateway",
        Rationale = "A default route to an internet gateway makes every subnet using the table reachable from and to the internet; "
            + "application and data tiers must reach it only through NAT or not at all.",
        Severity = Severity.High,
        ResourceTypes = [ResourceTypes.RouteTable],
        Frameworks =
        [
            new(Frameworks.PciDss40, "1.3.1", MappingConfidence.Proposed),
            new(Frameworks.PciDss40, "1.3.2", MappingConfidence.Proposed),
            new(Frameworks.PciDss40, "1.4.4", MappingConfidence.Proposed),
            new(Frameworks.AwsConfig, "NO_UNRESTRICTED_ROUTE_TO_IGW", MappingConfidence.Published),
        ],
        Parameters =
        [
            new("tierTagKey", "Tier", "The tag whose value names a route table's or subnet's tier."),
            new("publicTiers", "web,public", "Tiers whose route tables may have a 0.0.0.0/0 or ::/0 route to an internet gateway."),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var tierKey = context.Parameter("tierTagKey");
        var publicTiers = context.ListParameter("publicTiers");
        var publicList = string.Join(", ", publicTiers);
        var explicitlyAssociated = context.Inventory.RouteTables
            .SelectMany(t => t.Associations.Where(a => a.SubnetId is not null).Select(a => a.SubnetId!))
            .ToHashSet(StringComparer.Ordinal);
        var subnetsByVpc = new Lazy<ILookup<(string VpcId, string AccountId), Subnet>>(() => context.Inventory.Subnets.ToLookup(s => (s.VpcId, s.AccountId)));

        foreach (var table in context.Inventory.RouteTables)
        {
            var internetRoutes = SubnetRouting.InternetGatewayRoutes(table);
            var routeText = string.Join(" and ", internetRoutes.Select(SubnetRouting.Describe));
            var evidence = new Dictionary<string, string>
            {
                ["routeTableId"] = table.Id,
                ["vpcId"] = table.VpcId,
                ["internetGatewayRoutes"] = NetworkRuleSupport.Join(internetRoutes.Select(r => $"{r.DestinationCidrBlock ?? r.DestinationIpv6CidrBlock}->{r.GatewayId}")),
                ["associatedSubnetIds"] = NetworkRuleSupport.Join(table.Associations.Where(a => a.SubnetId is not null).Select(a => a.SubnetId!)),
                ["main"] = table.Associations.Any(a => a.Main) ? "true" : "false",
            };

            if (internetRoutes.Count == 0)
            {
                yield return Descriptor.Pass(table.Ref, $"Route table {table.DisplayName} has no 0.0.0.0/0 or ::/0 route to an internet gateway.", evidence);
                continue;
            }

            var ownTier = table.Tag(tierKey);
            if (!string.IsNullOrWhiteSpace(ownTier))
            {
                evidence["tier"] = ownTier;
                evidence["tierSource"] = "routeTable";
                yield return SubnetTiers.IsPublic(ownTier, publicTiers)
                    ? Descriptor.Pass(table.Ref, $"Route table {table.DisplayName} routes {routeText}, which its {tierKey} tag '{ownTier}' permits as a public tier.", evidence)
                    : Descriptor.Fail(table.Ref,
                        $"Route table {table.DisplayName}, tagged {tierKey} '{ownTier}', routes {routeText}, but only tiers {publicList} may route to an internet gateway.",
                        evidence);
                continue;
            }

            // No tier on the table: judge by every subnet that uses it, explicitly or (main table) implicitly.
            var subnetIds = table.Associations.Where(a => a.SubnetId is not null).Select(a => a.SubnetId!).Distinct().ToList();
            var isMain = table.Associations.Any(a => a.Main);
            if (isMain)
            {
                subnetIds.AddRange(subnetsByVpc.Value[(table.VpcId, table.AccountId)]
                    .Where(s => !explicitlyAssociated.Contains(s.Id))
                    .Select(s => s.Id));
            }

            var unknown = new List<string>();
            var nonPublic = new List<string>();
            var tiers = new List<string>();
            foreach (var subnetId in subnetIds)
            {
                var subnet = context.Index.Subnet(subnetId);
                if (subnet is null)
                {
                    unknown.Add(subnetId);
                    continue;
                }

                var tier = subnet.Tag(tierKey);
                if (string.IsNullOrWhiteSpace(tier))
                {
                    nonPublic.Add($"{subnetId} (no {tierKey} tag)");
                }
                else if (!SubnetTiers.IsPublic(tier, publicTiers))
                {
                    nonPublic.Add($"{subnetId} ({tierKey} '{tier}')");
                }
                else
                {
                    tiers.Add(tier);
                }
            }

            evidence["tierSource"] = "subnets";
            evidence["subnetTiers"] = NetworkRuleSupport.Join(nonPublic.Concat(tiers.Distinct(StringComparer.OrdinalIgnoreCase)));

            if (nonPublic.Count > 0)
            {
                evidence["nonPublicSubnets"] = string.Join(",", nonPublic);
                yield return Descriptor.Fail(table.Ref,
                    $"Route table {table.DisplayName} has no {tierKey} tag and routes {routeText} for subnets outside the public tiers {publicList}: {string.Join(", ", nonPublic)}.",
                    evidence);
                continue;
            }

            var subnetsIncomplete = isMain ? NetworkRuleSupport.CollectionFailure(context.Inventory, ResourceTypes.Subnet, table.Region) : null;
            if (unknown.Count > 0 || subnetsIncomplete is not null)
            {
                evidence["unknownSubnets"] = NetworkRuleSupport.Join(unknown);
                var what = unknown.Count > 0
                    ? $"the tier of associated subnet(s) {string.Join(", ", unknown)} is unknown because they are not in the inventory"
                    : $"the subnets that implicitly use this main route table could not be collected ({subnetsIncomplete!.ErrorCode})";
                yield return Descriptor.Error(table.Ref, $"Route table {table.DisplayName} routes {routeText}, and {what}.", evidence);
                continue;
            }

            if (subnetIds.Count == 0)
            {
                yield return Descriptor.Fail(table.Ref,
                    $"Route table {table.DisplayName} routes {routeText} but neither it nor any associated subnet has a {tierKey} tag, so it is not an approved internet edge.",
                    evidence);
                continue;
            }

            evidence["tier"] = string.Join(",", tiers.Distinct(StringComparer.OrdinalIgnoreCase));
            yield return Descriptor.Pass(table.Ref,
                $"Route table {table.DisplayName} routes {routeText} only for subnets of public tiers ({evidence["tier"]}): {string.Join(", ", subnetIds)}.",
                evidence);
        }
    }
}
