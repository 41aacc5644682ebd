using Compliance.Checker.Live.Collection;
using Compliance.Rules.Inventory;
using Cfg = Compliance.Checker.Live.Clients.ConfigService;

namespace Compliance.Checker.Live.Collectors;

/// <summary>
/// AWS Config, per Region. Recorders: DescribeConfigurationRecorders and DescribeConfigurationRecorderStatus, one call
/// each (neither paginates); the status call is skipped when there is no recorder to match it to. Delivery channels:
/// DescribeDeliveryChannels, one call. Rules: see ConfigCollector.Rules.cs.
/// </summary>
public sealed partial class ConfigCollector : ICollector
{
    public string Service => "config";
    public IReadOnlyList<string> Produces { get; } = [ResourceTypes.ConfigurationRecorder, ResourceTypes.ConfigDeliveryChannel, ResourceTypes.ConfigRule];
    public bool IsGlobal => false;
    public IReadOnlyDictionary<string, string> Permissions { get; } = new Dictionary<string, string>
    {
        ["config:DescribeConfigurationRecorders"] = "config:DescribeConfigurationRecorders",
        ["config:DescribeConfigurationRecorderStatus"] = "config:DescribeConfigurationRecorderStatus",
        ["config:DescribeDeliveryChannels"] = "config:DescribeDeliveryChannels",
        ["config:DescribeConfigRules"] = "config:DescribeConfigRules",
        ["config:DescribeConfigRuleEvaluationStatus"] = "config:DescribeConfigRuleEvaluationStatus",
    };

    public async Task CollectAsync(CollectorContext context, CancellationToken cancellationToken)
    {
        var client = Cfg.ConfigServiceClient.For(context.Session, context.Region);
        if (context.Scope.Wants(ResourceTypes.ConfigurationRecorder))
        {
            await CollectRecordersAsync(context, client, cancellationToken);
        }

        if (context.Scope.Wants(ResourceTypes.ConfigDeliveryChannel))
        {
            await CollectDeliveryChannelsAsync(context, client, cancellationToken);
        }

        if (context.Scope.Wants(ResourceTypes.ConfigRule))
        {
            await CollectRulesAsync(context, client, cancellationToken);
        }
    }

    private static async Task CollectDeliveryChannelsAsync(CollectorContext context, Cfg.IAmazonConfigService client, CancellationToken cancellationToken)
    {
        var described = await context.CallAsync("config", "DescribeDeliveryChannels", ResourceTypes.ConfigDeliveryChannel,
            ct => client.DescribeDeliveryChannelsAsync(new Cfg.DescribeDeliveryChannelsRequest(), ct), cancellationToken);
        var wanted = context.Scope.IdsFor(ResourceTypes.ConfigDeliveryChannel)?.ToHashSet(StringComparer.Ordinal);
        foreach (var channel in described?.DeliveryChannels ?? [])
        {
            if (channel.Name is not { Length: > 0 } name || (wanted is not null && !wanted.Contains(name)))
            {
                continue;
            }

            context.Builder.Add(new ConfigDeliveryChannel
            {
                Id = name,
                Region = context.Region,
                AccountId = context.AccountId,
                S3BucketName = channel.S3BucketName ?? "",
                S3KeyPrefix = channel.S3KeyPrefix ?? "",
                S3KmsKeyArn = Present(channel.S3KmsKeyArn),
                SnsTopicArn = Present(channel.SnsTopicARN),
                DeliveryFrequency = Present(channel.ConfigSnapshotDeliveryProperties?.DeliveryFrequency),
            });
        }
    }

    private static string? Present(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static async Task CollectRecordersAsync(CollectorContext context, Cfg.IAmazonConfigService client, CancellationToken cancellationToken)
    {
        var described = await context.CallAsync("config", "DescribeConfigurationRecorders", ResourceTypes.ConfigurationRecorder,
            ct => client.DescribeConfigurationRecordersAsync(new Cfg.DescribeConfigurationRecordersRequest(), ct), cancellationToken);
        if (described is null)
        {
            return;
        }

        var wanted = context.Scope.IdsFor(ResourceTypes.ConfigurationRecorder)?.ToHashSet(StringComparer.Ordinal);
        var recorders = described.ConfigurationRecorders
            .Where(r => r.Name is { Length: > 0 } name && (wanted is null || wanted.Contains(name)))
            .ToList();
        if (recorders.Count == 0)
        {
            return;
        }

        var statuses = await context.CallAsync("config", "DescribeConfigurationRecorderStatus", ResourceTypes.ConfigurationRecorder,
            ct => client.DescribeConfigurationRecorderStatusAsync(new Cfg.DescribeConfigurationRecorderStatusRequest(), ct), cancellationToken,
            recorders.Count == 1 ? recorders[0].Name : null);

        foreach (var recorder in recorders)
        {
            var group = recorder.RecordingGroup;
            var status = statuses?.ConfigurationRecordersStatus.FirstOrDefault(s => s.Name == recorder.Name);
            context.Builder.Add(new ConfigurationRecorder
            {
                Id = recorder.Name!,
                Region = context.Region,
                AccountId = context.AccountId,
                Arn = string.IsNullOrEmpty(recorder.Arn) ? null : recorder.Arn,
                RoleArn = string.IsNullOrEmpty(recorder.RoleARN) ? null : recorder.RoleARN,
                AllSupported = group?.AllSupported ?? false,
                IncludeGlobalResourceTypes = group?.IncludeGlobalResourceTypes ?? false,
                RecordingStrategy = group?.RecordingStrategy?.UseOnly is { Length: > 0 } strategy ? strategy : null,
                ExcludedResourceTypes = group?.ExclusionByResourceTypes?.ResourceTypes ?? [],
                Recording = status?.Recording,
                LastStatus = status?.LastStatus,
            });
        }
    }
}
