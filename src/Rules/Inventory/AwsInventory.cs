namespace Compliance.Rules.Inventory;

/// <summary>Everything the rules judge: typed, immutable records per resource type, and what could not be collected.</summary>
public sealed record AwsInventory
{
    /// <summary>The accounts covered.</summary>
    public IReadOnlyList<string> AccountIds { get; init; } = [];

    /// <summary>The regions covered; region-wide rules judge each of them.</summary>
    public IReadOnlyList<string> Regions { get; init; } = [];

    /// <summary>
    /// When the inventory was read: the instant age-based rules (days since last use, overdue rotations and findings)
    /// measure from, so a snapshot is judged as of its collection. Null when unknown. A snapshot file keeps it at its
    /// top level (<c>collectedAt</c>), so it is not written inside the inventory.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public DateTimeOffset? CollectedAt { get; init; }

    public IReadOnlyList<Vpc> Vpcs { get; init; } = [];
    public IReadOnlyList<Subnet> Subnets { get; init; } = [];
    public IReadOnlyList<RouteTable> RouteTables { get; init; } = [];
    public IReadOnlyList<SecurityGroup> SecurityGroups { get; init; } = [];
    public IReadOnlyList<NetworkAcl> NetworkAcls { get; init; } = [];
    public IReadOnlyList<FlowLog> FlowLogs { get; init; } = [];
    public IReadOnlyList<VpcEndpoint> VpcEndpoints { get; init; } = [];
    public IReadOnlyList<Volume> Volumes { get; init; } = [];
    public IReadOnlyList<EbsSnapshot> Snapshots { get; init; } = [];
    public IReadOnlyList<Instance> Instances { get; init; } = [];
    public IReadOnlyList<RegionSettings> RegionSettings { get; init; } = [];
    public IReadOnlyList<Bucket> Buckets { get; init; } = [];
    public IReadOnlyList<AccountPublicAccessBlock> AccountPublicAccessBlocks { get; init; } = [];
    public IReadOnlyList<KmsKey> KmsKeys { get; init; } = [];
    public IReadOnlyList<LogGroup> LogGroups { get; init; } = [];
    public IReadOnlyList<GuardDutyDetector> GuardDutyDetectors { get; init; } = [];
    public IReadOnlyList<SnsTopic> SnsTopics { get; init; } = [];
    public IReadOnlyList<Secret> Secrets { get; init; } = [];
    public IReadOnlyList<DynamoDbTable> DynamoDbTables { get; init; } = [];
    public IReadOnlyList<Trail> Trails { get; init; } = [];
    public IReadOnlyList<ConfigurationRecorder> ConfigurationRecorders { get; init; } = [];
    public IReadOnlyList<PasswordPolicy> PasswordPolicies { get; init; } = [];
    public IReadOnlyList<ApiGatewayRestApi> ApiGatewayRestApis { get; init; } = [];
    public IReadOnlyList<ApiGatewayMethod> ApiGatewayMethods { get; init; } = [];
    public IReadOnlyList<ApiGatewayStage> ApiGatewayStages { get; init; } = [];
    public IReadOnlyList<ApiGatewayUsagePlan> ApiGatewayUsagePlans { get; init; } = [];
    public IReadOnlyList<MetricFilter> MetricFilters { get; init; } = [];
    public IReadOnlyList<CloudWatchAlarm> CloudWatchAlarms { get; init; } = [];
    public IReadOnlyList<ConfigDeliveryChannel> ConfigDeliveryChannels { get; init; } = [];
    public IReadOnlyList<ConfigRule> ConfigRules { get; init; } = [];
    public IReadOnlyList<RootUser> RootUsers { get; init; } = [];
    public IReadOnlyList<IamUser> IamUsers { get; init; } = [];
    public IReadOnlyList<IamGroup> IamGroups { get; init; } = [];
    public IReadOnlyList<IamRole> IamRoles { get; init; } = [];
    public IReadOnlyList<IamManagedPolicy> IamManagedPolicies { get; init; } = [];
    public IReadOnlyList<AccessAnalyzer> AccessAnalyzers { get; init; } = [];
    public IReadOnlyList<VpcBlockPublicAccessOptions> VpcBlockPublicAccessOptions { get; init; } = [];
    public IReadOnlyList<BackupVault> BackupVaults { get; init; } = [];

    /// <summary>Resources AWS Backup has backed up, with their latest backup; facts about other resources, not resources.</summary>
    public IReadOnlyList<BackupProtectedResource> BackupProtectedResources { get; init; } = [];
    public IReadOnlyList<LambdaFunction> LambdaFunctions { get; init; } = [];
    public IReadOnlyList<EventsRule> EventsRules { get; init; } = [];
    public IReadOnlyList<EventBus> EventBuses { get; init; } = [];

    /// <summary>Calls that failed; the data they would have brought is missing.</summary>
    public IReadOnlyList<CollectionError> CollectionErrors { get; init; } = [];

    /// <summary>Every resource record, of every type.</summary>
    public IEnumerable<AwsResource> AllResources() =>
        Enumerable.Empty<AwsResource>()
            .Concat(Vpcs).Concat(Subnets).Concat(RouteTables).Concat(SecurityGroups).Concat(NetworkAcls)
            .Concat(FlowLogs).Concat(VpcEndpoints).Concat(Volumes).Concat(Snapshots).Concat(Instances)
            .Concat(RegionSettings).Concat(Buckets).Concat(AccountPublicAccessBlocks).Concat(KmsKeys)
            .Concat(LogGroups).Concat(GuardDutyDetectors).Concat(SnsTopics).Concat(Secrets)
            .Concat(DynamoDbTables).Concat(Trails).Concat(ConfigurationRecorders).Concat(PasswordPolicies)
            .Concat(ApiGatewayRestApis).Concat(ApiGatewayMethods).Concat(ApiGatewayStages).Concat(ApiGatewayUsagePlans)
            .Concat(MetricFilters).Concat(CloudWatchAlarms).Concat(ConfigDeliveryChannels).Concat(ConfigRules)
            .Concat(RootUsers).Concat(IamUsers).Concat(IamGroups).Concat(IamRoles).Concat(IamManagedPolicies).Concat(AccessAnalyzers)
            .Concat(VpcBlockPublicAccessOptions).Concat(BackupVaults)
            .Concat(LambdaFunctions).Concat(EventsRules).Concat(EventBuses);

    /// <summary>The instant ages are measured from: <see cref="CollectedAt"/>, or now when that is unknown.</summary>
    public DateTimeOffset AsOf() => CollectedAt ?? DateTimeOffset.UtcNow;

    /// <summary>Every (account, region) pair covered, for rules judged per region.</summary>
    public IEnumerable<(string AccountId, string Region)> AccountRegions() =>
        AccountIds.SelectMany(account => Regions.Select(region => (account, region)));
}
