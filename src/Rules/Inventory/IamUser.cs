namespace Compliance.Rules.Inventory;

/// <summary>
/// An IAM user (GetAccountAuthorizationDetails, its row of the credential report). Id is the user name; Region is "global".
/// </summary>
public sealed record IamUser : AwsResource
{
    public override string ResourceType => ResourceTypes.IamUser;

    /// <summary>The stable unique id (AIDA...); null when unknown.</summary>
    public string? UserId { get; init; }

    /// <summary>The path, "/" by default; null when unknown.</summary>
    public string? Path { get; init; }

    public DateTimeOffset? CreateDate { get; init; }

    /// <summary>Policies embedded in the user; [] when none; null when unknown.</summary>
    public IReadOnlyList<InlinePolicy>? InlinePolicies { get; init; }

    /// <summary>ARNs of the managed policies attached to the user (customer or AWS managed); [] when none; null when unknown.</summary>
    public IReadOnlyList<string>? AttachedManagedPolicyArns { get; init; }

    /// <summary>Names of the groups the user belongs to; [] when none; null when unknown.</summary>
    public IReadOnlyList<string>? Groups { get; init; }

    /// <summary>The ARN of the permissions boundary; "" when the user has none; null when unknown.</summary>
    public string? PermissionsBoundaryArn { get; init; }

    /// <summary>
    /// The user's row of the credential report: password, MFA and access keys. Null when the report could not be read,
    /// or does not list the user (created after the report was generated).
    /// </summary>
    public CredentialReportEntry? Credentials { get; init; }
}
