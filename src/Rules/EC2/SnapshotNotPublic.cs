using Compliance.Rules.Inventory;

namespace Compliance.Rules.EC2;

/// <summary>No EBS snapshot grants create-volume permission to everyone.</summary>
public sealed class SnapshotNotPublic : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.Ec2Snapshot1,
        Title = "EBS snapshots are not publicly restorable",
        Rationale = "A public snapshot can be restored into a volume by any AWS account in the world, handing over the full disk contents.",
        Severity = Severity.Critical,
        ResourceTypes = [ResourceTypes.Snapshot],
        Modes = EvaluationModes.LiveOnly,
        Frameworks =
        [
            new(Frameworks.PciDss40, "1.4.4", MappingConfidence.Published),
            new(Frameworks.AwsFsbp, "EC2.1", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "EBS_SNAPSHOT_PUBLIC_RESTORABLE_CHECK", MappingConfidence.Published),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        foreach (var snapshot in context.Inventory.Snapshots)
        {
            if (snapshot.CreateVolumePermissions is not { } permissions)
            {
                yield return Descriptor.Error(snapshot.Ref, $"EBS snapshot {snapshot.DisplayName}: its createVolumePermission attribute could not be read.");
                continue;
            }

            var accounts = permissions.Where(p => !IsAll(p)).ToList();
            var evidence = new Dictionary<string, string>
            {
                ["createVolumePermissions"] = string.Join(",", permissions),
                ["encrypted"] = snapshot.Encrypted ? "true" : "false",
            };
            if (accounts.Count > 0)
            {
                evidence["sharedWithAccounts"] = string.Join(",", accounts);
            }

            if (permissions.Any(IsAll))
            {
                yield return Descriptor.Fail(snapshot.Ref, $"EBS snapshot {snapshot.DisplayName} grants createVolumePermission to group all, so any AWS account can restore it.", evidence);
            }
            else if (accounts.Count > 0)
            {
                yield return Descriptor.Pass(snapshot.Ref, $"EBS snapshot {snapshot.DisplayName} is not public; it is shared only with account{(accounts.Count == 1 ? "" : "s")} {string.Join(", ", accounts)}.", evidence);
            }
            else
            {
                yield return Descriptor.Pass(snapshot.Ref, $"EBS snapshot {snapshot.DisplayName} is not public and is shared with no other account.", evidence);
            }
        }
    }

    private static bool IsAll(string permission) => string.Equals(permission, "all", StringComparison.OrdinalIgnoreCase);
}
