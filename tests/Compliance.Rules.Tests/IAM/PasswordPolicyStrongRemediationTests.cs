using Compliance.Rules.IAM;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.RemediationAssert;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.IAM;

public sealed class PasswordPolicyStrongRemediationTests
{
    private readonly PasswordPolicyStrong _rule = new();
    private readonly PasswordPolicyStrongRemediation _remediation = new();

    private static AwsInventory With(PasswordPolicy policy) => BaseInventory with { PasswordPolicies = [policy] };

    private static PasswordPolicy Policy(bool configured = true) => new()
    {
        Id = Account, Region = "global", AccountId = Account, Configured = configured,
        MinimumPasswordLength = configured ? 8 : 0, AllowUsersToChangePassword = false,
    };

    [Fact]
    public void An_account_without_a_policy_gets_every_required_setting_and_may_change_passwords()
    {
        var plan = PlanFor(_rule, _remediation, With(Policy(configured: false)), Account);

        IsSingleCall(plan, "iam:UpdateAccountPasswordPolicy", new Dictionary<string, string>
        {
            ["Region"] = "global", ["MinimumPasswordLength"] = "14", ["RequireSymbols"] = "true", ["RequireNumbers"] = "true",
            ["RequireUppercaseCharacters"] = "true", ["RequireLowercaseCharacters"] = "true", ["AllowUsersToChangePassword"] = "true",
            ["MaxPasswordAge"] = "90", ["PasswordReusePrevention"] = "24", ["HardExpiry"] = "false",
        });
        DeclaresItsActions(_remediation, plan!);
        Assert.Equal(new ResourceRef(ResourceTypes.Account, Account, null, "global", Account), plan!.Resource);
    }

    [Fact]
    public void Stricter_settings_are_kept_and_the_summary_shows_only_what_changes()
    {
        var strict = Policy() with
        {
            MinimumPasswordLength = 20, RequireSymbols = true, RequireNumbers = true, ExpirePasswords = true, MaxPasswordAge = 60,
            PasswordReusePrevention = 12, HardExpiry = true, AllowUsersToChangePassword = true,
        };

        var plan = PlanFor(_rule, _remediation, With(strict), Account);

        IsSingleCall(plan, "iam:UpdateAccountPasswordPolicy", new Dictionary<string, string>
        {
            ["Region"] = "global", ["MinimumPasswordLength"] = "20", ["RequireSymbols"] = "true", ["RequireNumbers"] = "true",
            ["RequireUppercaseCharacters"] = "true", ["RequireLowercaseCharacters"] = "true", ["AllowUsersToChangePassword"] = "true",
            ["MaxPasswordAge"] = "60", ["PasswordReusePrevention"] = "24", ["HardExpiry"] = "true",
        });
        Assert.Equal(
            $"Update the IAM password policy of account {Account}: RequireUppercaseCharacters false → true, RequireLowercaseCharacters false → true, PasswordReusePrevention 12 → 24; every other setting stays as it is.",
            plan!.Summary);
    }

    [Fact]
    public void Starting_expiry_lets_users_change_their_own_password_otherwise_that_setting_is_kept()
    {
        var noExpiry = PlanFor(_rule, _remediation, With(Policy()), Account)!;
        Assert.Equal("true", noExpiry.Actions[0].Parameters["AllowUsersToChangePassword"]);

        var expiring = Policy() with { ExpirePasswords = true, MaxPasswordAge = 30 };
        Assert.Equal("false", PlanFor(_rule, _remediation, With(expiring), Account)!.Actions[0].Parameters["AllowUsersToChangePassword"]);
    }

    [Fact]
    public void Parameter_overrides_of_the_rule_are_what_the_plan_applies()
    {
        var finding = Assert.Single(Evaluate(_rule, With(Policy()), new Dictionary<string, string>
        {
            ["minimumLength"] = "16", ["maxPasswordAgeDays"] = "0", ["passwordReusePrevention"] = "5", ["requireSymbols"] = "false",
        }));

        var plan = _remediation.Plan(finding, With(Policy()));

        Assert.NotNull(plan);
        var parameters = plan.Actions[0].Parameters;
        Assert.Equal(("16", "false", "5"), (parameters["MinimumPasswordLength"], parameters["RequireSymbols"], parameters["PasswordReusePrevention"]));
        Assert.False(parameters.ContainsKey("MaxPasswordAge")); // expiry not required and not set: left off
    }

    [Fact]
    public void No_plan_without_a_fail_or_without_the_collected_policy()
    {
        var strong = Policy() with
        {
            MinimumPasswordLength = 14, RequireSymbols = true, RequireNumbers = true, RequireUppercaseCharacters = true, RequireLowercaseCharacters = true,
            ExpirePasswords = true, MaxPasswordAge = 90, PasswordReusePrevention = 24,
        };
        Assert.Null(PlanFor(_rule, _remediation, With(strong), Account));

        var failing = Assert.Single(Evaluate(_rule, With(Policy())));
        var decision = _remediation.Decide(failing, BaseInventory);
        Assert.Null(decision.Plan);
        Assert.Equal($"the password policy of account {Account} was not collected", decision.Reason);
    }
}
