using Compliance.Checker.Live.Collection;
using Compliance.Rules.Inventory;
using Iam = Compliance.Checker.Live.Clients.IdentityManagement;

namespace Compliance.Checker.Live.Collectors;

public sealed partial class IamCollector
{
    /// <summary>
    /// The root user: GetAccountSummary's Account* flags and the virtual MFA devices assigned to it. A failed call leaves
    /// its fields unknown on a record that still exists, and is recorded against the record (resource id = account).
    /// </summary>
    private static async Task<RootUser?> ReadRootAsync(CollectorContext context, Iam.IAmazonIdentityManagementService client, CancellationToken cancellationToken)
    {
        var summaryTask = context.CallAsync(ServiceKey, "GetAccountSummary", ResourceTypes.IamRootUser,
            ct => client.GetAccountSummaryAsync(new Iam.GetAccountSummaryRequest(), ct), cancellationToken, context.AccountId);
        var devicesTask = ReadRootVirtualMfaAsync(context, client, cancellationToken);
        var summary = (await summaryTask)?.SummaryMap;
        bool? Flag(string key) => summary is not null && summary.TryGetValue(key, out var value) ? value > 0 : null;

        return new RootUser
        {
            Id = context.AccountId,
            Region = "global",
            AccountId = context.AccountId,
            Arn = $"arn:{Amazon.RegionEndpoint.GetBySystemName(context.Region).PartitionName}:iam::{context.AccountId}:root",
            PasswordPresent = Flag("AccountPasswordPresent"),
            AccessKeysPresent = Flag("AccountAccessKeysPresent"),
            MfaEnabled = Flag("AccountMFAEnabled"),
            SigningCertificatesPresent = Flag("AccountSigningCertificatesPresent"),
            VirtualMfaDevices = await devicesTask,
        };
    }

    /// <summary>Serial numbers of the assigned virtual MFA devices whose user is the root user; null when a page failed.</summary>
    private static async Task<IReadOnlyList<string>?> ReadRootVirtualMfaAsync(CollectorContext context, Iam.IAmazonIdentityManagementService client, CancellationToken cancellationToken)
    {
        var serials = new List<string>();
        string? marker = null;
        do
        {
            var page = await context.CallAsync(ServiceKey, "ListVirtualMFADevices", ResourceTypes.IamRootUser,
                ct => client.ListVirtualMFADevicesAsync(new Iam.ListVirtualMFADevicesRequest("Assigned", marker, 1000), ct), cancellationToken, context.AccountId);
            if (page is null)
            {
                return null; // a device on a page not read could be the root user's
            }

            serials.AddRange(page.VirtualMFADevices
                .Where(d => d.User?.Arn?.EndsWith(":root", StringComparison.Ordinal) == true)
                .Select(d => d.SerialNumber));
            marker = page.IsTruncated ? page.Marker : null;
        }
        while (!string.IsNullOrEmpty(marker));

        return serials;
    }
}
