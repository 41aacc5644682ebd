using Compliance.Checker.Templates.Intrinsics;
using Compliance.Checker.Templates.Mapping;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Templates.Mappers;

/// <summary>
/// IAM users, groups, roles and customer managed policies, with what attaches to them: an AWS::IAM::Policy (and a
/// RolePolicy, UserPolicy or GroupPolicy) becomes an inline policy of each principal it names; an
/// AWS::IAM::ManagedPolicy's Roles, Users and Groups attach its ARN to them; a UserToGroupAddition adds group
/// memberships; an AccessKey gives its user a key. A record's id is the name the template gives (RoleName,
/// UserName, GroupName, ManagedPolicyName) or the synthetic id, Region "global"; ARNs carry the Path, "/" by
/// default. A role without MaxSessionDuration allows 3600 seconds; no PermissionsBoundary is "". AWS managed
/// policies (arn:aws:iam::aws:policy/...) are listed by ARN only, as the live collector lists them.
/// Unique ids, creation dates and policy versions are live state. A user's credential report row shows the user as
/// CloudFormation creates it: a console password when it has a LoginProfile, its access keys (Active unless
/// Status says otherwise) of unknown age and no use, and no MFA device, which CloudFormation cannot enable.
/// </summary>
public sealed class IamMapper : IResourceMapper
{
    private const string UserToGroupAddition = "AWS::IAM::UserToGroupAddition";
    private const string AccessKey = "AWS::IAM::AccessKey";
    private const string RolePolicy = "AWS::IAM::RolePolicy";
    private const string UserPolicy = "AWS::IAM::UserPolicy";
    private const string GroupPolicy = "AWS::IAM::GroupPolicy";

    /// <summary>The principal kinds: how rules name them, their type, the list property that names them, and the single-policy type.</summary>
    private static readonly PrincipalKind[] Kinds =
    [
        new("role", ResourceTypes.IamRole, "Roles", RolePolicy, "RoleName"),
        new("user", ResourceTypes.IamUser, "Users", UserPolicy, "UserName"),
        new("group", ResourceTypes.IamGroup, "Groups", GroupPolicy, "GroupName"),
    ];

    public IReadOnlyList<string> MappedTypes { get; } =
    [
        ResourceTypes.IamUser, ResourceTypes.IamGroup, ResourceTypes.IamRole, ResourceTypes.IamManagedPolicy, ResourceTypes.IamPolicy,
        UserToGroupAddition, AccessKey, RolePolicy, UserPolicy, GroupPolicy,
    ];

    public IReadOnlyList<ResourceNaming> Namings { get; } =
    [
        new() { Type = ResourceTypes.IamUser, NameProperty = "UserName", Attributes = new Dictionary<string, string> { ["Arn"] = ArnOf("user") } },
        new() { Type = ResourceTypes.IamGroup, NameProperty = "GroupName", Attributes = new Dictionary<string, string> { ["Arn"] = ArnOf("group") } },
        new() { Type = ResourceTypes.IamRole, NameProperty = "RoleName", Attributes = new Dictionary<string, string> { ["Arn"] = ArnOf("role") } },
        new()
        {
            Type = ResourceTypes.IamManagedPolicy, NameProperty = "ManagedPolicyName", Ref = ArnOf("policy"),
            Attributes = new Dictionary<string, string> { ["PolicyArn"] = ArnOf("policy") },
        },

        // Their Ref is a generated id, their attributes (an access key's secret) are known only after deployment.
        new() { Type = ResourceTypes.IamPolicy },
        new() { Type = UserToGroupAddition },
        new() { Type = AccessKey },
        new() { Type = RolePolicy },
        new() { Type = UserPolicy },
        new() { Type = GroupPolicy },
    ];

    private static string ArnOf(string kind) => $"arn:{{partition}}:iam::{{account}}:{kind}{{prop:Path|/}}{{name}}";

    public void Map(MappingContext context)
    {
        var extras = new Dictionary<DeclaredResource, Extras>(ReferenceEqualityComparer.Instance);
        Extras For(DeclaredResource principal) => extras.TryGetValue(principal, out var e) ? e : extras[principal] = new Extras();

        AddPolicies(context, For);
        var attachments = AttachManagedPolicies(context, For);
        AddMemberships(context, For);
        AddAccessKeys(context, For);

        var now = DateTimeOffset.UtcNow;
        var principals = new List<(AwsResource Record, IReadOnlyList<string>? Attached)>();
        foreach (var user in context.Resources(ResourceTypes.IamUser))
        {
            var p = user.Properties;
            var e = For(user);
            var record = new IamUser
            {
                Id = user.Name, Region = "global", AccountId = user.AccountId, Arn = user.Attribute("Arn"), Tags = p.Tags(),
                Path = p.String("Path", absent: "/"),
                InlinePolicies = Inline(context, user, "user", e),
                AttachedManagedPolicyArns = Managed(p, e),
                Groups = p.Strings("Groups") is { } groups && !e.GroupsUnknown ? groups.Concat(e.Groups).Distinct(StringComparer.Ordinal).ToList() : null,
                PermissionsBoundaryArn = p.String("PermissionsBoundary", absent: ""),
                Credentials = Credentials(p, e, now),
            };
            context.Add(record, user);
            principals.Add((record, record.AttachedManagedPolicyArns));
        }

        foreach (var group in context.Resources(ResourceTypes.IamGroup))
        {
            var p = group.Properties;
            var e = For(group);
            var record = new IamGroup
            {
                Id = group.Name, Region = "global", AccountId = group.AccountId, Arn = group.Attribute("Arn"),
                Path = p.String("Path", absent: "/"),
                InlinePolicies = Inline(context, group, "group", e),
                AttachedManagedPolicyArns = Managed(p, e),
            };
            context.Add(record, group);
            principals.Add((record, record.AttachedManagedPolicyArns));
        }

        foreach (var role in context.Resources(ResourceTypes.IamRole))
        {
            var p = role.Properties;
            var e = For(role);
            var record = new IamRole
            {
                Id = role.Name, Region = "global", AccountId = role.AccountId, Arn = role.Attribute("Arn"), Tags = p.Tags(),
                Path = p.String("Path", absent: "/"),
                AssumeRolePolicy = Document(context, role, p, "AssumeRolePolicyDocument", $"trust policy of {role.LogicalId}"),
                MaxSessionDuration = p.Int("MaxSessionDuration", absent: 3600),
                InlinePolicies = Inline(context, role, "role", e),
                AttachedManagedPolicyArns = Managed(p, e),
                PermissionsBoundaryArn = p.String("PermissionsBoundary", absent: ""),
            };
            context.Add(record, role);
            principals.Add((record, record.AttachedManagedPolicyArns));
        }

        foreach (var policy in context.Resources(ResourceTypes.IamManagedPolicy))
        {
            var p = policy.Properties;
            var arn = policy.RefText;
            var (external, listsKnown) = attachments.GetValueOrDefault(policy, (0, true));
            var attachedHere = principals.Where(r => arn is not null && r.Attached?.Contains(arn, StringComparer.Ordinal) == true).Count();
            context.Add(new IamManagedPolicy
            {
                Id = policy.Name, Region = "global", AccountId = policy.AccountId, Arn = arn,
                Path = p.String("Path", absent: "/"),
                Document = Document(context, policy, p, "PolicyDocument", $"document of {policy.LogicalId}"),
                AttachmentCount = listsKnown && arn is not null && principals.All(r => r.Attached is not null) ? external + attachedHere : null,
            }, policy);
        }
    }

    /// <summary>AWS::IAM::Policy, RolePolicy, UserPolicy and GroupPolicy: an inline policy of each principal they name.</summary>
    private static void AddPolicies(MappingContext context, Func<DeclaredResource, Extras> extras)
    {
        foreach (var declared in context.Resources(ResourceTypes.IamPolicy))
        {
            var p = declared.Properties;
            var inline = new InlinePolicy(p.String("PolicyName") ?? declared.LogicalId, Document(context, declared, p, "PolicyDocument", $"policy {declared.LogicalId}"));
            foreach (var kind in Kinds)
            {
                if (p.Strings(kind.ListProperty) is not { } names)
                {
                    context.NotJudged(declared, $"the {kind.ListProperty.ToLowerInvariant()} it applies to cannot be decided ({p.UnknownReason(kind.ListProperty)})");
                    continue;
                }

                foreach (var name in names)
                {
                    if (context.Find(kind.Type, name) is { } principal)
                    {
                        extras(principal).Inline.Add((inline, declared));
                    }
                    else
                    {
                        context.NotJudged(declared, $"its {kind.Name} {name} is not declared in this scan, so the policy is not judged for it");
                    }
                }
            }
        }

        foreach (var kind in Kinds)
        {
            foreach (var declared in context.Resources(kind.PolicyType))
            {
                var p = declared.Properties;
                var name = p.String(kind.NameProperty);
                if (context.Find(kind.Type, name) is not { } principal)
                {
                    context.NotJudged(declared, $"its {kind.Name} {name ?? "(unknown)"} is not declared in this scan, or cannot be decided");
                    continue;
                }

                var inline = new InlinePolicy(p.String("PolicyName") ?? declared.LogicalId, Document(context, declared, p, "PolicyDocument", $"policy {declared.LogicalId}"));
                extras(principal).Inline.Add((inline, declared));
            }
        }
    }

    /// <summary>
    /// A managed policy's Roles, Users and Groups attach its ARN to those of the scan. Returns, per policy, how many
    /// principals outside the scan it names, and whether its lists are known.
    /// </summary>
    private static Dictionary<DeclaredResource, (int External, bool ListsKnown)> AttachManagedPolicies(MappingContext context, Func<DeclaredResource, Extras> extras)
    {
        var result = new Dictionary<DeclaredResource, (int, bool)>(ReferenceEqualityComparer.Instance);
        foreach (var policy in context.Resources(ResourceTypes.IamManagedPolicy))
        {
            var p = policy.Properties;
            var arn = policy.RefText;
            var external = new HashSet<(string, string)>();
            var known = arn is not null;
            foreach (var kind in Kinds)
            {
                if (p.Strings(kind.ListProperty) is not { } names)
                {
                    known = false;
                    context.NotJudged(policy, $"the {kind.ListProperty.ToLowerInvariant()} it is attached to cannot be decided ({p.UnknownReason(kind.ListProperty)})");
                    continue;
                }

                foreach (var name in names)
                {
                    if (context.Find(kind.Type, name) is not { } principal)
                    {
                        external.Add((kind.Type, name));
                    }
                    else if (arn is not null)
                    {
                        extras(principal).Managed.Add(arn);
                    }
                }
            }

            result[policy] = (external.Count, known);
        }

        return result;
    }

    /// <summary>UserToGroupAddition: the group joins the memberships of each user of the scan it names.</summary>
    private static void AddMemberships(MappingContext context, Func<DeclaredResource, Extras> extras)
    {
        foreach (var addition in context.Resources(UserToGroupAddition))
        {
            var p = addition.Properties;
            var group = p.String("GroupName") is { } named ? context.Find(ResourceTypes.IamGroup, named)?.Name ?? named : null;
            if (p.Strings("Users") is not { } users)
            {
                context.NotJudged(addition, $"the users it adds to a group cannot be decided ({p.UnknownReason("Users")})");
                continue;
            }

            foreach (var user in users.Select(u => context.Find(ResourceTypes.IamUser, u)).OfType<DeclaredResource>())
            {
                if (group is null)
                {
                    extras(user).GroupsUnknown = true;
                }
                else
                {
                    extras(user).Groups.Add(group);
                }
            }
        }
    }

    /// <summary>AccessKey: a key of its user, Active unless Status says Inactive (null when the status is unknown).</summary>
    private static void AddAccessKeys(MappingContext context, Func<DeclaredResource, Extras> extras)
    {
        foreach (var key in context.Resources(AccessKey))
        {
            var p = key.Properties;
            if (context.Find(ResourceTypes.IamUser, p.String("UserName")) is { } user)
            {
                extras(user).Keys.Add(p.String("Status", absent: "Active") is { } status ? status == "Active" : null);
            }
        }
    }

    /// <summary>The principal's Policies, then the policies that name it; null when Policies is unknown.</summary>
    private static List<InlinePolicy>? Inline(MappingContext context, DeclaredResource principal, string kind, Extras extras)
    {
        var p = principal.Properties;
        if (p.Maps("Policies") is not { } embedded)
        {
            context.Warn($"{principal.Stack.Document.DisplayPath}:{principal.Resource.Position}: the inline policies of {principal.LogicalId} are unknown: {p.UnknownReason("Policies") ?? "Policies is not a list of policies"}.");
            return null;
        }

        var policies = new List<(InlinePolicy Policy, DeclaredResource DeclaredAt)>();
        for (var i = 0; i < embedded.Count; i++)
        {
            var name = embedded[i].String("PolicyName") ?? $"Policies[{i}]";
            policies.Add((new InlinePolicy(name, Document(context, principal, embedded[i], "PolicyDocument", $"policy {name} of {principal.LogicalId}")), principal));
        }

        policies.AddRange(extras.Inline);
        foreach (var (policy, declaredAt) in policies)
        {
            context.Locate(ResourceTypes.IamPolicy, $"{kind}/{principal.Name}/{policy.PolicyName}", declaredAt);
        }

        return policies.Select(x => x.Policy).ToList();
    }

    /// <summary>ManagedPolicyArns plus the managed policies of the scan that name the principal; null when ManagedPolicyArns is unknown.</summary>
    private static List<string>? Managed(Props p, Extras extras) =>
        p.Strings("ManagedPolicyArns") is { } arns ? arns.Concat(extras.Managed).Distinct(StringComparer.Ordinal).ToList() : null;

    /// <summary>A policy document, or null (with a warning saying why) when the template cannot decide it.</summary>
    private static PolicyDocument? Document(MappingContext context, DeclaredResource declared, Props p, string property, string what)
    {
        var document = p.Policy(property, out var problem);
        if (document is null)
        {
            context.Warn($"{declared.Stack.Document.DisplayPath}:{declared.Resource.Position}: the {what} is unknown: {problem ?? $"{property} is not written"}.");
        }

        return document;
    }

    /// <summary>
    /// The user's credential report row as CloudFormation creates the user: "now" is the scan, a LoginProfile is a
    /// console password, keys have unknown age and no use, and there is no MFA device. Null when the LoginProfile or
    /// a key's status cannot be decided.
    /// </summary>
    private static CredentialReportEntry? Credentials(Props p, Extras extras, DateTimeOffset now)
    {
        if ((p.Has("LoginProfile") && p.Map("LoginProfile") is null) || extras.Keys.Any(k => k is null))
        {
            return null;
        }

        return new CredentialReportEntry
        {
            ReportGeneratedAt = now,
            PasswordEnabled = p.Has("LoginProfile"),
            MfaActive = false,
            AccessKeys = extras.Keys.Select((active, i) => new AccessKeyReport(i + 1, active!.Value, null, null)).ToList(),
        };
    }

    private sealed record PrincipalKind(string Name, string Type, string ListProperty, string PolicyType, string NameProperty);

    /// <summary>What other resources add to one principal.</summary>
    private sealed class Extras
    {
        public List<(InlinePolicy Policy, DeclaredResource DeclaredAt)> Inline { get; } = [];
        public List<string> Managed { get; } = [];
        public List<string> Groups { get; } = [];
        public bool GroupsUnknown { get; set; }
        public List<bool?> Keys { get; } = [];
    }
}
