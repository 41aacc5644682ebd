using System.Collections.Concurrent;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Live.Collection;

/// <summary>Collects records and errors from concurrent collectors, then builds one deterministic inventory.</summary>
public sealed class InventoryBuilder
{
    private readonly ConcurrentQueue<AwsResource> _resources = new();
    private readonly ConcurrentQueue<CollectionError> _errors = new();

    public void Add(AwsResource resource) => _resources.Enqueue(resource);

    public void AddError(CollectionError error) => _errors.Enqueue(error);

    public IReadOnlyCollection<CollectionError> Errors => _errors;

    /// <summary>The inventory, every list ordered by region then id, so two collections of the same account compare equal.</summary>
    public AwsInventory Build(IReadOnlyList<string> accountIds, IReadOnlyList<string> regions)
    {
        var all = _resources.OrderBy(r => r.Region, StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
        List<T> Of<T>() where T : AwsResource => all.OfType<T>().ToList();
        return new AwsInventory
        {
            AccountIds = accountIds,
            Regions = regions,
            Vpcs = Of<Vpc>(),
            Subnets = Of<Subnet>(),
            RouteTables = Of<RouteTable>(),
            SecurityGroups = Of<SecurityGroup>(),
            NetworkAcls = Of<NetworkAcl>(),
            FlowLogs = Of<FlowLog>(),
            VpcEndpoints = Of<VpcEndpoint>(),
            Volumes = Of<Volume>(),
            Snapshots = Of<EbsSnapshot>(),
            Instances = Of<Instance>(),
            RegionSettings = Of<RegionSettings>(),
            Buckets = Of<Bucket>(),
            AccountPublicAccessBlocks = Of<AccountPublicAccessBlock>(),
            KmsKeys = Of<KmsKey>(),
            LogGroups = Of<LogGroup>(),
            GuardDutyDetectors = Of<GuardDutyDetector>(),
            SnsTopics = Of<SnsTopic>(),
            Secrets = Of<Secret>(),
            DynamoDbTables = Of<DynamoDbTable>(),
            Trails = Of<Trail>(),
            ConfigurationRecorders = Of<ConfigurationRecorder>(),
            PasswordPolicies = Of<PasswordPolicy>(),
            LambdaFunctions = Of<LambdaFunction>(),
            EventsRules = Of<EventsRule>(),
            EventBuses = Of<EventBus>(),
            CollectionErrors = _errors
                .OrderBy(e => e.Region, StringComparer.Ordinal).ThenBy(e => e.Service, StringComparer.Ordinal)
                .ThenBy(e => e.Operation, StringComparer.Ordinal).ThenBy(e => e.ResourceId, StringComparer.Ordinal)
                .ToList(),
        };
    }
}
