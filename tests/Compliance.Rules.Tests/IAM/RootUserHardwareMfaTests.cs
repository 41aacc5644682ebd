using Compliance.Rules.IAM;
using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.IAM.IamFixtures;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.IAM;

public sealed class RootUserHardwareMfaTests
{
    private readonly RootUserHardwareMfa _rule = new();

    private static RootUser Root(bool? mfa = true, bool? password = true, bool? keys = false, IReadOnlyList<string>? virtualDevices = null, CredentialReportEntry? report = null) => new()
    {
        Id = Account,
        Region = "global",
        AccountId = Account,
        Arn = $"arn:aws:iam::{Account}:root",
        MfaEnabled = mfa,
        PasswordPresent = password,
        AccessKeysPresent = keys,
        SigningCertificatesPresent = false,
        VirtualMfaDevices = virtualDevices ?? [],
        CredentialReport = report,
    };

    private Finding Judge(RootUser? root, IReadOnlyDictionary<string, string>? parameters = null) =>
        Assert.Single(Evaluate(_rule, BaseInventory with { RootUsers = root is null ? [] : [root] }, parameters));

    [Fact]
    public void Mfa_without_a_virtual_device_passes_on_the_account()
    {
        var finding = Judge(Root());

        Assert.Equal(ComplianceStatus.Pass, finding.Status);
        Assert.Equal(new ResourceRef(ResourceTypes.Account, Account, null, "global", Account), finding.Resource);
    }

    [Fact]
    public void A_virtual_device_fails_and_names_it()
    {
        var finding = Judge(Root(virtualDevices: [$"arn:aws:iam::{Account}:mfa/root-account-mfa-device"]));

        Assert.Equal(ComplianceStatus.Fail, finding.Status);
        Assert.Equal($"The root user of account {Account} uses the virtual MFA device arn:aws:iam::{Account}:mfa/root-account-mfa-device, not a hardware device.", finding.Message);
        Assert.Equal("true", finding.Evidence["accountMfaEnabled"]);
        Assert.Equal($"arn:aws:iam::{Account}:mfa/root-account-mfa-device", finding.Evidence["virtualMfaDevices"]);
    }

    [Fact]
    public void A_virtual_device_passes_when_hardware_is_not_required() =>
        Assert.Equal(ComplianceStatus.Pass, Judge(Root(virtualDevices: ["arn:aws:iam::123456789012:mfa/root-account-mfa-device"]), new Dictionary<string, string> { ["requireHardwareMfa"] = "false" }).Status);

    [Fact]
    public void No_mfa_fails() => Assert.Equal(ComplianceStatus.Fail, Judge(Root(mfa: false)).Status);

    [Fact]
    public void A_root_user_without_password_and_keys_passes_even_without_mfa()
    {
        var finding = Judge(Root(mfa: false, password: false, keys: false));

        Assert.Equal(ComplianceStatus.Pass, finding.Status);
        Assert.Contains("no password and no access keys", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Root_access_keys_without_a_password_still_need_mfa() =>
        Assert.Equal(ComplianceStatus.Fail, Judge(Root(mfa: false, password: false, keys: true)).Status);

    [Fact]
    public void An_unknown_summary_falls_back_to_the_credential_report()
    {
        Assert.Equal(ComplianceStatus.Pass, Judge(Root(mfa: null, password: null, keys: null, report: Credentials(password: false, mfa: true))).Status);
        Assert.Equal(ComplianceStatus.Fail, Judge(Root(mfa: null, password: null, keys: null, report: Credentials(password: false, mfa: false))).Status);
    }

    [Fact]
    public void Unknown_values_are_errors_never_passes()
    {
        Assert.Equal(ComplianceStatus.Error, Judge(null).Status);
        Assert.Equal(ComplianceStatus.Error, Judge(Root(mfa: null, password: null, keys: null)).Status);
        Assert.Equal(ComplianceStatus.Error, Judge(Root() with { VirtualMfaDevices = null }).Status);
    }
}
