using Compliance.Rules.IAM;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.IAM.IamFixtures;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.IAM;

public sealed class UserCredentialsUsedAndRotatedTests
{
    private readonly UserCredentialsUsedAndRotated _rule = new();

    [Fact]
    public void Unused_passwords_and_keys_and_old_keys_fail_counted_from_the_report_time()
    {
        var inventory = BaseInventory with
        {
            IamUsers =
            [
                User("pass-recent", Credentials(passwordUsedDaysAgo: 44, key1: (true, 90, 1))),
                User("pass-inactive-old-key", Credentials(key1: (false, 900, 800))),
                User("pass-no-password", Credentials(password: false, key1: (true, 20, null))),
                User("fail-password-unused", Credentials(passwordUsedDaysAgo: 45)),
                User("fail-password-never-used", Credentials(passwordUsedDaysAgo: null, passwordChangedDaysAgo: 60)),
                User("fail-old-key", Credentials(key2: (true, 91, 1))),
                User("fail-unused-key", Credentials(key1: (true, 50, 46))),
                User("fail-never-used-key", Credentials(password: false, key1: (true, 45, null))),
            ],
        };

        ExactFailing(_rule, inventory, "fail-password-unused", "fail-password-never-used", "fail-old-key", "fail-unused-key", "fail-never-used-key");
    }

    [Fact]
    public void The_message_lists_every_problem_and_the_evidence_the_dates()
    {
        var finding = Assert.Single(Evaluate(_rule, BaseInventory with { IamUsers = [User("fail-both", Credentials(passwordUsedDaysAgo: 100, key1: (true, 200, 60)))] }));

        Assert.Equal("IAM user fail-both: its password was last used 100 days ago; active access key 1 is 200 days old; active access key 1 was last used 60 days ago.", finding.Message);
        Assert.Equal("2025-06-30T12:00:00Z", finding.Evidence["reportGeneratedAt"]);
        Assert.Equal("2024-12-12T12:00:00Z", finding.Evidence["accessKey1LastRotated"]);
    }

    [Fact]
    public void Parameters_change_the_limits() =>
        Assert.Equal(ComplianceStatus.Pass, Assert.Single(Evaluate(_rule, BaseInventory with { IamUsers = [User("u", Credentials(passwordUsedDaysAgo: 80, key1: (true, 100, 1)))] },
            new Dictionary<string, string> { ["maxCredentialUnusedDays"] = "90", ["maxAccessKeyAgeDays"] = "120" })).Status);

    [Fact]
    public void A_user_missing_from_the_report_is_an_error() =>
        Assert.Equal(ComplianceStatus.Error, Assert.Single(Evaluate(_rule, BaseInventory with { IamUsers = [User("new-user")] })).Status);
}
