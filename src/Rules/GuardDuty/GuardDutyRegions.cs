using Compliance.Rules.Inventory;

namespace Compliance.Rules.GuardDuty;

/// <summary>What the GuardDuty rules share: a region's detectors, and the verdict for a region without one.</summary>
internal static class GuardDutyRegions
{
    /// <summary>The detectors of one account in one region (at most one, as GuardDuty allows).</summary>
    public static IReadOnlyList<GuardDutyDetector> Detectors(AwsInventory inventory, string account, string region) =>
        inventory.GuardDutyDetectors.Where(d => d.AccountId == account && d.Region == region).ToList();

    /// <summary>
    /// The finding, on the account in that region, when it has no detector: ERROR when the detectors could not be listed
    /// there, else FAIL saying "…, so <paramref name="consequence"/>."
    /// </summary>
    public static Finding NoDetector(RuleDescriptor rule, AwsInventory inventory, string account, string region, string consequence)
    {
        var accountRef = AccountRef(account, region);
        if (ListingFailure(inventory, region) is { } failed)
        {
            return rule.Error(accountRef,
                $"Account {account} in {region}: GuardDuty detectors could not be listed ({failed.Operation}: {failed.ErrorCode}), so it is unknown whether GuardDuty is enabled.",
                new Dictionary<string, string> { ["errorCode"] = failed.ErrorCode, ["operation"] = failed.Operation });
        }

        return rule.Fail(accountRef, $"Account {account} has no GuardDuty detector in {region}, so {consequence}.",
            new Dictionary<string, string> { ["detectorCount"] = "0" });
    }

    /// <summary>The failure that left a region's detector list incomplete, or null.</summary>
    public static CollectionError? ListingFailure(AwsInventory inventory, string region) =>
        inventory.CollectionErrors.FirstOrDefault(e => e.ResourceType == ResourceTypes.GuardDutyDetector && e.Region == region && e.ResourceId is null);

    /// <summary>The account in a region, as a finding's subject.</summary>
    public static ResourceRef AccountRef(string account, string region) => new(ResourceTypes.Account, account, null, region, account);
}
