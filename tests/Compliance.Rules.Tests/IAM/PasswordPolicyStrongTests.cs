using Compliance.Rules.IAM;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.IAM;

public sealed class PasswordPolicyStrongTests
{
    private readonly PasswordPolicyStrong _rule = new();

    private static PasswordPolicy Strong(string account = Account) => new()
    {
        Id = account,
        Region = "global",
        AccountId = account,
        Configured = true,
        MinimumPasswordLength = 14,
        RequireSymbols = true,
        RequireNumbers = true,
        RequireUppercaseCharacters = true,
        RequireLowercaseCharacters = true,
        AllowUsersToChangePassword = true,
        ExpirePasswords = true,
        MaxPasswordAge = 90,
        PasswordReusePrevention = 24,
        HardExpiry = false,
    };

    private Finding Judge(PasswordPolicy? policy, IReadOnlyDictionary<string, string>? parameters = null) =>
        Assert.Single(Evaluate(_rule, BaseInventory with { PasswordPolicies = policy is null ? [] : [policy] }, parameters));

    [Fact]
    public void A_policy_meeting_every_requirement_passes_on_the_account()
    {
        var finding = Judge(Strong() with { MinimumPasswordLength = 16, MaxPasswordAge = 60 });

        Assert.Equal(ComplianceStatus.Pass, finding.Status);
        Assert.Equal(new ResourceRef(ResourceTypes.Account, Account, null, "global", Account), finding.Resource);
    }

    [Fact]
    public void Each_account_is_judged_on_its_own_policy()
    {
        var inventory = BaseInventory with
        {
            AccountIds = ["111111111111", "222222222222", "333333333333"],
            PasswordPolicies =
            [
                Strong("111111111111"),
                Strong("222222222222") with { MinimumPasswordLength = 8 },
            ],
        };

        var findings = ExactFailing(_rule, inventory, "222222222222");

        Assert.Equal(ComplianceStatus.Pass, StatusOf(findings, "111111111111"));
        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "333333333333"));
    }

    [Fact]
    public void A_missing_policy_record_is_an_error()
    {
        var finding = Judge(null);

        Assert.Equal(ComplianceStatus.Error, finding.Status);
        Assert.Equal($"Account {Account}: the IAM password policy was not collected, so its strength is unknown.", finding.Message);
    }

    [Fact]
    public void No_password_policy_fails_because_aws_defaults_apply()
    {
        var finding = Judge(new PasswordPolicy { Id = Account, Region = "global", AccountId = Account, Configured = false });

        Assert.Equal(ComplianceStatus.Fail, finding.Status);
        Assert.Equal($"Account {Account} has no IAM password policy, so the AWS default policy applies, which prevents no password reuse and never expires passwords.", finding.Message);
    }

    [Theory]
    [InlineData("length", "minimum length is 12, below 14")]
    [InlineData("no-reuse", "password reuse is not prevented (24 previous passwords required)")]
    [InlineData("low-reuse", "only 5 previous passwords are remembered, fewer than 24")]
    [InlineData("never-expires", "passwords never expire (at most 90 days required)")]
    [InlineData("long-expiry", "passwords expire after 365 days, more than 90")]
    [InlineData("no-symbols", "symbols are not required")]
    [InlineData("no-numbers", "numbers are not required")]
    [InlineData("no-uppercase", "uppercase letters are not required")]
    [InlineData("no-lowercase", "lowercase letters are not required")]
    public void Each_weakness_fails_with_its_reason(string weakness, string reason)
    {
        var policy = weakness switch
        {
            "length" => Strong() with { MinimumPasswordLength = 12 },
            "no-reuse" => Strong() with { PasswordReusePrevention = null },
            "low-reuse" => Strong() with { PasswordReusePrevention = 5 },
            "never-expires" => Strong() with { ExpirePasswords = false, MaxPasswordAge = null },
            "long-expiry" => Strong() with { MaxPasswordAge = 365 },
            "no-symbols" => Strong() with { RequireSymbols = false },
            "no-numbers" => Strong() with { RequireNumbers = false },
            "no-uppercase" => Strong() with { RequireUppercaseCharacters = false },
            "no-lowercase" => Strong() with { RequireLowercaseCharacters = false },
            _ => throw new ArgumentOutOfRangeException(nameof(weakness)),
        };

        var finding = Judge(policy);

        Assert.Equal(ComplianceStatus.Fail, finding.Status);
        Assert.Equal($"The IAM password policy of account {Account} is too weak: {reason}.", finding.Message);
    }

    [Fact]
    public void Parameters_relax_or_tighten_the_requirements()
    {
        var noExpiryNoSymbols = Strong() with { ExpirePasswords = false, MaxPasswordAge = null, RequireSymbols = false };
        var relaxed = new Dictionary<string, string> { ["maxPasswordAgeDays"] = "0", ["requireSymbols"] = "false" };

        Assert.Equal(ComplianceStatus.Pass, Judge(noExpiryNoSymbols, relaxed).Status);
        Assert.Equal(ComplianceStatus.Fail, Judge(noExpiryNoSymbols).Status);
        Assert.Equal(ComplianceStatus.Fail, Judge(Strong(), new Dictionary<string, string> { ["minimumLength"] = "16" }).Status);
    }

    [Fact]
    public void Failure_lists_every_unmet_requirement_with_evidence()
    {
        var weak = Strong() with
        {
            MinimumPasswordLength = 8,
            RequireSymbols = false,
            PasswordReusePrevention = null,
            ExpirePasswords = false,
            MaxPasswordAge = null,
        };

        var finding = Judge(weak);

        Assert.Equal(ComplianceStatus.Fail, finding.Status);
        Assert.Equal(
            $"The IAM password policy of account {Account} is too weak: minimum length is 8, below 14; symbols are not required; "
            + "password reuse is not prevented (24 previous passwords required); passwords never expire (at most 90 days required).",
            finding.Message);
        Assert.Equal("8", finding.Evidence["minimumPasswordLength"]);
        Assert.Equal("false", finding.Evidence["requireSymbols"]);
        Assert.Equal("none", finding.Evidence["passwordReusePrevention"]);
        Assert.Equal("none", finding.Evidence["maxPasswordAge"]);
    }
}
