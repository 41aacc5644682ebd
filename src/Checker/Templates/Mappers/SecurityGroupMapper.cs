using Compliance.Checker.Templates.Intrinsics;
using Compliance.Checker.Templates.Mapping;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Templates.Mappers;

/// <summary>
/// Security groups with their inline rules and the separate SecurityGroupIngress/Egress resources, plus each
/// VPC's default group: created with CloudFormation's default rules (all traffic from itself, all traffic out),
/// or known closed when CDK's restrictDefaultSecurityGroup custom resource (Custom::VpcRestrictDefaultSG) targets it.
/// </summary>
public sealed class SecurityGroupMapper : IResourceMapper
{
    /// <summary>The synthetic id of a VPC's default group is the VPC's id with this suffix (Fn::GetAtt Vpc.DefaultSecurityGroup).</summary>
    public const string DefaultGroupSuffix = ".default";

    private const string IngressType = "AWS::EC2::SecurityGroupIngress";
    private const string EgressType = "AWS::EC2::SecurityGroupEgress";
    private const string RestrictDefaultType = "Custom::VpcRestrictDefaultSG";

    public IReadOnlyList<string> MappedTypes { get; } = [ResourceTypes.SecurityGroup, IngressType, EgressType, RestrictDefaultType];

    public IReadOnlyList<ResourceNaming> Namings { get; } =
    [
        new() { Type = ResourceTypes.SecurityGroup, Attributes = new Dictionary<string, string> { ["GroupId"] = "{name}", ["VpcId"] = "{prop:VpcId}" } },
    ];

    public void Map(MappingContext context)
    {
        var groups = new List<GroupDraft>();
        foreach (var declared in context.Resources(ResourceTypes.SecurityGroup))
        {
            var p = declared.Properties;
            var egress = p.Has("SecurityGroupEgress")
                ? SecurityGroupRules.List(p, "SecurityGroupEgress", ingress: false)
                : [SecurityGroupRules.DefaultEgress];
            groups.Add(new GroupDraft(declared, p.String("GroupName") ?? declared.Name, p.String("GroupDescription", absent: ""), p.String("VpcId"), p.Tags(),
                SecurityGroupRules.List(p, "SecurityGroupIngress", ingress: true), egress));
        }

        var closedDefaults = context.Resources(RestrictDefaultType)
            .Select(r => r.Properties.String("DefaultSecurityGroupId"))
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        foreach (var vpc in context.Resources(ResourceTypes.Vpc))
        {
            var id = vpc.Name + DefaultGroupSuffix;
            var closed = closedDefaults.Contains(id);
            groups.Add(new GroupDraft(vpc, "default", "default VPC security group", vpc.Name, new Dictionary<string, string>(),
                closed ? [] : [new SecurityGroupRule { IpProtocol = "-1", ReferencedGroupId = id, Description = "" }],
                closed ? [] : [SecurityGroupRules.DefaultEgress]) { Id = id });
        }

        var byId = groups.ToDictionary(g => g.Id, StringComparer.Ordinal);
        foreach (var (type, ingress) in new[] { (IngressType, true), (EgressType, false) })
        {
            foreach (var declared in context.Resources(type))
            {
                var p = declared.Properties;
                var target = p.String("GroupId") ?? (ingress ? groups.FirstOrDefault(g => g.GroupName == p.String("GroupName") && g.Declared.Type == ResourceTypes.SecurityGroup)?.Id : null);
                if (target is null || !byId.TryGetValue(target, out var group))
                {
                    context.NotJudged(declared, target is null
                        ? $"its group cannot be decided ({p.UnknownReason("GroupId") ?? "no GroupId"})"
                        : $"its group {target} is not declared in this scan");
                    continue;
                }

                var rule = SecurityGroupRules.One(p, ingress);
                if (ingress)
                {
                    group.Ingress = rule is null || group.Ingress is null ? null : [.. group.Ingress, rule];
                }
                else
                {
                    group.Egress = rule is null || group.Egress is null ? null : [.. group.Egress, rule];
                }
            }
        }

        foreach (var group in groups)
        {
            var d = group.Declared;
            context.Add(new SecurityGroup
            {
                Id = group.Id, Region = d.Region, AccountId = d.AccountId, Tags = group.Tags,
                Arn = $"arn:{d.Partition}:ec2:{d.Region}:{d.AccountId}:security-group/{group.Id}",
                GroupName = group.GroupName,
                Description = group.Description,
                VpcId = group.VpcId,
                IngressRules = group.Ingress,
                EgressRules = group.Egress,
            }, d);
        }
    }

    /// <summary>A group being assembled; rules are null once any of them is unknown.</summary>
    private sealed record GroupDraft(
        DeclaredResource Declared, string GroupName, string? Description, string? VpcId, IReadOnlyDictionary<string, string> Tags,
        IReadOnlyList<SecurityGroupRule>? Ingress, IReadOnlyList<SecurityGroupRule>? Egress)
    {
        public string Id { get; init; } = Declared.Name;
        public IReadOnlyList<SecurityGroupRule>? Ingress { get; set; } = Ingress;
        public IReadOnlyList<SecurityGroupRule>? Egress { get; set; } = Egress;
    }
}
