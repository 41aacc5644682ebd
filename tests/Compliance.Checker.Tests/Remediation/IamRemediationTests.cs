using System.Net;
using Compliance.Checker.Live;
using Compliance.Checker.Tests.Live;
using Compliance.Rules;
using Compliance.Rules.IAM;
using Compliance.Rules.Inventory;
using static Compliance.Checker.Tests.Remediation.RemediationHarness;

namespace Compliance.Checker.Tests.Remediation;

/// <summary>IAM.Account.3 through the IAM handler and our IAM client; bodies as in the IAM API reference.</summary>
public sealed class IamRemediationTests
{
    private static readonly PasswordPolicyStrongRemediation Remediation = new();

    private static Func<FakeRequest, HttpResponseMessage> NoPolicy =>
        IamResponses.Error("NoSuchEntity", "The Password Policy with domain name 123456789012 cannot be found.", HttpStatusCode.NotFound);

    private static Func<FakeRequest, HttpResponseMessage> Policy(int length, bool symbols, int? maxAge, int? reuse, bool allowChange = true) =>
        IamResponses.Response("GetAccountPasswordPolicy", $"""
            <PasswordPolicy>
              <AllowUsersToChangePassword>{(allowChange ? "true" : "false")}</AllowUsersToChangePassword>
              <RequireUppercaseCharacters>true</RequireUppercaseCharacters>
              <RequireSymbols>{(symbols ? "true" : "false")}</RequireSymbols>
              <ExpirePasswords>{(maxAge is null ? "false" : "true")}</ExpirePasswords>
              {(reuse is { } r ? $"<PasswordReusePrevention>{r}</PasswordReusePrevention>" : "")}
              <RequireLowercaseCharacters>true</RequireLowercaseCharacters>
              {(maxAge is { } a ? $"<MaxPasswordAge>{a}</MaxPasswordAge>" : "")}
              <HardExpiry>false</HardExpiry>
              <RequireNumbers>true</RequireNumbers>
              <MinimumPasswordLength>{length}</MinimumPasswordLength>
            </PasswordPolicy>
            """);

    private static readonly Func<FakeRequest, HttpResponseMessage> Updated = IamResponses.Response("UpdateAccountPasswordPolicy", "");

    private static RemediationPlan PlanWithoutPolicy() => Plan(new PasswordPolicyStrong(), Remediation,
        Inventory with { PasswordPolicies = [new PasswordPolicy { Id = Account, Region = "global", AccountId = Account, Configured = false }] });

    private static LiveOptions Options => new() { Regions = [Region] };

    [Fact]
    public async Task An_account_without_a_policy_gets_the_planned_one_verified_and_a_second_apply_changes_nothing()
    {
        var aws = new FakeAws()
            .On("iam", "GetAccountPasswordPolicy", NoPolicy, Policy(14, true, 90, 24))
            .On("iam", "UpdateAccountPasswordPolicy", Updated);
        var plan = PlanWithoutPolicy();

        var first = await Apply(Remediation, plan, aws, Options);
        var second = await Apply(Remediation, plan, aws, Options);

        Assert.True(first.Succeeded, first.Error);
        Assert.Equal(["GetAccountPasswordPolicy", "UpdateAccountPasswordPolicy", "GetAccountPasswordPolicy", "GetAccountPasswordPolicy"], Operations(aws));
        var update = Assert.Single(aws.Calls("iam", "UpdateAccountPasswordPolicy"));
        Assert.Equal(
            "Action=UpdateAccountPasswordPolicy&Version=2010-05-08&MinimumPasswordLength=14&RequireSymbols=true&RequireNumbers=true&RequireUppercaseCharacters=true"
            + "&RequireLowercaseCharacters=true&AllowUsersToChangePassword=true&MaxPasswordAge=90&PasswordReusePrevention=24&HardExpiry=false",
            update.Body);
        Assert.Equal(("iam", "us-east-1"), (update.Service, update.Region));
        Assert.Equal("false", first.Before["Configured"]);
        Assert.Equal(("14", "90", "24"), (first.After["MinimumPasswordLength"], first.After["MaxPasswordAge"], first.After["PasswordReusePrevention"]));
        Assert.True(second.Succeeded);
        Assert.Equal(second.Before, second.After);
    }

    [Fact]
    public async Task A_policy_made_stricter_since_the_scan_is_not_overwritten()
    {
        var aws = new FakeAws()
            .On("iam", "GetAccountPasswordPolicy", Policy(20, false, 30, null))
            .On("iam", "UpdateAccountPasswordPolicy", Updated);

        var outcome = await Apply(Remediation, PlanWithoutPolicy(), aws, Options);

        Assert.False(outcome.Succeeded);
        Assert.Contains("changed since the scan", outcome.Error, StringComparison.Ordinal);
        Assert.Empty(aws.Calls("iam", "UpdateAccountPasswordPolicy"));
    }

    [Fact]
    public async Task A_policy_still_weak_after_the_update_is_not_a_success()
    {
        var aws = new FakeAws()
            .On("iam", "GetAccountPasswordPolicy", NoPolicy, Policy(8, false, null, null))
            .On("iam", "UpdateAccountPasswordPolicy", Updated);

        var outcome = await Apply(Remediation, PlanWithoutPolicy(), aws, Options);

        Assert.False(outcome.Succeeded);
        Assert.StartsWith("Re-verification failed", outcome.Error, StringComparison.Ordinal);
        Assert.Equal("8", outcome.After["MinimumPasswordLength"]);
    }

    [Fact]
    public async Task A_refused_update_is_reported_with_its_code()
    {
        var aws = new FakeAws()
            .On("iam", "GetAccountPasswordPolicy", NoPolicy)
            .On("iam", "UpdateAccountPasswordPolicy", IamResponses.Error("AccessDenied", "not authorized to perform: iam:UpdateAccountPasswordPolicy"));

        var outcome = await Apply(Remediation, PlanWithoutPolicy(), aws, Options);

        Assert.False(outcome.Succeeded);
        Assert.Contains("AccessDenied", outcome.Error, StringComparison.Ordinal);
    }
}
