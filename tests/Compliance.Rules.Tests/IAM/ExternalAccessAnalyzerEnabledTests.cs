using Compliance.Rules.IAM;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.IAM;

public sealed class ExternalAccessAnalyzerEnabledTests
{
    private readonly ExternalAccessAnalyzerEnabled _rule = new();

    private static AccessAnalyzer Analyzer(string name, string region, string type = "ACCOUNT", string? status = "ACTIVE") => new()
    {
        Id = name, Region = region, AccountId = Account, Arn = $"arn:aws:access-analyzer:{region}:{Account}:analyzer/{name}", Type = type, Status = status,
    };

    private static ComplianceStatus In(IReadOnlyList<Finding> findings, string region) => Assert.Single(findings, f => f.Resource.Region == region).Status;

    [Fact]
    public void Each_region_needs_its_own_active_external_access_analyzer()
    {
        var findings = Evaluate(_rule, BaseInventory with { AccessAnalyzers = [Analyzer("ConsoleAnalyzer-account", Region)] });

        Assert.Equal(2, findings.Count);
        Assert.Equal(ComplianceStatus.Pass, In(findings, Region));
        var missing = Assert.Single(findings, f => f.Resource.Region == OtherRegion);
        Assert.Equal(ComplianceStatus.Fail, missing.Status);
        Assert.Equal($"Account {Account} in {OtherRegion} has no IAM Access Analyzer for external access.", missing.Message);
        Assert.Equal(new ResourceRef(ResourceTypes.Account, Account, null, OtherRegion, Account), missing.Resource);
    }

    [Fact]
    public void Unused_access_analyzers_do_not_count_and_a_failed_one_fails()
    {
        var findings = Evaluate(_rule, BaseInventory with
        {
            AccessAnalyzers = [Analyzer("UnusedAccess-ConsoleAnalyzer", Region, "ACCOUNT_UNUSED_ACCESS"), Analyzer("org", OtherRegion, "ORGANIZATION", "FAILED")],
        });

        Assert.Equal(ComplianceStatus.Fail, In(findings, Region));
        var failed = Assert.Single(findings, f => f.Resource.Region == OtherRegion);
        Assert.Equal(ComplianceStatus.Fail, failed.Status);
        Assert.Equal("org:ORGANIZATION:FAILED", failed.Evidence["externalAccessAnalyzers"]);
    }

    [Fact]
    public void An_organization_analyzer_counts() =>
        Assert.Equal(ComplianceStatus.Pass, In(Evaluate(_rule, BaseInventory with { AccessAnalyzers = [Analyzer("org", Region, "ORGANIZATION")] }), Region));

    [Fact]
    public void A_failed_listing_or_an_unknown_status_is_an_error()
    {
        var error = new CollectionError
        {
            Service = "accessanalyzer", Operation = "ListAnalyzers", Region = Region, AccountId = Account, ResourceType = ResourceTypes.AccessAnalyzer,
            ErrorCode = "AccessDeniedException", Message = "not authorized",
        };
        var findings = Evaluate(_rule, BaseInventory with { CollectionErrors = [error], AccessAnalyzers = [Analyzer("a", OtherRegion, status: null)] });

        Assert.Equal(ComplianceStatus.Error, In(findings, Region));
        Assert.Equal(ComplianceStatus.Error, In(findings, OtherRegion));
    }
}
