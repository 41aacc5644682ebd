namespace Compliance.Checker.Live.Clients.IdentityManagement;

/// <param name="Filter">Entity types: User, Role, Group, LocalManagedPolicy, AWSManagedPolicy; empty means all.</param>
/// <param name="Marker">Where the previous page ended.</param>
/// <param name="MaxItems">Page size, 1 to 1000.</param>
public sealed record GetAccountAuthorizationDetailsRequest(IReadOnlyList<string> Filter, string? Marker = null, int? MaxItems = null);

public sealed record GetAccountAuthorizationDetailsResponse
{
    public IReadOnlyList<UserDetail> UserDetailList { get; init; } = [];
    public IReadOnlyList<GroupDetail> GroupDetailList { get; init; } = [];
    public IReadOnlyList<RoleDetail> RoleDetailList { get; init; } = [];
    public IReadOnlyList<ManagedPolicyDetail> Policies { get; init; } = [];
    public bool IsTruncated { get; init; }
    public string? Marker { get; init; }
}

/// <summary>An inline policy. PolicyDocument is URL-encoded (RFC 3986), as IAM returns it.</summary>
public sealed record PolicyDetail(string PolicyName, string? PolicyDocument);

public sealed record AttachedPolicy(string PolicyArn, string? PolicyName);

public sealed record Tag(string Key, string Value);

public sealed record UserDetail
{
    public required string UserName { get; init; }
    public string? UserId { get; init; }
    public string? Arn { get; init; }
    public string? Path { get; init; }
    public DateTime? CreateDate { get; init; }
    public IReadOnlyList<PolicyDetail> UserPolicyList { get; init; } = [];
    public IReadOnlyList<string> GroupList { get; init; } = [];
    public IReadOnlyList<AttachedPolicy> AttachedManagedPolicies { get; init; } = [];

    /// <summary>The boundary's PermissionsBoundaryArn; null when the user has none.</summary>
    public string? PermissionsBoundary { get; init; }

    public IReadOnlyList<Tag> Tags { get; init; } = [];
}

public sealed record GroupDetail
{
    public required string GroupName { get; init; }
    public string? GroupId { get; init; }
    public string? Arn { get; init; }
    public string? Path { get; init; }
    public DateTime? CreateDate { get; init; }
    public IReadOnlyList<PolicyDetail> GroupPolicyList { get; init; } = [];
    public IReadOnlyList<AttachedPolicy> AttachedManagedPolicies { get; init; } = [];
}

/// <summary>A role with its policies. It carries no MaxSessionDuration: ListRoles gives that.</summary>
public sealed record RoleDetail
{
    public required string RoleName { get; init; }
    public string? RoleId { get; init; }
    public string? Arn { get; init; }
    public string? Path { get; init; }
    public DateTime? CreateDate { get; init; }

    /// <summary>The trust policy, URL-encoded.</summary>
    public string? AssumeRolePolicyDocument { get; init; }

    public IReadOnlyList<PolicyDetail> RolePolicyList { get; init; } = [];
    public IReadOnlyList<AttachedPolicy> AttachedManagedPolicies { get; init; } = [];

    /// <summary>The boundary's PermissionsBoundaryArn; null when the role has none.</summary>
    public string? PermissionsBoundary { get; init; }

    public IReadOnlyList<Tag> Tags { get; init; } = [];
}

public sealed record ManagedPolicyDetail
{
    public required string PolicyName { get; init; }
    public string? PolicyId { get; init; }
    public string? Arn { get; init; }
    public string? Path { get; init; }
    public string? DefaultVersionId { get; init; }
    public int? AttachmentCount { get; init; }
    public bool? IsAttachable { get; init; }
    public IReadOnlyList<PolicyVersion> PolicyVersionList { get; init; } = [];
}

/// <summary>One version of a managed policy; Document is URL-encoded.</summary>
public sealed record PolicyVersion(string? VersionId, bool IsDefaultVersion, string? Document);

public sealed record ListRolesRequest(string? Marker = null, int? MaxItems = null, string? PathPrefix = null);

public sealed record ListRolesResponse(IReadOnlyList<Role> Roles, bool IsTruncated, string? Marker);

/// <summary>A role as ListRoles returns it (no tags, boundary or last use; MaxSessionDuration included).</summary>
public sealed record Role
{
    public required string RoleName { get; init; }
    public string? RoleId { get; init; }
    public string? Arn { get; init; }
    public string? Path { get; init; }
    public string? Description { get; init; }
    public int? MaxSessionDuration { get; init; }
    public string? AssumeRolePolicyDocument { get; init; }
}
