namespace Compliance.Rules.Inventory;

/// <summary>
/// The IAM account password policy (GetAccountPasswordPolicy); Region is "global".
/// Configured is false when the account has none (NoSuchEntity), and AWS's defaults apply.
/// </summary>
public sealed record PasswordPolicy : AwsResource
{
    public override string ResourceType => ResourceTypes.PasswordPolicy;

    public required bool Configured { get; init; }
    public int MinimumPasswordLength { get; init; }
    public bool RequireSymbols { get; init; }
    public bool RequireNumbers { get; init; }
    public bool RequireUppercaseCharacters { get; init; }
    public bool RequireLowercaseCharacters { get; init; }
    public bool AllowUsersToChangePassword { get; init; }
    public bool ExpirePasswords { get; init; }

    /// <summary>Days; null when passwords do not expire.</summary>
    public int? MaxPasswordAge { get; init; }

    /// <summary>How many previous passwords are remembered; null when reuse is not prevented.</summary>
    public int? PasswordReusePrevention { get; init; }

    public bool HardExpiry { get; init; }
}
