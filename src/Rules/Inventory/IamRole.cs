using System.Text.Json.Serialization;

namespace Compliance.Rules.Inventory;

/// <summary>
/// An IAM role (GetAccountAuthorizationDetails for its policies, ListRoles for MaxSessionDuration). Id is the role name;
/// Region is "global".
/// </summary>
public sealed record IamRole : AwsResource
{
    /// <summary>The path prefix of service-linked roles, which AWS defines and customers cannot edit.</summary>
    public const string ServiceLinkedPath = "/aws-service-role/";

    public override string ResourceType => ResourceTypes.IamRole;

    /// <summary>The stable unique id (AROA...); null when unknown.</summary>
    public string? RoleId { get; init; }

    /// <summary>The path, "/" by default; null when unknown.</summary>
    public string? Path { get; init; }

    public DateTimeOffset? CreateDate { get; init; }

    /// <summary>The trust policy (AssumeRolePolicyDocument); null when unknown or unparseable.</summary>
    public PolicyDocument? AssumeRolePolicy { get; init; }

    /// <summary>The longest session, in seconds (3600 to 43200); null when unknown.</summary>
    public int? MaxSessionDuration { get; init; }

    /// <summary>Policies embedded in the role; [] when none; null when unknown.</summary>
    public IReadOnlyList<InlinePolicy>? InlinePolicies { get; init; }

    /// <summary>ARNs of the managed policies attached to the role (customer or AWS managed); [] when none; null when unknown.</summary>
    public IReadOnlyList<string>? AttachedManagedPolicyArns { get; init; }

    /// <summary>The ARN of the permissions boundary; "" when the role has none; null when unknown.</summary>
    public string? PermissionsBoundaryArn { get; init; }

    /// <summary>True for a service-linked role (path /aws-service-role/...): AWS owns its trust and permissions.</summary>
    [JsonIgnore]
    public bool IsServiceLinked => Path?.StartsWith(ServiceLinkedPath, StringComparison.Ordinal) == true;
}
