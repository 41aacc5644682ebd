using Amazon.Runtime;
using Compliance.Checker.Live.Collection;
using Compliance.Rules.Inventory;
using Iam = Compliance.Checker.Live.Clients.IdentityManagement;

namespace Compliance.Checker.Live.Collectors;

/// <summary>
/// IAM, once per scan on the global endpoint, with no call per user, role or policy:
/// <list type="bullet">
/// <item>the password policy (GetAccountPasswordPolicy; NoSuchEntity is "no policy", Configured = false);</item>
/// <item>the root user (GetAccountSummary, ListVirtualMFADevices);</item>
/// <item>the credential report (GenerateCredentialReport until COMPLETE, then GetCredentialReport), whose rows go to the
/// users and the root user;</item>
/// <item>users, groups, roles and customer managed policies with every policy document (GetAccountAuthorizationDetails,
/// paginated), and each role's MaxSessionDuration, which that call lacks (ListRoles, paginated).</item>
/// </list>
/// The independent reads run at once. Each happens only when the scope wants what it produces.
/// </summary>
public sealed partial class IamCollector : ICollector
{
    private const string ServiceKey = "iam";
    private static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(2);
    private readonly TimeSpan _pollInterval;

    public IamCollector()
        : this(DefaultPollInterval)
    {
    }

    /// <param name="reportPollInterval">The wait between GenerateCredentialReport calls while the report is being built.</param>
    internal IamCollector(TimeSpan reportPollInterval) => _pollInterval = reportPollInterval;

    public string Service => ServiceKey;

    public IReadOnlyList<string> Produces { get; } =
    [
        ResourceTypes.PasswordPolicy, ResourceTypes.IamRootUser, ResourceTypes.IamCredentialReport, ResourceTypes.IamUser,
        ResourceTypes.IamGroup, ResourceTypes.IamRole, ResourceTypes.IamManagedPolicy, ResourceTypes.IamPolicy,
    ];

    public bool IsGlobal => true;

    public IReadOnlyDictionary<string, string> Permissions { get; } = new Dictionary<string, string>
    {
        ["iam:GetAccountPasswordPolicy"] = "iam:GetAccountPasswordPolicy",
        ["iam:GetAccountSummary"] = "iam:GetAccountSummary",
        ["iam:ListVirtualMFADevices"] = "iam:ListVirtualMFADevices",
        ["iam:GenerateCredentialReport"] = "iam:GenerateCredentialReport",
        ["iam:GetCredentialReport"] = "iam:GetCredentialReport",
        ["iam:GetAccountAuthorizationDetails"] = "iam:GetAccountAuthorizationDetails",
        ["iam:ListRoles"] = "iam:ListRoles",
    };

    public async Task CollectAsync(CollectorContext context, CancellationToken cancellationToken)
    {
        var client = Iam.IdentityManagementServiceClient.For(context.Session, context.Region);
        var passwordPolicy = ForThisAccount(context, ResourceTypes.PasswordPolicy) ? CollectPasswordPolicyAsync(context, client, cancellationToken) : Task.CompletedTask;
        var root = ForThisAccount(context, ResourceTypes.IamRootUser) ? ReadRootAsync(context, client, cancellationToken) : Task.FromResult<RootUser?>(null);
        var report = context.Scope.Wants(ResourceTypes.IamCredentialReport) ? ReadCredentialReportAsync(context, client, cancellationToken) : Task.FromResult<IReadOnlyList<CredentialReportRow>?>(null);
        var principals = ReadPrincipalsAsync(context, client, cancellationToken);
        await Task.WhenAll(passwordPolicy, root, report, principals);

        var rows = report.Result?.ToDictionary(r => r.User, r => r.Entry, StringComparer.Ordinal);
        if (root.Result is { } rootUser)
        {
            context.Builder.Add(rootUser with { CredentialReport = rows?.GetValueOrDefault(CredentialReportCsv.RootUser) });
        }

        foreach (var resource in principals.Result)
        {
            context.Builder.Add(resource is IamUser user ? user with { Credentials = rows?.GetValueOrDefault(user.Id) } : resource);
        }
    }

    /// <summary>An account-level type the scope wants for this account (a targeted scan names account ids).</summary>
    private static bool ForThisAccount(CollectorContext context, string type) =>
        context.Scope.Wants(type) && (context.Scope.IdsFor(type) is not { } named || named.Contains(context.AccountId));

    private static async Task CollectPasswordPolicyAsync(CollectorContext context, Iam.IAmazonIdentityManagementService client, CancellationToken cancellationToken)
    {
        var read = await context.CallAsync(ServiceKey, "GetAccountPasswordPolicy", ResourceTypes.PasswordPolicy, async ct =>
        {
            try
            {
                return new PolicyRead((await client.GetAccountPasswordPolicyAsync(new Iam.GetAccountPasswordPolicyRequest(), ct)).PasswordPolicy);
            }
            catch (AmazonServiceException e) when (e.ErrorCode == "NoSuchEntity")
            {
                return new PolicyRead(null);
            }
        }, cancellationToken);

        if (read is null)
        {
            return; // recorded as a collection error: the policy is unknown
        }

        var policy = read.Policy;
        context.Builder.Add(new PasswordPolicy
        {
            Id = context.AccountId,
            Region = "global",
            AccountId = context.AccountId,
            Configured = policy is not null,
            MinimumPasswordLength = policy?.MinimumPasswordLength ?? 0,
            RequireSymbols = policy?.RequireSymbols ?? false,
            RequireNumbers = policy?.RequireNumbers ?? false,
            RequireUppercaseCharacters = policy?.RequireUppercaseCharacters ?? false,
            RequireLowercaseCharacters = policy?.RequireLowercaseCharacters ?? false,
            AllowUsersToChangePassword = policy?.AllowUsersToChangePassword ?? false,
            ExpirePasswords = policy?.ExpirePasswords ?? false,
            MaxPasswordAge = policy?.MaxPasswordAge,
            PasswordReusePrevention = policy?.PasswordReusePrevention,
            HardExpiry = policy?.HardExpiry ?? false,
        });
    }

    /// <summary>The account's policy, or null when it has none (NoSuchEntity).</summary>
    private sealed record PolicyRead(Iam.PasswordPolicy? Policy);
}
