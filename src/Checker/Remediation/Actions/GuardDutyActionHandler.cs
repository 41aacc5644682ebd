using Compliance.Checker.Live;
using Compliance.Checker.Live.Clients.GuardDuty;
using Compliance.Rules;
using static Compliance.Checker.Remediation.Actions.ActionArguments;

namespace Compliance.Checker.Remediation.Actions;

/// <summary>
/// GuardDuty detectors through our GuardDuty client of the region. Only the detector's Enable flag is ever sent: no
/// features, no publishing frequency, and nothing about administrators or members. Enable must be "true": a detector is
/// never suspended from here.
/// </summary>
public sealed class GuardDutyActionHandler : IAwsActionHandler
{
    public IReadOnlyList<string> Actions { get; } = ["guardduty:CreateDetector", "guardduty:UpdateDetector", "guardduty:ListDetectors", "guardduty:GetDetector"];

    public async Task<IReadOnlyDictionary<string, string>> InvokeAsync(AwsSession session, RemediationAction action, CancellationToken cancellationToken)
    {
        var guardDuty = GuardDutyClient.For(session, Region(action));
        switch (action.Action)
        {
            case "guardduty:CreateDetector":
                var created = await guardDuty.CreateDetectorAsync(new CreateDetectorRequest(OnlyTrue(action, "Enable")), cancellationToken);
                return new Dictionary<string, string> { ["DetectorId"] = created.DetectorId ?? "" };

            case "guardduty:UpdateDetector":
                await guardDuty.UpdateDetectorAsync(new UpdateDetectorRequest(Required(action, "DetectorId"), OnlyTrue(action, "Enable")), cancellationToken);
                return new Dictionary<string, string>();

            case "guardduty:ListDetectors":
                var ids = new List<string>();
                string? token = null;
                do
                {
                    var page = await guardDuty.ListDetectorsAsync(new ListDetectorsRequest { MaxResults = 50, NextToken = token }, cancellationToken);
                    ids.AddRange(page.DetectorIds ?? []);
                    token = page.NextToken;
                }
                while (!string.IsNullOrEmpty(token));

                return new Dictionary<string, string> { ["DetectorIds"] = string.Join(",", ids) };

            case "guardduty:GetDetector":
                var detector = await guardDuty.GetDetectorAsync(new GetDetectorRequest(Required(action, "DetectorId")), cancellationToken);
                return new Dictionary<string, string> { ["Status"] = detector.Status ?? "" };

            default:
                throw new InvalidOperationException($"{nameof(GuardDutyActionHandler)} does not perform {action.Action}.");
        }
    }
}
