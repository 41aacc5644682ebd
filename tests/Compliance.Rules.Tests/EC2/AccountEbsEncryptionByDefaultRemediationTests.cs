using Compliance.Rules.EC2;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.RemediationAssert;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.EC2;

public sealed class AccountEbsEncryptionByDefaultRemediationTests
{
    private readonly AccountEbsEncryptionByDefault _rule = new();
    private readonly AccountEbsEncryptionByDefaultRemediation _remediation = new();

    private static RegionSettings Settings(string region, bool? enabled) => new()
    {
        Id = $"{Account}/{region}",
        Region = region,
        AccountId = Account,
        EbsEncryptionByDefault = enabled,
        EbsDefaultKmsKeyId = "alias/aws/ebs",
    };

    private static AwsInventory Inventory(bool? here, bool? there) => BaseInventory with { RegionSettings = [Settings(Region, here), Settings(OtherRegion, there)] };

    [Fact]
    public void A_region_with_the_setting_off_gets_EnableEbsEncryptionByDefault_in_that_region_only()
    {
        var plan = PlanFor(_rule, _remediation, Inventory(true, false), Account, OtherRegion);

        IsSingleCall(plan, "ec2:EnableEbsEncryptionByDefault", new Dictionary<string, string> { ["Region"] = OtherRegion });
        Assert.Equal(new ResourceRef(ResourceTypes.Account, Account, null, OtherRegion, Account), plan!.Resource);
        DeclaresItsActions(_remediation, plan);
    }

    [Fact]
    public void A_region_with_the_setting_on_gets_no_plan() =>
        Assert.Null(PlanFor(_rule, _remediation, Inventory(true, false), Account, Region));

    [Fact]
    public void An_unknown_or_uncollected_setting_gets_no_plan()
    {
        Assert.Null(PlanFor(_rule, _remediation, Inventory(null, false), Account, Region));
        var uncollected = BaseInventory with { RegionSettings = [Settings(Region, false)] };
        Assert.Null(PlanFor(_rule, _remediation, uncollected, Account, OtherRegion));
    }
}
