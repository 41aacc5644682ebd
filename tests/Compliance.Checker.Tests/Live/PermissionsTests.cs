using Compliance.Checker.Live.Collection;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Tests.Live;

public sealed class PermissionsTests
{
    /// <summary>
    /// Read actions whose names do not say so: GenerateCredentialReport only asks IAM to build the report that
    /// GetCredentialReport reads (the Service Authorization Reference lists it as a Read action).
    /// </summary>
    // Read actions AWS names otherwise: GenerateCredentialReport builds the report GetCredentialReport reads; API Gateway
    // names its only read action by HTTP verb.
    private static readonly IReadOnlySet<string> ReadActionsNamedOtherwise = new HashSet<string> { "iam:GenerateCredentialReport", "apigateway:GET" };

    [Fact]
    public void Every_collector_declares_only_read_only_actions()
    {
        Assert.All(CollectorCatalog.All, c =>
        {
            Assert.NotEmpty(c.Permissions);
            Assert.All(c.Permissions, p =>
            {
                Assert.Matches(@"^[a-z0-9]+:[A-Z][A-Za-z]+$", p.Key);
                if (!ReadActionsNamedOtherwise.Contains(p.Value))
                {
                    Assert.Matches(@"^[a-z0-9-]+:(Describe|Get|List)[A-Za-z]+$", p.Value);
                }
            });
        });
    }

    [Fact]
    public void Every_inventory_type_has_exactly_one_collector()
    {
        var produced = CollectorCatalog.All.SelectMany(c => c.Produces).ToList();

        Assert.Equal(produced.Count, produced.Distinct().Count());
        Assert.All(CollectionScope.Everything.Types.Where(t => t != ResourceTypes.Account), t => Assert.Contains(t, produced));
    }

    [Fact]
    public async Task A_call_the_collector_did_not_declare_is_refused_as_a_defect()
    {
        using var session = new FakeAws().Session();
        var context = new CollectorContext
        {
            Session = session, Region = "eu-west-1", Regions = ["eu-west-1"], AccountId = CollectorHarness.Account,
            Scope = CollectionScope.Everything, Builder = new InventoryBuilder(), Permissions = new Dictionary<string, string> { ["logs:DescribeLogGroups"] = "logs:DescribeLogGroups" },
        };

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            context.CallAsync("logs", "PutRetentionPolicy", ResourceTypes.LogGroup, _ => Task.FromResult(new object()), CancellationToken.None));

        Assert.Contains("logs:PutRetentionPolicy is called but not declared", ex.Message);
    }

    [Fact]
    public void The_scan_policy_maps_s3_operations_to_their_iam_actions() =>
        Assert.Superset(
            new HashSet<string> { "s3:ListAllMyBuckets", "s3:GetEncryptionConfiguration", "s3:GetBucketPublicAccessBlock", "s3:GetAccountPublicAccessBlock", "ec2:DescribeRegions" },
            CollectorCatalog.ReadOnlyActions().ToHashSet());
}
