using Compliance.Checker.Live.Collection;
using Compliance.Rules.Inventory;
using Iam = Compliance.Checker.Live.Clients.IdentityManagement;

namespace Compliance.Checker.Live.Collectors;

public sealed partial class IamCollector
{
    private const string AuthorizationDetails = "GetAccountAuthorizationDetails";

    /// <summary>
    /// Users, groups, roles and customer managed policies from GetAccountAuthorizationDetails (filtered to the wanted
    /// types; inline policies make IamPolicy want users, groups and roles), and the roles' MaxSessionDuration from ListRoles.
    /// A failed page is recorded against every wanted type (the list is incomplete); what was read before it is kept.
    /// AWS managed policies are not read (filter LocalManagedPolicy only).
    /// </summary>
    private static async Task<IReadOnlyList<AwsResource>> ReadPrincipalsAsync(CollectorContext context, Iam.IAmazonIdentityManagementService client, CancellationToken cancellationToken)
    {
        var inline = context.Scope.Wants(ResourceTypes.IamPolicy);
        var wanted = new (string Type, string Filter, bool Wanted)[]
        {
            (ResourceTypes.IamUser, "User", inline || context.Scope.Wants(ResourceTypes.IamUser)),
            (ResourceTypes.IamGroup, "Group", inline || context.Scope.Wants(ResourceTypes.IamGroup)),
            (ResourceTypes.IamRole, "Role", inline || context.Scope.Wants(ResourceTypes.IamRole)),
            (ResourceTypes.IamManagedPolicy, "LocalManagedPolicy", context.Scope.Wants(ResourceTypes.IamManagedPolicy)),
        }.Where(w => w.Wanted).ToList();
        if (wanted.Count == 0)
        {
            return [];
        }

        var sessions = wanted.Any(w => w.Type == ResourceTypes.IamRole) ? ReadMaxSessionDurationsAsync(context, client, cancellationToken) : Task.FromResult<Dictionary<string, int>?>(null);
        var (details, complete) = await ReadAuthorizationDetailsAsync(context, client, wanted.Select(w => w.Filter).ToList(), cancellationToken);
        var maxSessions = await sessions;
        if (!complete)
        {
            var failure = context.Builder.Errors.LastOrDefault(e => e.Service == ServiceKey && e.Operation == AuthorizationDetails && e.AccountId == context.AccountId);
            foreach (var type in wanted.Skip(1).Select(w => w.Type).Append(inline ? ResourceTypes.IamPolicy : null).OfType<string>())
            {
                context.Missing(ServiceKey, AuthorizationDetails, type, failure?.ErrorCode ?? "NotCollected", failure?.Message ?? "GetAccountAuthorizationDetails failed.");
            }
        }

        var mapper = new IamPrincipalMapper(context, maxSessions);
        var types = wanted.Select(w => w.Type).ToHashSet(StringComparer.Ordinal);
        bool Keep(string type, string name) => types.Contains(type) && (context.Scope.IdsFor(type) is not { } named || named.Contains(name));
        return details.UserDetailList.Where(u => Keep(ResourceTypes.IamUser, u.UserName)).Select(mapper.User)
            .Concat<AwsResource>(details.GroupDetailList.Where(g => Keep(ResourceTypes.IamGroup, g.GroupName)).Select(mapper.Group))
            .Concat(details.RoleDetailList.Where(r => Keep(ResourceTypes.IamRole, r.RoleName)).Select(mapper.Role))
            .Concat(details.Policies.Where(p => Keep(ResourceTypes.IamManagedPolicy, p.PolicyName)).Select(mapper.Policy))
            .ToList();
    }

    /// <summary>Every page merged into one response, and whether every page was read (a failure is recorded against the first wanted type).</summary>
    private static async Task<(Iam.GetAccountAuthorizationDetailsResponse Details, bool Complete)> ReadAuthorizationDetailsAsync(
        CollectorContext context, Iam.IAmazonIdentityManagementService client, IReadOnlyList<string> filter, CancellationToken cancellationToken)
    {
        var firstType = filter[0] switch { "User" => ResourceTypes.IamUser, "Group" => ResourceTypes.IamGroup, "Role" => ResourceTypes.IamRole, _ => ResourceTypes.IamManagedPolicy };
        var all = new Iam.GetAccountAuthorizationDetailsResponse();
        string? marker = null;
        do
        {
            var page = await context.CallAsync(ServiceKey, AuthorizationDetails, firstType,
                ct => client.GetAccountAuthorizationDetailsAsync(new Iam.GetAccountAuthorizationDetailsRequest(filter, marker, 1000), ct), cancellationToken);
            if (page is null)
            {
                return (all, false);
            }

            all = all with
            {
                UserDetailList = [.. all.UserDetailList, .. page.UserDetailList],
                GroupDetailList = [.. all.GroupDetailList, .. page.GroupDetailList],
                RoleDetailList = [.. all.RoleDetailList, .. page.RoleDetailList],
                Policies = [.. all.Policies, .. page.Policies],
            };
            marker = page.IsTruncated ? page.Marker : null;
        }
        while (!string.IsNullOrEmpty(marker));

        return (all, true);
    }

    /// <summary>
    /// MaxSessionDuration by role name (ListRoles, all pages); null when a page failed. That failure concerns one field of
    /// every role, not the role list, so it is recorded with resource id "*": each role's duration reads as unknown.
    /// </summary>
    private static async Task<Dictionary<string, int>?> ReadMaxSessionDurationsAsync(CollectorContext context, Iam.IAmazonIdentityManagementService client, CancellationToken cancellationToken)
    {
        var durations = new Dictionary<string, int>(StringComparer.Ordinal);
        string? marker = null;
        do
        {
            var page = await context.CallAsync(ServiceKey, "ListRoles", ResourceTypes.IamRole,
                ct => client.ListRolesAsync(new Iam.ListRolesRequest(marker, 1000), ct), cancellationToken, resourceId: "*");
            if (page is null)
            {
                return null;
            }

            foreach (var role in page.Roles)
            {
                if (role.MaxSessionDuration is { } seconds)
                {
                    durations[role.RoleName] = seconds;
                }
            }

            marker = page.IsTruncated ? page.Marker : null;
        }
        while (!string.IsNullOrEmpty(marker));

        return durations;
    }
}
