using System.Text.Json;
using Compliance.Checker.Live.Collection;
using Compliance.Rules.Inventory;
using Iam = Compliance.Checker.Live.Clients.IdentityManagement;

namespace Compliance.Checker.Live.Collectors;

/// <summary>Maps the details to inventory records; documents are URL-decoded and parsed, an unparseable one is unknown.</summary>
internal sealed class IamPrincipalMapper(CollectorContext context, Dictionary<string, int>? maxSessions)
{
    public IamUser User(Iam.UserDetail user) => new()
    {
        Id = user.UserName,
        Region = "global",
        AccountId = context.AccountId,
        Arn = user.Arn,
        Tags = Tags(user.Tags),
        UserId = user.UserId,
        Path = user.Path,
        CreateDate = Date(user.CreateDate),
        InlinePolicies = Inline(user.UserPolicyList, ResourceTypes.IamUser, user.UserName),
        AttachedManagedPolicyArns = user.AttachedManagedPolicies.Select(p => p.PolicyArn).ToList(),
        Groups = user.GroupList,
        PermissionsBoundaryArn = user.PermissionsBoundary ?? "",
    };

    public IamGroup Group(Iam.GroupDetail group) => new()
    {
        Id = group.GroupName,
        Region = "global",
        AccountId = context.AccountId,
        Arn = group.Arn,
        GroupId = group.GroupId,
        Path = group.Path,
        InlinePolicies = Inline(group.GroupPolicyList, ResourceTypes.IamGroup, group.GroupName),
        AttachedManagedPolicyArns = group.AttachedManagedPolicies.Select(p => p.PolicyArn).ToList(),
    };

    public IamRole Role(Iam.RoleDetail role) => new()
    {
        Id = role.RoleName,
        Region = "global",
        AccountId = context.AccountId,
        Arn = role.Arn,
        Tags = Tags(role.Tags),
        RoleId = role.RoleId,
        Path = role.Path,
        CreateDate = Date(role.CreateDate),
        AssumeRolePolicy = Document(role.AssumeRolePolicyDocument, ResourceTypes.IamRole, role.RoleName, "trust policy"),
        MaxSessionDuration = maxSessions?.TryGetValue(role.RoleName, out var seconds) == true ? seconds : null,
        InlinePolicies = Inline(role.RolePolicyList, ResourceTypes.IamRole, role.RoleName),
        AttachedManagedPolicyArns = role.AttachedManagedPolicies.Select(p => p.PolicyArn).ToList(),
        PermissionsBoundaryArn = role.PermissionsBoundary ?? "",
    };

    public IamManagedPolicy Policy(Iam.ManagedPolicyDetail policy)
    {
        var version = policy.PolicyVersionList.FirstOrDefault(v => v.IsDefaultVersion)
            ?? policy.PolicyVersionList.FirstOrDefault(v => v.VersionId == policy.DefaultVersionId);
        return new IamManagedPolicy
        {
            Id = policy.PolicyName,
            Region = "global",
            AccountId = context.AccountId,
            Arn = policy.Arn,
            PolicyId = policy.PolicyId,
            Path = policy.Path,
            DefaultVersionId = policy.DefaultVersionId,
            AttachmentCount = policy.AttachmentCount,
            Document = Document(version?.Document, ResourceTypes.IamManagedPolicy, policy.PolicyName, $"default version {policy.DefaultVersionId}"),
        };
    }

    private List<InlinePolicy> Inline(IReadOnlyList<Iam.PolicyDetail> policies, string type, string owner) =>
        policies.Select(p => new InlinePolicy(p.PolicyName, Document(p.PolicyDocument, type, owner, $"inline policy {p.PolicyName}"))).ToList();

    /// <summary>
    /// A policy as IAM returns it: URL-encoded (RFC 3986) JSON, decoded before parsing; text that already is JSON is
    /// parsed as it is. Missing or unparseable: null, recorded as InvalidPolicy against the owner.
    /// </summary>
    private PolicyDocument? Document(string? text, string type, string owner, string what)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            context.Missing("iam", "GetAccountAuthorizationDetails", type, "InvalidPolicy", $"{owner}: the {what} has no document.", owner);
            return null;
        }

        try
        {
            var json = text.TrimStart().StartsWith('{') ? text : Uri.UnescapeDataString(text);
            return PolicyDocumentJsonConverter.Parse(json);
        }
        catch (JsonException e)
        {
            context.Missing("iam", "GetAccountAuthorizationDetails", type, "InvalidPolicy", $"{owner}: the {what} is not a policy document ({e.Message}).", owner);
            return null;
        }
    }

    private static DateTimeOffset? Date(DateTime? value) => value is { } date ? new DateTimeOffset(DateTime.SpecifyKind(date, DateTimeKind.Utc)) : null;

    private static Dictionary<string, string> Tags(IReadOnlyList<Iam.Tag> tags) =>
        tags.GroupBy(t => t.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);
}
