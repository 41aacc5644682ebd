using Compliance.Rules.Inventory;
using Compliance.Rules.S3;
using static Compliance.Rules.Tests.RuleAssert;
using static Compliance.Rules.Tests.S3.S3Fixtures;

namespace Compliance.Rules.Tests.S3;

public sealed class AccountPublicAccessBlockedTests
{
    private readonly AccountPublicAccessBlocked _rule = new();

    [Fact]
    public void All_four_settings_pass_and_any_off_fails()
    {
        var inventory = BaseInventory with
        {
            AccountIds = ["pass-111111111111", "fail-222222222222", "fail-333333333333"],
            AccountPublicAccessBlocks =
            [
                AccountBlock(new(true, true, true, true), "pass-111111111111"),
                AccountBlock(new(true, true, true, false), "fail-222222222222"),
                AccountBlock(PublicAccessBlock.None, "fail-333333333333"),
            ],
        };

        var findings = ExactFailing(_rule, inventory, "fail-222222222222", "fail-333333333333");

        Assert.All(findings, f => Assert.Equal(("AWS::::Account", "global"), (f.Resource.Type, f.Resource.Region)));
    }

    [Fact]
    public void A_missing_record_or_unreadable_settings_are_errors()
    {
        var inventory = BaseInventory with
        {
            AccountIds = [Account, "210987654321"],
            AccountPublicAccessBlocks = [AccountBlock(null)],
        };

        var findings = Evaluate(_rule, inventory);

        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, Account));
        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "210987654321"));
        Assert.Contains("not collected", Assert.Single(findings, f => f.Resource.Id == "210987654321").Message);
    }

    [Fact]
    public void Failure_lists_the_disabled_settings()
    {
        var inventory = BaseInventory with { AccountPublicAccessBlocks = [AccountBlock(new(true, false, true, false))] };

        var finding = Assert.Single(Evaluate(_rule, inventory));

        Assert.Equal(ComplianceStatus.Fail, finding.Status);
        Assert.Equal("Account 123456789012 has account-level S3 Block Public Access settings off: IgnorePublicAcls, RestrictPublicBuckets.", finding.Message);
        Assert.Equal("IgnorePublicAcls,RestrictPublicBuckets", finding.Evidence["disabledSettings"]);
        Assert.Equal("false", finding.Evidence["restrictPublicBuckets"]);
    }
}
