using Compliance.Checker.Live;
using Compliance.Rules;
using Kms = Amazon.KeyManagementService.Model;
using static Compliance.Checker.Remediation.Actions.ActionArguments;

namespace Compliance.Checker.Remediation.Actions;

/// <summary>KMS key rotation through the region's KMS client. Rotation uses KMS's default period; no policy or grant is touched.</summary>
public sealed class KmsActionHandler : IAwsActionHandler
{
    public IReadOnlyList<string> Actions { get; } = ["kms:EnableKeyRotation", "kms:GetKeyRotationStatus"];

    public async Task<IReadOnlyDictionary<string, string>> InvokeAsync(AwsSession session, RemediationAction action, CancellationToken cancellationToken)
    {
        var kms = session.Kms(Region(action));
        var keyId = Required(action, "KeyId");
        switch (action.Action)
        {
            case "kms:EnableKeyRotation":
                await kms.EnableKeyRotationAsync(new Kms.EnableKeyRotationRequest { KeyId = keyId }, cancellationToken);
                return new Dictionary<string, string>();

            case "kms:GetKeyRotationStatus":
                var status = await kms.GetKeyRotationStatusAsync(new Kms.GetKeyRotationStatusRequest { KeyId = keyId }, cancellationToken);
                return new Dictionary<string, string>
                {
                    ["KeyRotationEnabled"] = Text(status.KeyRotationEnabled),
                    ["RotationPeriodInDays"] = status.RotationPeriodInDays?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
                };

            default:
                throw new InvalidOperationException($"{nameof(KmsActionHandler)} does not perform {action.Action}.");
        }
    }
}
