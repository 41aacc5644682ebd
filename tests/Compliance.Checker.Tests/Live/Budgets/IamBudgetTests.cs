using Compliance.Checker.Live.Collectors;

namespace Compliance.Checker.Tests.Live.Budgets;

public sealed class IamBudgetTests
{
    [Fact]
    public async Task The_password_policy_costs_one_call()
    {
        var aws = new FakeAws().On("iam", "GetAccountPasswordPolicy", FakeAws.Xml("""
            <GetAccountPasswordPolicyResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><GetAccountPasswordPolicyResult><PasswordPolicy>
              <AllowUsersToChangePassword>true</AllowUsersToChangePassword><RequireUppercaseCharacters>true</RequireUppercaseCharacters>
              <RequireSymbols>true</RequireSymbols><ExpirePasswords>false</ExpirePasswords><PasswordReusePrevention>12</PasswordReusePrevention>
              <RequireLowercaseCharacters>true</RequireLowercaseCharacters><MaxPasswordAge>90</MaxPasswordAge><HardExpiry>false</HardExpiry>
              <RequireNumbers>true</RequireNumbers><MinimumPasswordLength>14</MinimumPasswordLength>
            </PasswordPolicy></GetAccountPasswordPolicyResult><ResponseMetadata><RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId></ResponseMetadata></GetAccountPasswordPolicyResponse>
            """));

        var (inventory, calls) = await BudgetHarness.RunAsync(new IamCollector(), aws);

        Assert.Single(inventory.PasswordPolicies);
        BudgetHarness.WithinBudget(ApiBudgets.Iam(), calls, inventory);
    }
}
