using Compliance.Rules.IAM;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.IAM.IamFixtures;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.IAM;

public sealed class UserMfaEnabledTests
{
    private readonly UserMfaEnabled _rule = new();

    private static AwsInventory Users() => BaseInventory with
    {
        IamUsers =
        [
            User("pass-console", Credentials(mfa: true)),
            User("pass-keys-only", Credentials(password: false, mfa: true, key1: (true, 10, 1))),
            User("fail-console", Credentials(mfa: false)),
            User("fail-keys-only", Credentials(password: false, mfa: false, key1: (true, 10, 1))),
            User("no-credentials", Credentials(password: false, mfa: false, key1: (false, 100, null))),
            User("not-in-report"),
        ],
    };

    [Fact]
    public void Users_that_can_sign_in_need_mfa()
    {
        var findings = ExactFailing(_rule, Users(), "fail-console", "fail-keys-only");

        Assert.Equal(ComplianceStatus.NotApplicable, StatusOf(findings, "no-credentials"));
        Assert.Equal(ComplianceStatus.Error, StatusOf(findings, "not-in-report"));
        var console = Assert.Single(findings, f => f.Resource.Id == "fail-console");
        Assert.Equal("IAM user fail-console has a console password but no MFA device.", console.Message);
        Assert.Equal(("true", "0", "false"), (console.Evidence["passwordEnabled"], console.Evidence["activeAccessKeys"], console.Evidence["mfaActive"]));
        Assert.Equal(new ResourceRef(ResourceTypes.IamUser, "fail-console", $"arn:aws:iam::{Account}:user/fail-console", "global", Account), console.Resource);
    }

    [Fact]
    public void Console_users_only_leaves_key_only_users_out()
    {
        var findings = Evaluate(_rule, Users(), new Dictionary<string, string> { ["consoleUsersOnly"] = "true" });

        Assert.Equal(ComplianceStatus.NotApplicable, StatusOf(findings, "fail-keys-only"));
        Assert.Equal(ComplianceStatus.Fail, StatusOf(findings, "fail-console"));
    }
}
