using System.Text.Json;
using Compliance.Benchmarks.Synthetic;
using Compliance.Checker.Engine;
using Compliance.Checker.Json;
using Compliance.Rules;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Tests.Synthetic;

/// <summary>The benchmarks' inventories: the same for the same size and seed, exactly the stated size and mix, and drifted enough that every rule both passes and fails.</summary>
public sealed class SyntheticInventoryTests
{
    [Fact]
    public void The_same_size_and_seed_give_the_same_inventory_and_another_seed_does_not()
    {
        var first = JsonSerializer.Serialize(SyntheticInventory.Generate(1_000), ComplianceJson.Options);
        var second = JsonSerializer.Serialize(SyntheticInventory.Generate(1_000), ComplianceJson.Options);
        var other = JsonSerializer.Serialize(SyntheticInventory.Generate(1_000, seed: 7), ComplianceJson.Options);

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Theory]
    [InlineData(1_000, 2)]
    [InlineData(10_000, 3)]
    [InlineData(100_000, 4)]
    [InlineData(1_234, 3)]
    public void Every_type_has_its_stated_count_and_the_total_is_exact(int resources, int regions)
    {
        var mix = SyntheticMix.For(resources);
        var inventory = SyntheticInventory.Generate(resources);

        Assert.Equal(resources, inventory.AllResources().Count());
        Assert.Equal(regions, inventory.Regions.Count);
        Assert.Equal(
            [mix.Vpcs, mix.Subnets, mix.RouteTables, mix.NetworkAcls, mix.FlowLogs, mix.VpcEndpoints, mix.SecurityGroups, mix.Instances, mix.Volumes,
             mix.Snapshots, mix.Buckets, mix.LogGroups, mix.KmsKeys, mix.SnsTopics, mix.Secrets, mix.DynamoDbTables, mix.RegionSettings,
             mix.ConfigurationRecorders, mix.GuardDutyDetectors, mix.Trails, mix.AccountPublicAccessBlocks, mix.PasswordPolicies],
            [inventory.Vpcs.Count, inventory.Subnets.Count, inventory.RouteTables.Count, inventory.NetworkAcls.Count, inventory.FlowLogs.Count,
             inventory.VpcEndpoints.Count, inventory.SecurityGroups.Count, inventory.Instances.Count, inventory.Volumes.Count, inventory.Snapshots.Count,
             inventory.Buckets.Count, inventory.LogGroups.Count, inventory.KmsKeys.Count, inventory.SnsTopics.Count, inventory.Secrets.Count,
             inventory.DynamoDbTables.Count, inventory.RegionSettings.Count, inventory.ConfigurationRecorders.Count, inventory.GuardDutyDetectors.Count,
             inventory.Trails.Count, inventory.AccountPublicAccessBlocks.Count, inventory.PasswordPolicies.Count]);
        Assert.Equal(resources / 100 * 20, inventory.SecurityGroups.Count); // a fifth of every block
        Assert.All(inventory.AllResources(), r => Assert.Contains(r.Region, inventory.Regions.Append("global")));
        Assert.Equal(inventory.AllResources().Count(), inventory.AllResources().Select(r => (r.ResourceType, r.Region, r.Id)).Distinct().Count());
    }

    [Fact]
    public void Security_groups_have_several_rules_some_open_to_the_internet_many_naming_other_groups()
    {
        var groups = SyntheticInventory.Generate(10_000).SecurityGroups.Where(g => !g.IsDefault).ToList();
        var ingress = groups.SelectMany(g => g.IngressRules!).ToList();

        Assert.True(groups.Average(g => g.IngressRules!.Count + g.EgressRules!.Count) >= 3.5);
        Assert.InRange(groups.Count(g => g.IngressRules!.Any(r => r.CidrIpv4 == "0.0.0.0/0" && r.FromPort is 22 or 3389)), 1, groups.Count / 10);
        Assert.True(ingress.Count(r => r.ReferencedGroupId is not null) > ingress.Count / 3);
        Assert.All(ingress.Where(r => r.ReferencedGroupId is not null), r => Assert.Contains(groups, g => g.Id == r.ReferencedGroupId));
    }

    /// <summary>
    /// Rules the synthetic mix does not yet give both a passing and a failing shape: six issue-7 rules added after the
    /// generator (backup plans, tier topology, topic TLS policies, secret rotation and use dates, full tag sets), and
    /// S3.Bucket.9, whose synthetic log buckets are all server access log destinations (not judged since that change).
    /// They still run in the benchmarks; extending the generator for them is open work (docs/performance.md).
    /// </summary>
    private static readonly HashSet<string> NotYetShaped =
    [
        "DynamoDB.Table.4", "EC2.Subnet.2", "SNS.Topic.3", "SecretsManager.Secret.2", "SecretsManager.Secret.4", "Tagging.Resource.1", "S3.Bucket.9",
    ];

    [Fact]
    public void Every_rule_that_judges_resources_both_passes_and_fails_somewhere()
    {
        var inventory = SyntheticInventory.Generate(10_000);
        var findings = new Evaluator().Evaluate(inventory, RuleRegistry.BuiltIn().Rules, SourceKind.Snapshot);
        var perRule = findings.GroupBy(f => f.RuleId).ToDictionary(g => g.Key, g => g.Select(f => f.Status).ToHashSet());

        // Account- and region-wide rules judge a handful of records; the per-resource rules must see both verdicts.
        var perResource = perRule.Where(r => findings.Count(f => f.RuleId == r.Key) >= 50 && !NotYetShaped.Contains(r.Key)).ToList();
        Assert.NotEmpty(perResource);
        Assert.All(perResource, r => Assert.True(r.Value.Contains(ComplianceStatus.Pass) && r.Value.Contains(ComplianceStatus.Fail), $"{r.Key}: {string.Join(",", r.Value)}"));
    }
}
