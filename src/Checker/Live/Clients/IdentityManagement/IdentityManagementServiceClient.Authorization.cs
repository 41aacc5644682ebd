using static Compliance.Checker.Live.Clients.IdentityManagement.IamXml;

namespace Compliance.Checker.Live.Clients.IdentityManagement;

/// <summary>The authorization snapshot and the role list: the calls that read users, groups, roles and policies.</summary>
public sealed partial class IdentityManagementServiceClient
{
    public async Task<GetAccountAuthorizationDetailsResponse> GetAccountAuthorizationDetailsAsync(GetAccountAuthorizationDetailsRequest request, CancellationToken cancellationToken)
    {
        var result = await protocol.InvokeAsync("GetAccountAuthorizationDetails", List("Filter", request.Filter).Concat(Paging(request.Marker, request.MaxItems)), cancellationToken);
        return new GetAccountAuthorizationDetailsResponse
        {
            UserDetailList = Members(result, "UserDetailList").Select(u => new UserDetail
            {
                UserName = Text(u, "UserName") ?? "",
                UserId = Text(u, "UserId"),
                Arn = Text(u, "Arn"),
                Path = Text(u, "Path"),
                CreateDate = Date(u, "CreateDate"),
                UserPolicyList = Policies(u, "UserPolicyList"),
                GroupList = Strings(u, "GroupList"),
                AttachedManagedPolicies = Attached(u),
                PermissionsBoundary = u.Element("PermissionsBoundary") is { } boundary ? Text(boundary, "PermissionsBoundaryArn") : null,
                Tags = Tags(u),
            }).ToList(),
            GroupDetailList = Members(result, "GroupDetailList").Select(g => new GroupDetail
            {
                GroupName = Text(g, "GroupName") ?? "",
                GroupId = Text(g, "GroupId"),
                Arn = Text(g, "Arn"),
                Path = Text(g, "Path"),
                CreateDate = Date(g, "CreateDate"),
                GroupPolicyList = Policies(g, "GroupPolicyList"),
                AttachedManagedPolicies = Attached(g),
            }).ToList(),
            RoleDetailList = Members(result, "RoleDetailList").Select(r => new RoleDetail
            {
                RoleName = Text(r, "RoleName") ?? "",
                RoleId = Text(r, "RoleId"),
                Arn = Text(r, "Arn"),
                Path = Text(r, "Path"),
                CreateDate = Date(r, "CreateDate"),
                AssumeRolePolicyDocument = Text(r, "AssumeRolePolicyDocument"),
                RolePolicyList = Policies(r, "RolePolicyList"),
                AttachedManagedPolicies = Attached(r),
                PermissionsBoundary = r.Element("PermissionsBoundary") is { } boundary ? Text(boundary, "PermissionsBoundaryArn") : null,
                Tags = Tags(r),
            }).ToList(),
            Policies = Members(result, "Policies").Select(p => new ManagedPolicyDetail
            {
                PolicyName = Text(p, "PolicyName") ?? "",
                PolicyId = Text(p, "PolicyId"),
                Arn = Text(p, "Arn"),
                Path = Text(p, "Path"),
                DefaultVersionId = Text(p, "DefaultVersionId"),
                AttachmentCount = Int(p, "AttachmentCount"),
                IsAttachable = Bool(p, "IsAttachable"),
                PolicyVersionList = Members(p, "PolicyVersionList")
                    .Select(v => new PolicyVersion(Text(v, "VersionId"), Bool(v, "IsDefaultVersion") ?? false, Text(v, "Document"))).ToList(),
            }).ToList(),
            IsTruncated = Bool(result, "IsTruncated") ?? false,
            Marker = Text(result, "Marker"),
        };
    }

    public async Task<ListRolesResponse> ListRolesAsync(ListRolesRequest request, CancellationToken cancellationToken)
    {
        var parameters = Paging(request.Marker, request.MaxItems).ToList();
        if (request.PathPrefix is { } prefix)
        {
            parameters.Add(KeyValuePair.Create("PathPrefix", prefix));
        }

        var result = await protocol.InvokeAsync("ListRoles", parameters, cancellationToken);
        var roles = Members(result, "Roles").Select(r => new Role
        {
            RoleName = Text(r, "RoleName") ?? "",
            RoleId = Text(r, "RoleId"),
            Arn = Text(r, "Arn"),
            Path = Text(r, "Path"),
            Description = Text(r, "Description"),
            MaxSessionDuration = Int(r, "MaxSessionDuration"),
            AssumeRolePolicyDocument = Text(r, "AssumeRolePolicyDocument"),
        }).ToList();
        return new ListRolesResponse(roles, Bool(result, "IsTruncated") ?? false, Text(result, "Marker"));
    }
}
