namespace Compliance.Checker.Live.Clients.IdentityManagement;

public sealed record GetAccountPasswordPolicyRequest;

public sealed record GetAccountPasswordPolicyResponse(PasswordPolicy PasswordPolicy);

/// <summary>The account password policy as IAM returns it; the boxed members are absent when not set.</summary>
public sealed record PasswordPolicy
{
    public int? MinimumPasswordLength { get; init; }
    public bool? RequireSymbols { get; init; }
    public bool? RequireNumbers { get; init; }
    public bool? RequireUppercaseCharacters { get; init; }
    public bool? RequireLowercaseCharacters { get; init; }
    public bool? AllowUsersToChangePassword { get; init; }
    public bool? ExpirePasswords { get; init; }

    /// <summary>Absent when passwords never expire.</summary>
    public int? MaxPasswordAge { get; init; }

    /// <summary>Absent when password reuse is not prevented.</summary>
    public int? PasswordReusePrevention { get; init; }

    public bool? HardExpiry { get; init; }
}

/// <summary>
/// UpdateAccountPasswordPolicy: every member left null falls back to IAM's default (MinimumPasswordLength 8, the rest
/// false or unset), so a caller that means to keep a setting must send it.
/// </summary>
public sealed record UpdateAccountPasswordPolicyRequest
{
    public int? MinimumPasswordLength { get; init; }
    public bool? RequireSymbols { get; init; }
    public bool? RequireNumbers { get; init; }
    public bool? RequireUppercaseCharacters { get; init; }
    public bool? RequireLowercaseCharacters { get; init; }
    public bool? AllowUsersToChangePassword { get; init; }
    public int? MaxPasswordAge { get; init; }
    public int? PasswordReusePrevention { get; init; }
    public bool? HardExpiry { get; init; }
}

public sealed record UpdateAccountPasswordPolicyResponse;

public sealed record GetAccountSummaryRequest;

/// <summary>IAM usage and quotas by key (Users, AccountMFAEnabled, AccountAccessKeysPresent, AccountPasswordPresent, ...).</summary>
public sealed record GetAccountSummaryResponse(IReadOnlyDictionary<string, int> SummaryMap);

public sealed record GenerateCredentialReportRequest;

/// <summary>State: STARTED, INPROGRESS or COMPLETE.</summary>
public sealed record GenerateCredentialReportResponse(string? State, string? Description);

public sealed record GetCredentialReportRequest;

/// <summary>The report: CSV bytes (base64 on the wire, decoded here, as the SDK does), its format and when it was generated.</summary>
public sealed record GetCredentialReportResponse(MemoryStream Content, string? ReportFormat, DateTime? GeneratedTime);

/// <param name="AssignmentStatus">Assigned, Unassigned or Any (the default).</param>
/// <param name="Marker">Where the previous page ended.</param>
/// <param name="MaxItems">Page size, 1 to 1000.</param>
public sealed record ListVirtualMFADevicesRequest(string? AssignmentStatus = null, string? Marker = null, int? MaxItems = null);

public sealed record ListVirtualMFADevicesResponse(IReadOnlyList<VirtualMFADevice> VirtualMFADevices, bool IsTruncated, string? Marker);

/// <summary>A virtual MFA device; User is the user it is assigned to (its Arn ends in ":root" for the root user).</summary>
public sealed record VirtualMFADevice(string SerialNumber, User? User, DateTime? EnableDate);

/// <summary>The user a virtual MFA device is assigned to (only the members IAM returns there).</summary>
public sealed record User
{
    public string? Arn { get; init; }
    public string? UserName { get; init; }
    public string? UserId { get; init; }
    public string? Path { get; init; }
}
