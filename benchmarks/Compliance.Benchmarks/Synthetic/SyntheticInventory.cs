using Compliance.Rules.Inventory;

namespace Compliance.Benchmarks.Synthetic;

/// <summary>
/// Deterministic synthetic inventories of a stated size, shaped like a real account: VPC blocks (subnets per tier,
/// route tables, network ACLs, a flow log, endpoints, security groups with several rules each, some open to the
/// internet and many naming other groups) plus the storage, keys, logs, topics, secrets and tables beside them,
/// spread over 2 (≤ 1,000 resources), 3 (≤ 10,000) or 4 regions, with a few percent of every type drifted so every
/// rule yields PASS and FAIL. The same size and seed always give the same inventory.
/// </summary>
public static class SyntheticInventory
{
    /// <summary>The seed of the published numbers.</summary>
    public const int DefaultSeed = 20261122;

    /// <summary>The single account of every synthetic inventory.</summary>
    public const string Account = "123456789012";

    /// <summary>The regions, in the order they are filled.</summary>
    public static IReadOnlyList<string> AllRegions { get; } = ["eu-west-1", "us-east-1", "eu-central-1", "ap-southeast-2"];

    /// <summary>The inventory of exactly <paramref name="resources"/> records (at least <see cref="SyntheticMix.Minimum"/>).</summary>
    public static AwsInventory Generate(int resources, int seed = DefaultSeed)
    {
        var mix = SyntheticMix.For(resources);
        var builder = new SyntheticBuilder(mix, new Random(seed));
        return builder.Build();
    }
}

/// <summary>
/// How many records of each type an inventory of a given size holds: per 100 resources one VPC block of
/// 1 VPC, 6 subnets, 3 route tables, 2 network ACLs, 1 flow log, 10 VPC endpoints, 20 security groups, 8 instances,
/// 10 volumes, 4 snapshots, 8 buckets, 8 log groups, 3 KMS keys, 4 topics, 5 secrets and 7 tables; plus per region
/// the EBS settings, a Config recorder and a GuardDuty detector, and per account one trail, the S3 account block and
/// the password policy. Volumes absorb the difference so the total is exact.
/// </summary>
public sealed record SyntheticMix
{
    /// <summary>The smallest size: one VPC block.</summary>
    public const int Minimum = 100;

    public required int Total { get; init; }
    public required IReadOnlyList<string> Regions { get; init; }
    public required int Blocks { get; init; }
    public int Vpcs => Blocks;
    public int Subnets => Blocks * 6;
    public int RouteTables => Blocks * 3;
    public int NetworkAcls => Blocks * 2;
    public int FlowLogs => Blocks;
    public int VpcEndpoints => Blocks * 10;
    public int SecurityGroups => Blocks * 20;
    public int Instances => Blocks * 8;
    public required int Volumes { get; init; }
    public int Snapshots => Blocks * 4;
    public int Buckets => Blocks * 8;
    public int LogGroups => Blocks * 8;
    public int KmsKeys => Blocks * 3;
    public int SnsTopics => Blocks * 4;
    public int Secrets => Blocks * 5;
    public int DynamoDbTables => Blocks * 7;
    public int RegionSettings => Regions.Count;
    public int ConfigurationRecorders => Regions.Count;
    public int GuardDutyDetectors => Regions.Count;
    public int Trails => 1;
    public int AccountPublicAccessBlocks => 1;
    public int PasswordPolicies => 1;

    /// <summary>The mix for a size.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than <see cref="Minimum"/> resources.</exception>
    public static SyntheticMix For(int resources)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(resources, Minimum);
        var regionCount = resources <= 1_000 ? 2 : resources <= 10_000 ? 3 : 4;
        var regions = SyntheticInventory.AllRegions.Take(regionCount).ToList();
        var blocks = resources / 100;
        var fixedPerAccount = 3 * regionCount + 3;
        return new SyntheticMix
        {
            Total = resources,
            Regions = regions,
            Blocks = blocks,
            Volumes = blocks * 10 + (resources - blocks * 100) - fixedPerAccount,
        };
    }
}
