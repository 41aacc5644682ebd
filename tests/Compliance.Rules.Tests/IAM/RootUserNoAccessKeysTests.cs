using Compliance.Rules.IAM;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.IAM.IamFixtures;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.IAM;

public sealed class RootUserNoAccessKeysTests
{
    private readonly RootUserNoAccessKeys _rule = new();

    private static RootUser Root(bool? keys, CredentialReportEntry? report = null) => new()
    {
        Id = Account, Region = "global", AccountId = Account, MfaEnabled = true, PasswordPresent = true, AccessKeysPresent = keys, VirtualMfaDevices = [], CredentialReport = report,
    };

    private Finding Judge(RootUser? root) => Assert.Single(Evaluate(_rule, BaseInventory with { RootUsers = root is null ? [] : [root] }));

    [Fact]
    public void No_keys_pass_and_keys_fail_with_the_active_count()
    {
        Assert.Equal(ComplianceStatus.Pass, Judge(Root(false)).Status);

        var finding = Judge(Root(true, Credentials(password: false, key1: (true, 400, 2))));

        Assert.Equal(ComplianceStatus.Fail, finding.Status);
        Assert.Equal($"The root user of account {Account} has access keys (1 active), which sign any API call with unlimited power.", finding.Message);
        Assert.Equal(("true", "1"), (finding.Evidence["accountAccessKeysPresent"], finding.Evidence["activeKeySlots"]));
    }

    [Fact]
    public void An_inactive_key_alone_still_fails() => Assert.Equal(ComplianceStatus.Fail, Judge(Root(true, Credentials(key1: (false, 400, null)))).Status);

    [Fact]
    public void Without_the_summary_an_active_key_in_the_report_fails_but_no_active_key_is_unknown()
    {
        Assert.Equal(ComplianceStatus.Fail, Judge(Root(null, Credentials(key2: (true, 10, null)))).Status);
        Assert.Equal(ComplianceStatus.Error, Judge(Root(null, Credentials())).Status); // an inactive key would not show
        Assert.Equal(ComplianceStatus.Error, Judge(Root(null)).Status);
        Assert.Equal(ComplianceStatus.Error, Judge(null).Status);
    }
}
