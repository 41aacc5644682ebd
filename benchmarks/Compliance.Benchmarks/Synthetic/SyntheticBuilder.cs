using System.Globalization;
using Compliance.Rules.Inventory;

namespace Compliance.Benchmarks.Synthetic;

/// <summary>Fills one inventory block by block; the network half is in SyntheticBuilder.Network.cs, the rest in SyntheticBuilder.Data.cs.</summary>
internal sealed partial class SyntheticBuilder(SyntheticMix mix, Random random)
{
    private const string Account = SyntheticInventory.Account;
    private const string OtherAccount = "210987654321";
    private const string AdminCidr = "203.0.113.0/24";
    private long _serial;

    private readonly List<Vpc> _vpcs = new(mix.Vpcs);
    private readonly List<Subnet> _subnets = new(mix.Subnets);
    private readonly List<RouteTable> _routeTables = new(mix.RouteTables);
    private readonly List<NetworkAcl> _networkAcls = new(mix.NetworkAcls);
    private readonly List<FlowLog> _flowLogs = new(mix.FlowLogs);
    private readonly List<VpcEndpoint> _endpoints = new(mix.VpcEndpoints);
    private readonly List<SecurityGroup> _groups = new(mix.SecurityGroups);
    private readonly List<Instance> _instances = new(mix.Instances);
    private readonly List<Volume> _volumes = new(mix.Volumes);
    private readonly List<EbsSnapshot> _snapshots = new(mix.Snapshots);
    private readonly List<Bucket> _buckets = new(mix.Buckets);
    private readonly List<LogGroup> _logGroups = new(mix.LogGroups);
    private readonly List<KmsKey> _keys = new(mix.KmsKeys);
    private readonly List<SnsTopic> _topics = new(mix.SnsTopics);
    private readonly List<Secret> _secrets = new(mix.Secrets);
    private readonly List<DynamoDbTable> _tables = new(mix.DynamoDbTables);

    /// <summary>What one block's resources refer to: its keys, log bucket and flow-log group.</summary>
    private sealed record BlockKeys(string Region, string DataKeyArn, string LogsKeyArn, string SecretsKeyArn, string LogBucket, string FlowLogGroup);

    public AwsInventory Build()
    {
        var blocks = new List<BlockKeys>(mix.Blocks);
        for (var b = 0; b < mix.Blocks; b++)
        {
            var region = mix.Regions[b % mix.Regions.Count];
            var keys = AddKeys(b, region);
            var logBucket = $"synthetic-logs-{b.ToString(CultureInfo.InvariantCulture)}-{Account}-{region}";
            var flowLogGroup = $"/aws/vpc/flow-logs/block-{b.ToString(CultureInfo.InvariantCulture)}";
            var block = new BlockKeys(region, keys[0], keys[1], keys[2], logBucket, flowLogGroup);
            blocks.Add(block);
            AddNetwork(b, block);
            AddStorage(b, block);
            AddServices(block);
        }

        for (var v = 0; v < mix.Volumes; v++)
        {
            AddVolume(blocks[v % blocks.Count], v);
        }

        return new AwsInventory
        {
            AccountIds = [Account],
            Regions = mix.Regions,
            Vpcs = _vpcs,
            Subnets = _subnets,
            RouteTables = _routeTables,
            SecurityGroups = _groups,
            NetworkAcls = _networkAcls,
            FlowLogs = _flowLogs,
            VpcEndpoints = _endpoints,
            Volumes = _volumes,
            Snapshots = _snapshots,
            Instances = _instances,
            RegionSettings = mix.Regions.Select((r, i) => new RegionSettings
            {
                Id = Account, Region = r, AccountId = Account,
                EbsEncryptionByDefault = i < mix.Regions.Count - 1, // the newest region was never switched on
                EbsDefaultKmsKeyId = i < mix.Regions.Count - 1 ? blocks[i].DataKeyArn : null,
            }).ToList(),
            Buckets = _buckets,
            // RestrictPublicBuckets is off at the account level, so a bucket that drops its own block and publishes a policy is public.
            AccountPublicAccessBlocks = [new AccountPublicAccessBlock { Id = Account, Region = "global", AccountId = Account, Settings = new PublicAccessBlock(true, true, true, false) }],
            KmsKeys = _keys,
            LogGroups = _logGroups,
            GuardDutyDetectors = mix.Regions.Select(Detector).ToList(),
            SnsTopics = _topics,
            Secrets = _secrets,
            DynamoDbTables = _tables,
            Trails = [Trail(blocks[0])],
            ConfigurationRecorders = mix.Regions.Select(Recorder).ToList(),
            PasswordPolicies = [PasswordPolicy()],
        };
    }

    private string NextId(string prefix) => $"{prefix}-{(++_serial).ToString("x17", CultureInfo.InvariantCulture)}";

    private bool Chance(double probability) => random.NextDouble() < probability;

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Tags(string name, string? tier = null, string? purpose = null)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Owner"] = "platform-security",
            ["Environment"] = "prod",
            ["CostCenter"] = "cc-1042",
            ["Name"] = name,
        };
        if (tier is not null)
        {
            tags["Tier"] = tier;
        }

        if (purpose is not null)
        {
            tags["Purpose"] = purpose;
        }

        return tags;
    }

    private static PolicyStatement Allow(PolicyPrincipal principal, IReadOnlyList<string> actions, IReadOnlyList<string> resources, params PolicyCondition[] conditions) =>
        new() { Effect = "Allow", Principal = principal, Actions = actions, Resources = resources, Conditions = conditions };

    private static PolicyStatement Deny(IReadOnlyList<string> actions, IReadOnlyList<string> resources, params PolicyCondition[] conditions) =>
        new() { Effect = "Deny", Principal = Everyone, Actions = actions, Resources = resources, Conditions = conditions };

    private static PolicyPrincipal Everyone { get; } = new(true, new Dictionary<string, IReadOnlyList<string>>());

    private static PolicyPrincipal Aws(string arn) =>
        new(false, new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase) { ["AWS"] = [arn] });
}
