using Compliance.Rules.EC2;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.EC2;

public sealed class AccountEbsEncryptionByDefaultTests
{
    private readonly AccountEbsEncryptionByDefault _rule = new();

    private static RegionSettings Settings(string region, bool? enabled, string? key = "alias/aws/ebs") => new()
    {
        Id = $"{Account}/{region}",
        Region = region,
        AccountId = Account,
        EbsEncryptionByDefault = enabled,
        EbsDefaultKmsKeyId = key,
    };

    private static ComplianceStatus StatusIn(IReadOnlyList<Finding> findings, string region) =>
        Assert.Single(findings, f => f.Resource.Region == region).Status;

    [Fact]
    public void Each_region_is_judged_on_its_own_setting()
    {
        var inventory = BaseInventory with { RegionSettings = [Settings(Region, true), Settings(OtherRegion, false)] };

        var findings = Evaluate(_rule, inventory);

        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal(new ResourceRef(ResourceTypes.Account, Account, null, f.Resource.Region, Account), f.Resource));
        Assert.Equal(ComplianceStatus.Pass, StatusIn(findings, Region));
        Assert.Equal(ComplianceStatus.Fail, StatusIn(findings, OtherRegion));
    }

    [Fact]
    public void A_missing_record_or_unknown_setting_is_an_error()
    {
        var otherAccount = "210987654321";
        var inventory = BaseInventory with
        {
            AccountIds = [Account, otherAccount],
            RegionSettings =
            [
                Settings(Region, null),
                // The other account's setting must not stand in for this account's missing one.
                Settings(OtherRegion, true) with { AccountId = otherAccount, Id = $"{otherAccount}/{OtherRegion}" },
            ],
        };

        var findings = Evaluate(_rule, inventory);

        Assert.Equal(4, findings.Count);
        Assert.Equal(ComplianceStatus.Error, Assert.Single(findings, f => f.Resource.AccountId == Account && f.Resource.Region == Region).Status);
        var missing = Assert.Single(findings, f => f.Resource.AccountId == Account && f.Resource.Region == OtherRegion);
        Assert.Equal(ComplianceStatus.Error, missing.Status);
        Assert.Contains("not collected", missing.Message);
        Assert.Equal(ComplianceStatus.Pass, Assert.Single(findings, f => f.Resource.AccountId == otherAccount && f.Resource.Region == OtherRegion).Status);
    }

    [Fact]
    public void Findings_carry_the_setting_and_the_default_key()
    {
        var key = $"arn:aws:kms:{Region}:{Account}:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        var inventory = BaseInventory with { Regions = [Region], RegionSettings = [Settings(Region, false, key)] };

        var finding = Assert.Single(Evaluate(_rule, inventory));

        Assert.Equal(ComplianceStatus.Fail, finding.Status);
        Assert.Equal($"Account {Account} has EBS encryption by default disabled in {Region}, so new volumes there can be created unencrypted.", finding.Message);
        Assert.Equal("false", finding.Evidence["ebsEncryptionByDefault"]);
        Assert.Equal(key, finding.Evidence["ebsDefaultKmsKeyId"]);
    }
}
