using Compliance.Checker.Templates.Intrinsics;
using Compliance.Checker.Templates.Mapping;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Templates.Mappers;

/// <summary>
/// AWS Config configuration recorders and delivery channels. CloudFormation starts a recorder as soon as a delivery
/// channel is available, so a recorder is recording when the scan declares a delivery channel in its account and Region;
/// otherwise whether one exists already is live state, and recording stays unknown. A channel delivers to its
/// S3BucketName (a Ref to a declared bucket gives the bucket's name) with the key, topic and frequency the template
/// gives; without S3KmsKeyArn or SnsTopicARN it has none.
/// </summary>
public sealed class ConfigMapper : IResourceMapper
{
    public IReadOnlyList<string> MappedTypes { get; } = [ResourceTypes.ConfigurationRecorder, ResourceTypes.ConfigDeliveryChannel];

    public IReadOnlyList<ResourceNaming> Namings { get; } =
    [
        new() { Type = ResourceTypes.ConfigurationRecorder, NameProperty = "Name" },
        new() { Type = ResourceTypes.ConfigDeliveryChannel, NameProperty = "Name" },
    ];

    public void Map(MappingContext context)
    {
        var channels = context.Resources(ResourceTypes.ConfigDeliveryChannel).Select(c => (c.AccountId, c.Region)).ToHashSet();
        foreach (var recorder in context.Resources(ResourceTypes.ConfigurationRecorder))
        {
            var p = recorder.Properties;
            var group = p.Map("RecordingGroup");
            var allSupported = group?.Bool("AllSupported", absent: !p.Has("RecordingGroup"));
            var includeGlobal = group?.Bool("IncludeGlobalResourceTypes", absent: false);
            var strategy = group?.Map("RecordingStrategy");
            var excluded = group?.Map("ExclusionByResourceTypes")?.Strings("ResourceTypes");
            if (allSupported is null || includeGlobal is null || strategy is null || excluded is null || (strategy.Has("UseOnly") && strategy.String("UseOnly") is null))
            {
                context.NotJudged(recorder, "its recording group cannot be decided");
                continue;
            }

            context.Add(new ConfigurationRecorder
            {
                Id = recorder.Name, Region = recorder.Region, AccountId = recorder.AccountId,
                RoleArn = p.String("RoleARN"),
                AllSupported = allSupported.Value,
                IncludeGlobalResourceTypes = includeGlobal.Value,
                RecordingStrategy = strategy.String("UseOnly"),
                ExcludedResourceTypes = excluded,
                Recording = channels.Contains((recorder.AccountId, recorder.Region)) ? true : null,
            }, recorder);
        }

        foreach (var channel in context.Resources(ResourceTypes.ConfigDeliveryChannel))
        {
            MapChannel(context, channel);
        }
    }

    private static void MapChannel(MappingContext context, DeclaredResource channel)
    {
        var p = channel.Properties;
        var bucket = p.String("S3BucketName");
        var prefix = p.String("S3KeyPrefix", absent: "");
        var frequency = p.Map("ConfigSnapshotDeliveryProperties")?.String("DeliveryFrequency");
        var unknown = new[] { "S3BucketName", "S3KeyPrefix", "S3KmsKeyArn", "SnsTopicARN" }.FirstOrDefault(n => p.Has(n) && p.String(n) is null);
        if (bucket is null || prefix is null || unknown is not null)
        {
            context.NotJudged(channel, $"its {unknown ?? "S3BucketName"} cannot be decided ({p.UnknownReason(unknown ?? "S3BucketName") ?? "it is not written"})");
            return;
        }

        context.Add(new ConfigDeliveryChannel
        {
            Id = channel.Name, Region = channel.Region, AccountId = channel.AccountId,
            S3BucketName = bucket,
            S3KeyPrefix = prefix,
            S3KmsKeyArn = p.String("S3KmsKeyArn"),
            SnsTopicArn = p.String("SnsTopicARN"),
            DeliveryFrequency = frequency,
        }, channel);
    }
}
