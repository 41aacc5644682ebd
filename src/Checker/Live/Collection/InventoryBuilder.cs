using System.Collections.Concurrent;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Live.Collection;

/// <summary>Collects records and errors from concurrent collectors, then builds one deterministic inventory.</summary>
public sealed class InventoryBuilder
{
    private readonly ConcurrentQueue<AwsResource> _resources = new();
    private readonly ConcurrentQueue<CollectionError> _errors = new();
    private readonly ConcurrentQueue<BackupProtectedResource> _protected = new();

    public void Add(AwsResource resource) => _resources.Enqueue(resource);

    public void AddError(CollectionError error) => _errors.Enqueue(error);

    /// <summary>Records a resource AWS Backup protects (a fact about another resource, not a resource record).</summary>
    public void Add(BackupProtectedResource resource) => _protected.Enqueue(resource);

    public IReadOnlyCollection<CollectionError> Errors => _errors;

    /// <summary>
    /// The inventory, every list ordered by region then id, so two collections of the same account compare equal;
    /// stamped with the time it was built (<see cref="AwsInventory.CollectedAt"/>), when collection ended.
    /// </summary>
    public AwsInventory Build(IReadOnlyList<string> accountIds, IReadOnlyList<string> regions, DateTimeOffset? collectedAt = null)
    {
        var all = _resources.OrderBy(r => r.Region, StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
        List<T> Of<T>() where T : AwsResource => all.OfType<T>().ToList();
        return new AwsInventory
        {
            AccountIds = accountIds,
            Regions = regions,
            CollectedAt = collectedAt ?? DateTimeOffset.UtcNow,
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
            ApiGatewayRestApis = Of<ApiGatewayRestApi>(),
            ApiGatewayMethods = Of<ApiGatewayMethod>(),
            ApiGatewayStages = Of<ApiGatewayStage>(),
            ApiGatewayUsagePlans = Of<ApiGatewayUsagePlan>(),
            MetricFilters = Of<MetricFilter>(),
            CloudWatchAlarms = Of<CloudWatchAlarm>(),
            ConfigDeliveryChannels = Of<ConfigDeliveryChannel>(),
            ConfigRules = Of<ConfigRule>(),
            RootUsers = Of<RootUser>(),
            IamUsers = Of<IamUser>(),
            IamGroups = Of<IamGroup>(),
            IamRoles = Of<IamRole>(),
            IamManagedPolicies = Of<IamManagedPolicy>(),
            AccessAnalyzers = Of<AccessAnalyzer>(),
            VpcBlockPublicAccessOptions = Of<VpcBlockPublicAccessOptions>(),
            BackupVaults = Of<BackupVault>(),
            BackupProtectedResources = _protected
                .OrderBy(p => p.Region, StringComparer.Ordinal).ThenBy(p => p.ResourceArn, StringComparer.Ordinal)
                .ToList(),
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
