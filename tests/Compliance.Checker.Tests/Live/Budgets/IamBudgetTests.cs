using Compliance.Checker.Live.Collectors;

namespace Compliance.Checker.Tests.Live.Budgets;

public sealed class IamBudgetTests
{
    [Fact]
    public async Task The_password_policy_alone_costs_one_call()
    {
        var aws = new FakeAws().On("iam", "GetAccountPasswordPolicy", FakeAws.Xml("""
            <GetAccountPasswordPolicyResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><GetAccountPasswordPolicyResult><PasswordPolicy>
              <AllowUsersToChangePassword>true</AllowUsersToChangePassword><RequireUppercaseCharacters>true</RequireUppercaseCharacters>
              <RequireSymbols>true</RequireSymbols><ExpirePasswords>false</ExpirePasswords><PasswordReusePrevention>12</PasswordReusePrevention>
              <RequireLowercaseCharacters>true</RequireLowercaseCharacters><MaxPasswordAge>90</MaxPasswordAge><HardExpiry>false</HardExpiry>
              <RequireNumbers>true</RequireNumbers><MinimumPasswordLength>14</MinimumPasswordLength>
            </PasswordPolicy></GetAccountPasswordPolicyResult><ResponseMetadata><RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId></ResponseMetadata></GetAccountPasswordPolicyResponse>
            """));

        // The principals' calls (credential report, authorization details, roles) are counted in IamCollectorTests.
        var scope = new Compliance.Checker.Live.Collection.CollectionScope { Types = new HashSet<string> { Rules.Inventory.ResourceTypes.PasswordPolicy } };
        var (inventory, calls) = await BudgetHarness.RunAsync(new IamCollector(), aws, scope);

        Assert.Single(inventory.PasswordPolicies);
        BudgetHarness.WithinBudget(ApiBudgets.Iam(), calls, inventory);
    }
}
