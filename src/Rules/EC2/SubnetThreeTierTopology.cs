using Compliance.Rules.Inventory;

namespace Compliance.Rules.EC2;

/// <summary>
/// Every subnet belongs to a named tier that spans at least two Availability Zones of its VPC, private tiers have no
/// route to an internet gateway, and each subnet has its tier's own network ACL.
/// </summary>
public sealed class SubnetThreeTierTopology : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.Ec2Subnet2,
        Title = "Subnets form tiers across two AZs, private tiers unrouted, own NACL each",
        Rationale = "Segmenting the network into tiers that each have their own ACL and routing, in at least two Availability Zones, confines what a compromised host can reach and keeps the data tiers off the internet.",
        Severity = Severity.Medium,
        ResourceTypes = [ResourceTypes.Subnet, ResourceTypes.RouteTable, ResourceTypes.NetworkAcl],
        Modes = EvaluationModes.TemplateAndLive,
        Frameworks =
        [
            new(Frameworks.PciDss40, "1.2.3", MappingConfidence.Proposed),
            new(Frameworks.PciDss40, "1.4.1", MappingConfidence.Proposed),
        ],
        Parameters =
        [
            new("tierTagKey", "Tier", "The tag whose value names a subnet's (and optionally a network ACL's) tier."),
            new("allowedTiers", "web,public,app,data,application,database,management",
                "Tier values a subnet may have (case-insensitive): the catalog's web/app/data, public (EC2.RouteTable.1's name for the internet edge) and application/database/management."),
            new("privateTiers", "app,data,application,database", "Tiers whose subnets may not route 0.0.0.0/0 or ::/0 to an internet gateway."),
            new("minAvailabilityZones", "2", "Availability Zones each tier must span within its VPC."),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var tierKey = context.Parameter("tierTagKey");
        var allowed = context.ListParameter("allowedTiers");
        var privateTiers = context.ListParameter("privateTiers");
        var minZones = context.IntParameter("minAvailabilityZones");
        var inventory = context.Inventory;

        foreach (var subnet in inventory.Subnets)
        {
            var problems = new List<string>();
            var unknown = new List<string>();
            var tier = subnet.Tag(tierKey)?.Trim();
            var evidence = new Dictionary<string, string>
            {
                ["vpcId"] = subnet.VpcId,
                ["tier"] = tier ?? "none",
                ["availabilityZone"] = subnet.AvailabilityZone ?? "unknown",
            };

            if (string.IsNullOrEmpty(tier) || !allowed.Contains(tier, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add(string.IsNullOrEmpty(tier) ? $"has no {tierKey} tag" : $"has {tierKey} '{tier}', not one of {string.Join(", ", allowed)}");
            }
            else
            {
                CheckZones(inventory, subnet, tier, tierKey, minZones, evidence, problems, unknown);
                if (privateTiers.Contains(tier, StringComparer.OrdinalIgnoreCase))
                {
                    CheckPrivateRouting(inventory, subnet, tier, evidence, problems, unknown);
                }
            }

            CheckAcl(context.Index, inventory, subnet, tier, tierKey, evidence, problems, unknown);

            var name = $"Subnet {subnet.DisplayName} of {subnet.VpcId}";
            if (problems.Count > 0)
            {
                yield return Descriptor.Fail(subnet.Ref, $"{name} {Wording.Prose(problems)}.", evidence);
            }
            else if (unknown.Count > 0)
            {
                yield return Descriptor.Error(subnet.Ref, $"{name}: {Wording.Prose(unknown)}.", evidence);
            }
            else
            {
                yield return Descriptor.Pass(subnet.Ref,
                    $"{name} is in tier '{tier}', which spans {evidence["tierZones"]} Availability Zones, {(evidence.ContainsKey("internetGatewayRoutes") ? "has no internet gateway route and " : "")}uses its tier's own network ACL {evidence["networkAclId"]}.",
                    evidence);
            }
        }
    }

    /// <summary>The tier must span <paramref name="minZones"/> AZs among the VPC's subnets of that tier.</summary>
    private static void CheckZones(AwsInventory inventory, Subnet subnet, string tier, string tierKey, int minZones, Dictionary<string, string> evidence, List<string> problems, List<string> unknown)
    {
        var sameTier = inventory.Subnets
            .Where(s => s.AccountId == subnet.AccountId && s.Region == subnet.Region && s.VpcId == subnet.VpcId
                && string.Equals(s.Tag(tierKey)?.Trim(), tier, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var zones = sameTier.Select(s => s.AvailabilityZone).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        evidence["tierZones"] = zones.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        evidence["tierAvailabilityZones"] = NetworkRuleSupport.Join(zones);
        if (zones.Count >= minZones)
        {
            return;
        }

        if (sameTier.Any(s => s.AvailabilityZone is null))
        {
            unknown.Add($"the Availability Zones of its tier '{tier}' are not all known");
        }
        else
        {
            problems.Add($"is in tier '{tier}', which spans {zones.Count} Availability Zone{(zones.Count == 1 ? "" : "s")} of the VPC ({string.Join(", ", zones)}), fewer than {minZones}");
        }
    }

    /// <summary>A private tier's route table (explicit, else the VPC's main table) may not route to an internet gateway.</summary>
    private static void CheckPrivateRouting(AwsInventory inventory, Subnet subnet, string tier, Dictionary<string, string> evidence, List<string> problems, List<string> unknown)
    {
        var table = SubnetRouting.RouteTableOf(subnet, inventory);
        if (table is null || (NetworkRuleSupport.CollectionFailure(inventory, ResourceTypes.RouteTable, subnet.Region) is not null && !table.Associations.Any(a => a.SubnetId == subnet.Id)))
        {
            unknown.Add("its route table is not in the inventory");
            return;
        }

        var routes = SubnetRouting.InternetGatewayRoutes(table);
        evidence["routeTableId"] = table.Id;
        evidence["internetGatewayRoutes"] = NetworkRuleSupport.Join(routes.Select(SubnetRouting.Describe));
        if (routes.Count > 0)
        {
            problems.Add($"is in the private tier '{tier}' yet its route table {table.Id} routes {string.Join(" and ", routes.Select(SubnetRouting.Describe))}");
        }
    }

    /// <summary>The subnet's network ACL must not be the VPC's default one and must serve its tier alone.</summary>
    private static void CheckAcl(InventoryIndex index, AwsInventory inventory, Subnet subnet, string? tier, string tierKey, Dictionary<string, string> evidence, List<string> problems, List<string> unknown)
    {
        var acl = inventory.NetworkAcls.FirstOrDefault(a => a.AccountId == subnet.AccountId && a.Region == subnet.Region && a.SubnetIds.Contains(subnet.Id));
        if (acl is null)
        {
            unknown.Add("its network ACL association is not in the inventory");
            return;
        }

        evidence["networkAclId"] = acl.Id;
        if (acl.IsDefault)
        {
            problems.Add($"uses the VPC's default network ACL {acl.Id}");
            return;
        }

        if (string.IsNullOrEmpty(tier))
        {
            return; // no tier to compare the ACL with; the missing tag is already the failure
        }

        var aclTier = acl.Tag(tierKey)?.Trim();
        if (!string.IsNullOrEmpty(aclTier) && !string.Equals(aclTier, tier, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"uses network ACL {acl.Id}, which is tagged {tierKey} '{aclTier}', not '{tier}'");
            return;
        }

        var others = acl.SubnetIds.Where(id => id != subnet.Id).Select(id => (Id: id, Subnet: index.Subnet(id))).ToList();
        var otherTiers = others.Where(o => o.Subnet is not null && !string.Equals(o.Subnet.Tag(tierKey)?.Trim(), tier, StringComparison.OrdinalIgnoreCase))
            .Select(o => $"{o.Id} ({o.Subnet!.Tag(tierKey) ?? $"no {tierKey}"})").ToList();
        if (otherTiers.Count > 0)
        {
            evidence["sharedWith"] = string.Join(",", otherTiers);
            problems.Add($"shares network ACL {acl.Id} with subnets of other tiers: {string.Join(", ", otherTiers)}");
        }
        else if (others.Any(o => o.Subnet is null))
        {
            unknown.Add($"network ACL {acl.Id} also serves subnets not in the inventory ({string.Join(", ", others.Where(o => o.Subnet is null).Select(o => o.Id))})");
        }
    }
}
