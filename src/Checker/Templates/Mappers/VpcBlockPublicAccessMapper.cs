using Compliance.Checker.Templates.Intrinsics;
using Compliance.Checker.Templates.Mapping;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Templates.Mappers;

/// <summary>
/// VPC Block Public Access: AWS::EC2::VPCBlockPublicAccessOptions sets the account's mode in its Region, and each
/// AWS::EC2::VPCBlockPublicAccessExclusion of the same account and Region exempts a VPC or subnet. Whether the
/// organization allows exclusions is live state and stays unknown; the exclusions are the ones the template declares.
/// </summary>
public sealed class VpcBlockPublicAccessMapper : IResourceMapper
{
    private const string ExclusionType = "AWS::EC2::VPCBlockPublicAccessExclusion";

    public IReadOnlyList<string> MappedTypes { get; } = [ResourceTypes.VpcBlockPublicAccessOptions, ExclusionType];

    public IReadOnlyList<ResourceNaming> Namings { get; } =
    [
        new() { Type = ResourceTypes.VpcBlockPublicAccessOptions, Ref = "{account}", Attributes = new Dictionary<string, string> { ["AccountId"] = "{account}" } },
        new() { Type = ExclusionType, SyntheticPrefix = "vpcbpa-exclude-", Attributes = new Dictionary<string, string> { ["ExclusionId"] = "{name}" } },
    ];

    public void Map(MappingContext context)
    {
        var exclusions = context.Resources(ExclusionType).Select(e =>
        {
            var p = e.Properties;
            var (kind, id) = p.Has("SubnetId") ? ("subnet", p.String("SubnetId")) : ("vpc", p.String("VpcId"));
            return (e.AccountId, e.Region, Exclusion: new VpcBlockPublicAccessExclusion
            {
                ExclusionId = e.Name,
                InternetGatewayExclusionMode = p.String("InternetGatewayExclusionMode"),
                ResourceArn = id is null ? null : $"arn:{e.Partition}:ec2:{e.Region}:{e.AccountId}:{kind}/{id}",
                State = "create-complete",
            });
        }).ToList();

        foreach (var options in context.Resources(ResourceTypes.VpcBlockPublicAccessOptions))
        {
            var p = options.Properties;
            context.Add(new VpcBlockPublicAccessOptions
            {
                Id = options.AccountId, Region = options.Region, AccountId = options.AccountId,
                InternetGatewayBlockMode = p.String("InternetGatewayBlockMode"),
                State = null,
                ExclusionsAllowed = null,
                ManagedBy = "account",
                Exclusions = exclusions.Where(e => e.AccountId == options.AccountId && e.Region == options.Region).Select(e => e.Exclusion).ToList(),
            }, options);
        }
    }
}
