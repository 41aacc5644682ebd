using System.Reflection;
using System.Text.RegularExpressions;
using Compliance.Rules;

namespace Compliance.Rules.Tests;

/// <summary>Guards the rule pack as a whole: ids, metadata, docs and tests for every rule.</summary>
public sealed partial class CatalogTests
{
    /// <summary>The 43 rules of the foundation (issue 2); later issues add to the catalog, never remove.</summary>
    private static readonly string[] FoundationIds =
    [
        "EC2.VPC.1", "EC2.VPC.2", "EC2.VPCEndpoint.1", "EC2.RouteTable.1", "EC2.Subnet.1",
        "EC2.SecurityGroup.1", "EC2.SecurityGroup.2", "EC2.SecurityGroup.3", "EC2.SecurityGroup.4", "EC2.SecurityGroup.5",
        "EC2.NetworkAcl.1", "EC2.NetworkAcl.2", "EC2.NetworkAcl.3", "EC2.Volume.1", "EC2.Account.2", "EC2.Snapshot.1",
        "EC2.Instance.1", "EC2.Instance.2", "S3.Account.1", "S3.Bucket.1", "S3.Bucket.2", "S3.Bucket.3", "S3.Bucket.4",
        "S3.Bucket.5", "S3.Bucket.6", "S3.Bucket.7", "S3.Bucket.8", "S3.Bucket.9", "KMS.Key.1", "KMS.Key.2", "KMS.Key.3",
        "KMS.Key.4", "Logs.LogGroup.1", "Logs.LogGroup.2", "GuardDuty.Detector.1", "SNS.Topic.1", "SNS.Topic.2",
        "SecretsManager.Secret.1", "DynamoDB.Table.1", "DynamoDB.Table.2", "CloudTrail.Trail.1",
        "Config.ConfigurationRecorder.1", "IAM.Account.3",
    ];

    public static TheoryData<string> RuleTypes => new(Rules().Select(r => r.GetType().Name));

    private static IReadOnlyList<IComplianceRule> Rules() =>
        typeof(RuleIds).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IComplianceRule).IsAssignableFrom(t))
            .Select(t => (IComplianceRule)Activator.CreateInstance(t)!)
            .ToList();

    private static IComplianceRule Rule(string typeName) => Rules().Single(r => r.GetType().Name == typeName);

    [Fact]
    public void Ids_are_unique_declared_in_RuleIds_and_never_retired_ones()
    {
        var ids = Rules().Select(r => r.Descriptor.Id).ToList();
        var declared = typeof(RuleIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(declared.Count, declared.Distinct().Count());
        Assert.All(ids, id => Assert.Contains(id, declared));
        Assert.All(ids, id => Assert.DoesNotContain(id, RuleIds.Retired));
    }

    [Fact]
    public void The_foundation_rules_all_exist() =>
        Assert.Empty(FoundationIds.Except(Rules().Select(r => r.Descriptor.Id)));

    [Theory]
    [MemberData(nameof(RuleTypes))]
    public void Descriptor_is_complete_and_well_formed(string typeName)
    {
        var rule = Rule(typeName);
        var d = rule.Descriptor;

        Assert.True(rule.GetType().IsSealed, $"{typeName} must be sealed");
        Assert.Matches(IdPattern(), d.Id);
        Assert.InRange(d.Title.Length, 10, 80);
        Assert.False(d.Title.StartsWith("Ensure", StringComparison.OrdinalIgnoreCase), $"{d.Id}: title states the compliant state, not 'Ensure ...'");
        Assert.False(string.IsNullOrWhiteSpace(d.Rationale));
        Assert.True(Enum.IsDefined(d.Severity));
        Assert.NotEmpty(d.ResourceTypes);
        Assert.All(d.ResourceTypes, t => Assert.Matches(@"^AWS::[A-Za-z0-9]*::[A-Za-z0-9]+$", t));
        Assert.All(d.Frameworks, f => Assert.Contains(f.Framework, Frameworks.All));
        Assert.All(d.Frameworks, f => Assert.False(string.IsNullOrWhiteSpace(f.ControlId)));
        Assert.Equal(d.Parameters.Count, d.Parameters.Select(p => p.Name).Distinct().Count());
        Assert.Equal($"docs/rules/{d.Id}.md", d.HelpLink);
    }

    [Theory]
    [MemberData(nameof(RuleTypes))]
    public void Id_derives_from_a_resource_type_it_reads(string typeName)
    {
        var d = Rule(typeName).Descriptor;
        var parts = d.Id.Split('.');
        if (parts[1] == "Account" || parts[0] == "Tagging")
        {
            return; // account- and region-wide settings: <Namespace>.Account.N; cross-cutting rules: a pseudo namespace (Tagging.Resource.N)
        }

        var derived = d.ResourceTypes.Select(t => t.Split("::")).Select(p => $"{p[1]}.{p[2]}");
        Assert.Contains($"{parts[0]}.{parts[1]}", derived);
    }

    [Theory]
    [MemberData(nameof(RuleTypes))]
    public void Every_rule_has_a_doc_page_and_a_test_class(string typeName)
    {
        var d = Rule(typeName).Descriptor;
        var root = RepositoryRoot();

        Assert.True(File.Exists(Path.Combine(root, d.HelpLink)), $"missing {d.HelpLink}");
        Assert.Contains(typeof(CatalogTests).Assembly.GetTypes(), t => t.Name == $"{typeName}Tests");
    }

    [Theory]
    [MemberData(nameof(RuleTypes))]
    public void A_rule_on_an_empty_inventory_yields_nothing_that_passes(string typeName)
    {
        var rule = Rule(typeName);

        var findings = RuleAssert.Evaluate(rule, RuleAssert.BaseInventory);

        Assert.DoesNotContain(findings, f => f.Status == ComplianceStatus.Pass);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Compliance.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Compliance.sln not found");
    }

    [GeneratedRegex(@"^[A-Z][A-Za-z0-9]*\.[A-Z][A-Za-z0-9]*\.[1-9][0-9]*$")]
    private static partial Regex IdPattern();
}
