using Amazon.Runtime;
using Compliance.Checker.Live.Collection;
using Compliance.Rules.Inventory;
using Iam = Compliance.Checker.Live.Clients.IdentityManagement;

namespace Compliance.Checker.Live.Collectors;

/// <summary>
/// IAM, once per scan on the global endpoint: the account password policy (GetAccountPasswordPolicy, one call).
/// NoSuchEntity is IAM's answer for an account without a policy: a PasswordPolicy with Configured = false.
/// </summary>
public sealed class IamCollector : ICollector
{
    public string Service => "iam";
    public IReadOnlyList<string> Produces { get; } = [ResourceTypes.PasswordPolicy];
    public bool IsGlobal => true;
    public IReadOnlyDictionary<string, string> Permissions { get; } = new Dictionary<string, string>
    {
        ["iam:GetAccountPasswordPolicy"] = "iam:GetAccountPasswordPolicy",
    };

    public async Task CollectAsync(CollectorContext context, CancellationToken cancellationToken)
    {
        if (!context.Scope.Wants(ResourceTypes.PasswordPolicy)
            || context.Scope.IdsFor(ResourceTypes.PasswordPolicy) is { } named && !named.Contains(context.AccountId))
        {
            return;
        }

        var client = Iam.IdentityManagementServiceClient.For(context.Session, context.Region);
        var read = await context.CallAsync("iam", "GetAccountPasswordPolicy", ResourceTypes.PasswordPolicy, async ct =>
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
