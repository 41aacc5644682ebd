using Compliance.Rules.Inventory;

namespace Compliance.Rules.KMS;

/// <summary>No customer managed key is scheduled for deletion.</summary>
public sealed class KeyNotPendingDeletion : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.KmsKey2,
        Title = "No customer managed KMS key is scheduled for deletion",
        Rationale = "Once a key's waiting period ends the key is gone for good and everything encrypted under it can never be decrypted; a scheduled deletion must be caught while it can still be cancelled.",
        Severity = Severity.Critical,
        ResourceTypes = [ResourceTypes.KmsKey],
        Modes = EvaluationModes.LiveOnly,
        Frameworks =
        [
            new(Frameworks.PciDss40, "3.6.1", MappingConfidence.Proposed),
            new(Frameworks.AwsFsbp, "KMS.3", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "KMS_CMK_NOT_SCHEDULED_FOR_DELETION", MappingConfidence.Published),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        foreach (var key in context.Inventory.KmsKeys)
        {
            yield return Judge(key);
        }
    }

    private Finding Judge(KmsKey key)
    {
        var evidence = KmsKeyFacts.Evidence(key);
        switch (key.KeyManager)
        {
            case null:
                return Descriptor.Error(key.Ref, $"KMS key {key.DisplayName}: its key manager is unknown, so it cannot be told whether it is a customer managed key.", evidence);
            case "AWS":
                return Descriptor.NotApplicable(key.Ref, $"KMS key {key.DisplayName} is an AWS managed key, which customers cannot schedule for deletion.", evidence);
            case not "CUSTOMER":
                return Descriptor.Error(key.Ref, $"KMS key {key.DisplayName} has the unrecognised key manager {key.KeyManager}.", evidence);
        }

        if (key.KeyState is null)
        {
            return Descriptor.Error(key.Ref, $"KMS key {key.DisplayName}: its key state is unknown.", evidence);
        }

        if (!KmsKeyFacts.IsScheduledForDeletion(key.KeyState))
        {
            return Descriptor.Pass(key.Ref, $"KMS key {key.DisplayName} is not scheduled for deletion (state {key.KeyState}).", evidence);
        }

        if (key.DeletionDate is { } date)
        {
            evidence["deletionDate"] = KmsKeyFacts.IsoUtc(date);
            return Descriptor.Fail(key.Ref, $"KMS key {key.DisplayName} is scheduled for deletion on {evidence["deletionDate"]} (state {key.KeyState}), after which data encrypted under it cannot be decrypted.", evidence);
        }

        evidence["deletionDate"] = KmsKeyFacts.Unknown;
        return Descriptor.Fail(key.Ref, $"KMS key {key.DisplayName} is scheduled for deletion (state {key.KeyState}), after which data encrypted under it cannot be decrypted.", evidence);
    }
}
