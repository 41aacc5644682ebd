using Compliance.Rules.Inventory;

namespace Compliance.Rules.KMS;

/// <summary>Automatic rotation is on for every customer managed symmetric key whose material AWS KMS generated.</summary>
public sealed class KeyRotationEnabled : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.KmsKey1,
        Title = "Customer managed symmetric KMS keys have automatic rotation enabled",
        Rationale = "Rotating key material limits how much data one key version protects and how long a leaked version stays useful; AWS rotates its managed keys itself, but a customer managed key rotates only when rotation is turned on.",
        Severity = Severity.Medium,
        ResourceTypes = [ResourceTypes.KmsKey],
        Modes = EvaluationModes.TemplateAndLive,
        Frameworks =
        [
            new(Frameworks.PciDss40, "3.7.4", MappingConfidence.Published),
            new(Frameworks.CisAws30, "3.6", MappingConfidence.Published),
            new(Frameworks.AwsSecurityHub, "KMS.4", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "CMK_BACKING_KEY_ROTATION_ENABLED", MappingConfidence.Published),
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
        evidence["keySpec"] = key.KeySpec ?? KmsKeyFacts.Unknown;
        evidence["origin"] = key.Origin ?? KmsKeyFacts.Unknown;
        evidence["rotationEnabled"] = key.RotationEnabled is { } enabled ? (enabled ? "true" : "false") : KmsKeyFacts.Unknown;

        switch (key.KeyManager)
        {
            case null:
                return Descriptor.Error(key.Ref, $"KMS key {key.DisplayName}: its key manager is unknown, so it cannot be told whether rotation is the customer's to enable.", evidence);
            case "AWS":
                return Descriptor.NotApplicable(key.Ref, $"KMS key {key.DisplayName} is an AWS managed key, whose material AWS rotates every year without a customer setting.", evidence);
            case not "CUSTOMER":
                return Descriptor.Error(key.Ref, $"KMS key {key.DisplayName} has the unrecognised key manager {key.KeyManager}.", evidence);
        }

        if (key.KeyState is null)
        {
            return Descriptor.Error(key.Ref, $"KMS key {key.DisplayName}: its key state is unknown.", evidence);
        }

        if (KmsKeyFacts.IsScheduledForDeletion(key.KeyState))
        {
            return Descriptor.NotApplicable(key.Ref, $"KMS key {key.DisplayName} is scheduled for deletion (state {key.KeyState}), so its rotation no longer matters.", evidence);
        }

        if (key.KeySpec is null || key.Origin is null)
        {
            var unknown = key.KeySpec is null ? "key spec" : "origin";
            return Descriptor.Error(key.Ref, $"KMS key {key.DisplayName}: its {unknown} is unknown, so it cannot be told whether automatic rotation is supported.", evidence);
        }

        if (key.KeySpec != "SYMMETRIC_DEFAULT")
        {
            return Descriptor.NotApplicable(key.Ref, $"KMS key {key.DisplayName} is a {key.KeySpec} key, and AWS KMS rotates only symmetric encryption keys automatically.", evidence);
        }

        if (key.Origin != "AWS_KMS")
        {
            var why = key.Origin == "EXTERNAL"
                ? "has imported key material (origin EXTERNAL), which AWS KMS cannot rotate automatically"
                : $"lives in a custom key store (origin {key.Origin}), where automatic rotation is not supported";
            return Descriptor.NotApplicable(key.Ref, $"KMS key {key.DisplayName} {why}.", evidence);
        }

        return key.RotationEnabled switch
        {
            null => Descriptor.Error(key.Ref, $"KMS key {key.DisplayName}: its rotation status is unknown (GetKeyRotationStatus gave no answer).", evidence),
            false => Descriptor.Fail(key.Ref, $"KMS key {key.DisplayName} is a customer managed symmetric key with automatic rotation disabled.", evidence),
            true => Descriptor.Pass(key.Ref, $"KMS key {key.DisplayName} is a customer managed symmetric key with automatic rotation enabled.", evidence),
        };
    }
}
