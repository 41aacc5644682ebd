namespace Compliance.Rules.Inventory;

/// <summary>
/// One row of the IAM credential report (GenerateCredentialReport, GetCredentialReport). The report's "N/A",
/// "no_information" and "not_supported" become null where a field says so: they are AWS's own answers, not unknowns.
/// </summary>
public sealed record CredentialReportEntry
{
    /// <summary>When IAM generated the report: the moment the row describes, and the "now" of every age check.</summary>
    public required DateTimeOffset ReportGeneratedAt { get; init; }

    public DateTimeOffset? UserCreationTime { get; init; }

    /// <summary>Whether the user has a console password; null for the root user, for which the report says not_supported.</summary>
    public bool? PasswordEnabled { get; init; }

    /// <summary>When the password was last used to sign in; null when never, when IAM has no information, or when there is no password.</summary>
    public DateTimeOffset? PasswordLastUsed { get; init; }

    /// <summary>When the password was last set; null when there is none (or for the root user).</summary>
    public DateTimeOffset? PasswordLastChanged { get; init; }

    /// <summary>Whether an MFA device is enabled for the user.</summary>
    public bool MfaActive { get; init; }

    /// <summary>The report's two access key slots, 1 and 2.</summary>
    public IReadOnlyList<AccessKeyReport> AccessKeys { get; init; } = [];
}

/// <summary>One access key slot of a credential report row.</summary>
/// <param name="Slot">1 or 2.</param>
/// <param name="Active">True when the slot holds a key whose status is Active.</param>
/// <param name="LastRotated">When the key was created or last changed; null when the slot holds no key.</param>
/// <param name="LastUsedDate">When the key last signed a request; null when never used (or no key).</param>
public sealed record AccessKeyReport(int Slot, bool Active, DateTimeOffset? LastRotated, DateTimeOffset? LastUsedDate);
