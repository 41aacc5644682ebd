using Compliance.Checker.Engine;
using Compliance.Rules;

namespace Compliance.Checker.Tests.Engine;

public sealed class RuleRegistryTests
{
    [Fact]
    public void Built_in_pack_is_discovered_and_ordered_naturally()
    {
        var ids = RuleRegistry.BuiltIn().Rules.Select(r => r.Descriptor.Id).ToList();

        Assert.Contains(RuleIds.Ec2SecurityGroup2, ids);
        Assert.Equal(ids.Order(RuleIdComparer.Instance), ids);
        Assert.DoesNotContain("Test.Throwing.1", ids);
    }

    [Fact]
    public void Duplicate_id_refuses_to_start_and_names_both_rules()
    {
        var ex = Assert.Throws<RuleRegistryException>(() =>
            RuleRegistry.FromAssemblies([typeof(RuleIds).Assembly, typeof(DuplicateIdRule).Assembly]));

        Assert.Contains("Duplicate rule id: EC2.SecurityGroup.2", ex.Message);
        Assert.Contains(nameof(DuplicateIdRule), ex.Message);
        Assert.Contains("SecurityGroupAdminPortsRestricted", ex.Message);
    }

    [Fact]
    public void Plugin_folder_is_loaded_and_its_duplicates_refused()
    {
        var folder = Directory.CreateTempSubdirectory("compliance-plugins-").FullName;
        File.Copy(typeof(DuplicateIdRule).Assembly.Location, Path.Combine(folder, "Compliance.Checker.Tests.dll"));

        var ex = Assert.Throws<RuleRegistryException>(() => RuleRegistry.Load([folder]));

        Assert.Contains(nameof(DuplicateIdRule), ex.Message);
    }

    [Fact]
    public void Missing_plugin_folder_is_a_clear_error()
    {
        var ex = Assert.Throws<RuleRegistryException>(() => RuleRegistry.Load(["/nonexistent/rules"]));

        Assert.Equal("Rules path '/nonexistent/rules' does not exist.", ex.Message);
    }

    [Theory]
    [InlineData("EC2.SecurityGroup.2", "EC2.SecurityGroup.10", -1)]
    [InlineData("S3.Bucket.9", "S3.Bucket.1", 1)]
    [InlineData("EC2.VPC.1", "EC2.VPCEndpoint.1", -1)]
    public void Rule_ids_compare_numerically_within_a_type(string a, string b, int sign) =>
        Assert.Equal(sign, Math.Sign(RuleIdComparer.Instance.Compare(a, b)));
}
