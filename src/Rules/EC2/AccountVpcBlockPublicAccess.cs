using Compliance.Rules.Inventory;

namespace Compliance.Rules.EC2;

/// <summary>VPC Block Public Access blocks internet gateway traffic in every Region, with exclusions only for approved VPCs.</summary>
public sealed class AccountVpcBlockPublicAccess : IComplianceRule
{
    /// <summary>Exclusion states in which the exclusion exempts nothing (gone, going, disabled, or never created).</summary>
    private static readonly IReadOnlySet<string> Inactive = new HashSet<string>(StringComparer.Ordinal)
    {
        "create-failed", "delete-in-progress", "delete-complete", "deleted-complete", "disable-in-progress", "disable-complete",
    };

    /// <summary>Exclusion states in which the exclusion exempts its VPC or subnet.</summary>
    private static readonly IReadOnlySet<string> Active = new HashSet<string>(StringComparer.Ordinal)
    {
        "create-in-progress", "create-complete", "update-in-progress", "update-complete", "update-failed",
    };

    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.Ec2Account1,
        Title = "VPC Block Public Access blocks internet gateway traffic",
        Rationale = "Block Public Access stops traffic through internet and egress-only internet gateways for the whole Region, whatever a route table or security group says; only an approved edge VPC may be exempted.",
        Severity = Severity.Medium,
        ResourceTypes = [ResourceTypes.Account, ResourceTypes.VpcBlockPublicAccessOptions, ResourceTypes.Subnet],
        Modes = EvaluationModes.TemplatePresenceAndLive,
        Frameworks =
        [
            new(Frameworks.PciDss40, "1.4.1", MappingConfidence.Proposed),
            new(Frameworks.PciDss40, "1.4.4", MappingConfidence.Proposed),
            new(Frameworks.AwsFsbp, "EC2.172", MappingConfidence.Published),
        ],
        Parameters =
        [
            new("allowedModes", "block-bidirectional", "InternetGatewayBlockMode values that pass (block-bidirectional, block-ingress)."),
            new("approvedExclusionVpcs", "", "VPC ids that may be excluded, on the VPC or on its subnets; empty allows no exclusion."),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var allowedModes = context.ListParameter("allowedModes");
        var approved = context.ListParameter("approvedExclusionVpcs").ToHashSet(StringComparer.Ordinal);
        foreach (var (account, region) in context.Inventory.AccountRegions())
        {
            var subject = new ResourceRef(ResourceTypes.Account, account, null, region, account);
            var options = context.Inventory.VpcBlockPublicAccessOptions.FirstOrDefault(o => o.AccountId == account && o.Region == region);
            if (options is null && context.FromTemplate)
            {
                yield return Descriptor.NotApplicable(subject,
                    $"Account {account} in {region}: VPC Block Public Access options are not declared in this template; judged on the live account.");
                continue;
            }

            if (options?.InternetGatewayBlockMode is not { } mode)
            {
                var what = options is null ? "were not collected" : "could not be read";
                yield return Descriptor.Error(subject, $"Account {account} in {region}: the VPC Block Public Access settings {what}.");
                continue;
            }

            var evidence = new Dictionary<string, string>
            {
                ["internetGatewayBlockMode"] = mode,
                ["state"] = options.State ?? "unknown",
                ["exclusionsAllowed"] = options.ExclusionsAllowed ?? "unknown",
                ["allowedModes"] = string.Join(",", allowedModes),
            };
            if (!allowedModes.Contains(mode, StringComparer.Ordinal))
            {
                yield return Descriptor.Fail(subject,
                    $"Account {account} has VPC Block Public Access set to '{mode}' in {region}, not {string.Join(" or ", allowedModes)}, so internet gateways there are not blocked.", evidence);
                continue;
            }

            if (options.ExclusionsAllowed == "not-allowed")
            {
                yield return Descriptor.Pass(subject, $"Account {account} has VPC Block Public Access set to '{mode}' in {region}, and its organization allows no exclusions.", evidence);
                continue;
            }

            if (options.Exclusions is not { } exclusions)
            {
                yield return Descriptor.Error(subject, $"Account {account} has VPC Block Public Access set to '{mode}' in {region}, but its exclusions could not be listed.", evidence);
                continue;
            }

            var (unapproved, unknown) = Judge(exclusions, approved, context.Index);
            evidence["activeExclusions"] = NetworkRuleSupport.Join(exclusions.Where(e => e.State is { } s && Active.Contains(s)).Select(e => $"{e.ExclusionId}:{e.ResourceArn}"));
            if (unapproved.Count > 0)
            {
                evidence["unapprovedExclusions"] = string.Join(",", unapproved);
                yield return Descriptor.Fail(subject,
                    $"Account {account} has VPC Block Public Access set to '{mode}' in {region}, but exempts {Wording.Prose(unapproved)}, outside the approved VPCs ({(approved.Count == 0 ? "none" : string.Join(", ", approved))}).",
                    evidence);
            }
            else if (unknown.Count > 0)
            {
                yield return Descriptor.Error(subject, $"Account {account} has VPC Block Public Access set to '{mode}' in {region}, but {Wording.Prose(unknown)}.", evidence);
            }
            else
            {
                yield return Descriptor.Pass(subject, $"Account {account} has VPC Block Public Access set to '{mode}' in {region}, with exclusions only for approved VPCs.", evidence);
            }
        }
    }

    /// <summary>The active exclusions of unapproved VPCs, and what cannot be told (an unknown state, a subnet not in the inventory).</summary>
    private static (List<string> Unapproved, List<string> Unknown) Judge(IEnumerable<VpcBlockPublicAccessExclusion> exclusions, IReadOnlySet<string> approved, InventoryIndex index)
    {
        var unapproved = new List<string>();
        var unknown = new List<string>();
        foreach (var exclusion in exclusions)
        {
            if (exclusion.State is { } state && Inactive.Contains(state))
            {
                continue;
            }

            if (exclusion.State is not { } active || !Active.Contains(active))
            {
                unknown.Add($"exclusion {exclusion.ExclusionId} is in the unrecognised state '{exclusion.State}'");
                continue;
            }

            var resource = AwsArn.Parse(exclusion.ResourceArn)?.Resource ?? "";
            var (kind, id) = resource.Split('/', 2) is [var k, var i] ? (k, i) : ("", resource);
            var vpc = kind switch
            {
                "vpc" => id,
                "subnet" => index.Subnet(id)?.VpcId,
                _ => null,
            };
            if (vpc is null)
            {
                unknown.Add($"the VPC of exclusion {exclusion.ExclusionId} ({exclusion.ResourceArn}) is unknown");
            }
            else if (!approved.Contains(vpc))
            {
                unapproved.Add(kind == "vpc" ? $"VPC {vpc} ({exclusion.InternetGatewayExclusionMode})" : $"subnet {id} of VPC {vpc} ({exclusion.InternetGatewayExclusionMode})");
            }
        }

        return (unapproved, unknown);
    }
}
