using Compliance.Checker.Live.Collection;
using Compliance.Rules.Inventory;
using Cfg = Compliance.Checker.Live.Clients.ConfigService;

namespace Compliance.Checker.Live.Collectors;

/// <summary>
/// AWS Config recorders: DescribeConfigurationRecorders and DescribeConfigurationRecorderStatus, one call each per
/// Region (neither paginates); the status call is skipped when there is no recorder to match it to.
/// </summary>
public sealed class ConfigCollector : ICollector
{
    public string Service => "config";
    public IReadOnlyList<string> Produces { get; } = [ResourceTypes.ConfigurationRecorder];
    public bool IsGlobal => false;
    public IReadOnlyDictionary<string, string> Permissions { get; } = new Dictionary<string, string>
    {
        ["config:DescribeConfigurationRecorders"] = "config:DescribeConfigurationRecorders",
        ["config:DescribeConfigurationRecorderStatus"] = "config:DescribeConfigurationRecorderStatus",
    };

    public async Task CollectAsync(CollectorContext context, CancellationToken cancellationToken)
    {
        if (!context.Scope.Wants(ResourceTypes.ConfigurationRecorder))
        {
            return;
        }

        var client = Cfg.ConfigServiceClient.For(context.Session, context.Region);
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
