namespace Compliance.Rules.Inventory;

/// <summary>
/// The root user of an account (GetAccountSummary, ListVirtualMFADevices, the credential report's &lt;root_account&gt;
/// row). Id is the account id; Region is "global"; findings are reported on the account.
/// </summary>
public sealed record RootUser : AwsResource
{
    public override string ResourceType => ResourceTypes.IamRootUser;

    /// <summary>The root user has a console password (AccountPasswordPresent); null when unknown.</summary>
    public bool? PasswordPresent { get; init; }

    /// <summary>The root user has access keys, active or not (AccountAccessKeysPresent); null when unknown.</summary>
    public bool? AccessKeysPresent { get; init; }

    /// <summary>The root user has an MFA device (AccountMFAEnabled); null when unknown.</summary>
    public bool? MfaEnabled { get; init; }

    /// <summary>The root user has X.509 signing certificates (AccountSigningCertificatesPresent); null when unknown.</summary>
    public bool? SigningCertificatesPresent { get; init; }

    /// <summary>Serial numbers of the virtual MFA devices assigned to the root user; [] when none; null when unknown.</summary>
    public IReadOnlyList<string>? VirtualMfaDevices { get; init; }

    /// <summary>The &lt;root_account&gt; row of the credential report; null when the report could not be read.</summary>
    public CredentialReportEntry? CredentialReport { get; init; }
}
