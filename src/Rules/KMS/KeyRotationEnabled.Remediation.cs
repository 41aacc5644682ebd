using Compliance.Rules.Inventory;
using Compliance.Rules.Remediation;
using static Compliance.Rules.Remediation.RemediationSupport;

namespace Compliance.Rules.KMS;

/// <summary>
/// Turns on automatic rotation (EnableKeyRotation, default period) of a customer managed symmetric key whose material
/// AWS KMS generated, in state Enabled. Rotation changes no key policy and no grant: it never widens access.
/// </summary>
public sealed class KeyRotationEnabledRemediation : IRemediation
{
    internal const string Enable = "kms:EnableKeyRotation";
    internal const string Get = "kms:GetKeyRotationStatus";

    public string RuleId => RuleIds.KmsKey1;

    public IReadOnlyList<string> RequiredActions { get; } = [Enable, Get];

    public RemediationPlan? Plan(Finding finding, AwsInventory inventory)
    {
        if (!IsFailOf(finding, RuleId)
            || inventory.KmsKeys.FirstOrDefault(k => k.Id == finding.Resource.Id && k.Region == finding.Resource.Region && k.AccountId == finding.Resource.AccountId)
                is not { KeyManager: "CUSTOMER", KeySpec: "SYMMETRIC_DEFAULT", Origin: "AWS_KMS", KeyState: "Enabled", RotationEnabled: false } key)
        {
            return null;
        }

        return new RemediationPlan(RuleId, key.Ref,
            $"Enable automatic rotation of customer managed KMS key {key.DisplayName}.",
            [new RemediationAction(Enable, Parameters(key.Region, ("KeyId", key.Id)))]);
    }

    public Task<RemediationOutcome> ApplyAsync(RemediationPlan plan, IRemediationGateway gateway, CancellationToken cancellationToken) =>
        VerifiedChange.ApplyAsync(plan, gateway,
            VerifiedChange.Read(new RemediationAction(Get, Only(plan.Actions[0].Parameters, "Region", "KeyId"))),
            state => IsTrue(state, "KeyRotationEnabled"),
            "KeyRotationEnabled true",
            cancellationToken);
}
