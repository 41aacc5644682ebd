using Compliance.Checker.Live;
using Compliance.Checker.Live.Clients.CloudTrail;
using Compliance.Rules;
using static Compliance.Checker.Remediation.Actions.ActionArguments;

namespace Compliance.Checker.Remediation.Actions;

/// <summary>
/// CloudTrail trails through our CloudTrail client of the trail's home Region. UpdateTrail sends only the trail and
/// EnableLogFileValidation, which must be "true": no other trail setting is ever sent, and validation is never turned off.
/// </summary>
public sealed class CloudTrailActionHandler : IAwsActionHandler
{
    public IReadOnlyList<string> Actions { get; } = ["cloudtrail:UpdateTrail", "cloudtrail:DescribeTrails"];

    public async Task<IReadOnlyDictionary<string, string>> InvokeAsync(AwsSession session, RemediationAction action, CancellationToken cancellationToken)
    {
        var cloudTrail = CloudTrailClient.For(session, Region(action));
        switch (action.Action)
        {
            case "cloudtrail:UpdateTrail":
                var updated = await cloudTrail.UpdateTrailAsync(
                    new UpdateTrailRequest { Name = Required(action, "Name"), EnableLogFileValidation = OnlyTrue(action, "EnableLogFileValidation") }, cancellationToken);
                return new Dictionary<string, string>
                {
                    ["TrailARN"] = updated.TrailARN ?? "",
                    ["LogFileValidationEnabled"] = Text(updated.LogFileValidationEnabled),
                };

            case "cloudtrail:DescribeTrails":
                var name = Required(action, "TrailNameList");
                var described = await cloudTrail.DescribeTrailsAsync(new DescribeTrailsRequest { TrailNameList = [name], IncludeShadowTrails = false }, cancellationToken);
                var trail = described.TrailList.FirstOrDefault(t => t.TrailARN == name || t.Name == name);
                return trail is null
                    ? new Dictionary<string, string> { ["Name"] = name, ["Found"] = "false" }
                    : new Dictionary<string, string>
                    {
                        ["Name"] = trail.Name ?? "",
                        ["TrailARN"] = trail.TrailARN ?? "",
                        ["Found"] = "true",
                        ["LogFileValidationEnabled"] = Text(trail.LogFileValidationEnabled),
                    };

            default:
                throw new InvalidOperationException($"{nameof(CloudTrailActionHandler)} does not perform {action.Action}.");
        }
    }
}
