using Compliance.Checker.Templates.Intrinsics;
using Compliance.Checker.Templates.Mapping;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Templates.Mappers;

/// <summary>
/// EBS volumes (standalone, and an instance's BlockDeviceMappings) and instances. A volume is encrypted when the
/// template says so; written without Encrypted and without a snapshot it is not (only an account-wide default,
/// which EC2.Account.2 judges live, could encrypt it); restored from a snapshot or an AMI, it is unknown and not judged.
/// An instance is running once CloudFormation created it; its IMDS settings come from MetadataOptions or its
/// launch template, and are unknown when neither sets HttpTokens (the AMI and account defaults decide).
/// </summary>
public sealed class Ec2ComputeMapper : IResourceMapper
{
    private const string AttachmentType = "AWS::EC2::VolumeAttachment";
    private const string LaunchTemplateType = "AWS::EC2::LaunchTemplate";
    private const string EipType = "AWS::EC2::EIP";
    private const string EipAssociationType = "AWS::EC2::EIPAssociation";

    /// <summary>Stands in for a public address that exists but is assigned only at launch.</summary>
    internal const string AssignedAtLaunch = "(assigned at launch)";

    public IReadOnlyList<string> MappedTypes { get; } = [ResourceTypes.Volume, AttachmentType, ResourceTypes.Instance, LaunchTemplateType, EipType, EipAssociationType];

    public IReadOnlyList<ResourceNaming> Namings { get; } =
    [
        new() { Type = ResourceTypes.Volume, Attributes = new Dictionary<string, string> { ["VolumeId"] = "{name}" } },
        new() { Type = ResourceTypes.Instance, Attributes = new Dictionary<string, string> { ["InstanceId"] = "{name}" } },
        new()
        {
            Type = LaunchTemplateType, NameProperty = "LaunchTemplateName",
            Attributes = new Dictionary<string, string> { ["LaunchTemplateId"] = "{name}", ["LaunchTemplateName"] = "{name}" },
        },
    ];

    public void Map(MappingContext context)
    {
        var attachments = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var attachment in context.Resources(AttachmentType))
        {
            if (attachment.Properties.String("VolumeId") is { } volume && attachment.Properties.String("InstanceId") is { } instance)
            {
                Attach(attachments, volume, instance);
            }
        }

        foreach (var instance in context.Resources(ResourceTypes.Instance))
        {
            foreach (var volume in instance.Properties.Maps("Volumes") ?? [])
            {
                if (volume.String("VolumeId") is { } id)
                {
                    Attach(attachments, id, instance.Name);
                }
            }
        }

        foreach (var volume in context.Resources(ResourceTypes.Volume))
        {
            var p = volume.Properties;
            var encrypted = p.Bool("Encrypted", absent: p.Has("SnapshotId") ? null : false);
            if (encrypted is null)
            {
                context.NotJudged(volume, "whether it is encrypted cannot be decided (Encrypted is unknown, or it is restored from a snapshot whose encryption it inherits)");
                continue;
            }

            context.Add(new Volume
            {
                Id = volume.Name, Region = volume.Region, AccountId = volume.AccountId, Tags = p.Tags(),
                Arn = $"arn:{volume.Partition}:ec2:{volume.Region}:{volume.AccountId}:volume/{volume.Name}",
                Encrypted = encrypted.Value,
                KmsKeyId = p.String("KmsKeyId"),
                AttachedInstanceIds = attachments.GetValueOrDefault(volume.Name) ?? [],
            }, volume);
        }

        var elasticIps = context.Resources(EipType).Concat(context.Resources(EipAssociationType))
            .Select(e => e.Properties.String("InstanceId")).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var instance in context.Resources(ResourceTypes.Instance))
        {
            MapInstance(context, instance, elasticIps.Contains(instance.Name));
        }
    }

    private static void MapInstance(MappingContext context, DeclaredResource instance, bool hasElasticIp)
    {
        var p = instance.Properties;
        var primary = (p.Maps("NetworkInterfaces") ?? []).FirstOrDefault(n => n.String("DeviceIndex") == "0");
        var subnetId = p.String("SubnetId") ?? primary?.String("SubnetId");
        var subnet = context.Find(ResourceTypes.Subnet, subnetId);

        string? publicIp = hasElasticIp ? AssignedAtLaunch
            : primary?.Bool("AssociatePublicIpAddress", absent: null) is { } associate ? (associate ? AssignedAtLaunch : "")
            : subnet?.Properties.Bool("MapPublicIpOnLaunch", absent: false) is { } mapPublic ? (mapPublic ? AssignedAtLaunch : "")
            : null;

        var launchTemplate = p.Map("LaunchTemplate") is { } reference
            ? context.Find(LaunchTemplateType, reference.String("LaunchTemplateId") ?? reference.String("LaunchTemplateName"))
            : null;
        var options = p.Has("MetadataOptions") ? p.Map("MetadataOptions")
            : launchTemplate?.Properties.Map("LaunchTemplateData")?.Map("MetadataOptions");
        var tokens = options?.String("HttpTokens");
        var endpoint = options?.String("HttpEndpoint", absent: "enabled");

        context.Add(new Instance
        {
            Id = instance.Name, Region = instance.Region, AccountId = instance.AccountId, Tags = p.Tags(),
            Arn = $"arn:{instance.Partition}:ec2:{instance.Region}:{instance.AccountId}:instance/{instance.Name}",
            State = "running",
            SubnetId = subnetId,
            VpcId = subnet?.Properties.String("VpcId"),
            PublicIpAddress = publicIp,
            MetadataOptions = tokens is not null && endpoint is not null ? new InstanceMetadataOptions(tokens, endpoint) : null,
        }, instance);

        foreach (var device in p.Maps("BlockDeviceMappings") ?? [])
        {
            if (device.Map("Ebs") is not { } ebs || !device.Has("Ebs") || device.String("DeviceName") is not { } name)
            {
                continue;
            }

            if (ebs.Bool("Encrypted", absent: null) is not { } encrypted)
            {
                context.NotJudged(instance, $"whether its volume {name} is encrypted cannot be decided (without Encrypted it follows its snapshot or AMI)");
                continue;
            }

            context.Add(new Volume
            {
                Id = $"{instance.Name}:{name}", Region = instance.Region, AccountId = instance.AccountId,
                Encrypted = encrypted, KmsKeyId = ebs.String("KmsKeyId"), AttachedInstanceIds = [instance.Name],
                // A volume the instance creates gets the instance's tags only with PropagateTagsToVolumeOnCreation.
                Tags = p.Bool("PropagateTagsToVolumeOnCreation", absent: false) == true ? p.Tags() : new Dictionary<string, string>(),
                TagsUnknown = p.Bool("PropagateTagsToVolumeOnCreation", absent: false) is null,
            }, instance);
        }
    }

    private static void Attach(Dictionary<string, List<string>> attachments, string volume, string instance)
    {
        if (!attachments.TryGetValue(volume, out var list))
        {
            attachments[volume] = list = [];
        }

        list.Add(instance);
    }
}
