using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;
using Amazon.SecurityToken;

namespace Compliance.Checker.Live;

/// <summary>
/// Credentials from a named profile, or from AWSSDK.Core's standard chain (environment, shared profile, web identity,
/// container and instance roles). Resolution is deferred to the first call, so missing credentials surface as
/// collection errors (CredentialsUnavailable) rather than as a crash.
/// </summary>
public static class CredentialResolver
{
    public static AWSCredentials Resolve(string? profile)
    {
        if (profile is not null)
        {
            return new CredentialProfileStoreChain().TryGetAWSCredentials(profile, out var fromProfile)
                ? fromProfile
                : throw new Snapshots.InputException($"--profile {profile}: no such profile in the shared config or credentials file.");
        }

        return new DeferredChainCredentials();
    }

    /// <summary>Resolves the standard chain on first use.</summary>
    private sealed class DeferredChainCredentials : AWSCredentials
    {
        private readonly Lazy<AWSCredentials> _resolved = new(() =>
            new DefaultAWSCredentialsIdentityResolver().ResolveIdentity(new AmazonSecurityTokenServiceConfig()));

        public override ImmutableCredentials GetCredentials() => _resolved.Value.GetCredentials();

        public override async Task<ImmutableCredentials> GetCredentialsAsync() => await _resolved.Value.GetCredentialsAsync();
    }
}
