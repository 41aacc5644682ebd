using System.Globalization;
using Amazon.Runtime;
using Compliance.Checker.Live;
using Compliance.Checker.Live.Clients.IdentityManagement;
using Compliance.Rules;
using static Compliance.Checker.Remediation.Actions.ActionArguments;

namespace Compliance.Checker.Remediation.Actions;

/// <summary>
/// The account password policy through our IAM client on the partition's global endpoint. Region "global" (what IAM
/// findings carry) means the scan's first region, which picks the partition. UpdateAccountPasswordPolicy is sent with
/// exactly the settings given; the remediation gives them all, since IAM resets the ones left out.
/// </summary>
public sealed class IamActionHandler : IAwsActionHandler
{
    public IReadOnlyList<string> Actions { get; } = ["iam:UpdateAccountPasswordPolicy", "iam:GetAccountPasswordPolicy"];

    public async Task<IReadOnlyDictionary<string, string>> InvokeAsync(AwsSession session, RemediationAction action, CancellationToken cancellationToken)
    {
        var region = Region(action) is "global" ? session.Options.Regions.FirstOrDefault(r => r != "all") ?? "us-east-1" : Region(action);
        var iam = IdentityManagementServiceClient.For(session, region);
        switch (action.Action)
        {
            case "iam:UpdateAccountPasswordPolicy":
                await iam.UpdateAccountPasswordPolicyAsync(new UpdateAccountPasswordPolicyRequest
                {
                    MinimumPasswordLength = Number(action, "MinimumPasswordLength") ?? throw new ArgumentException($"{action.Action} needs the parameter MinimumPasswordLength.", nameof(action)),
                    RequireSymbols = Flag(action, "RequireSymbols"),
                    RequireNumbers = Flag(action, "RequireNumbers"),
                    RequireUppercaseCharacters = Flag(action, "RequireUppercaseCharacters"),
                    RequireLowercaseCharacters = Flag(action, "RequireLowercaseCharacters"),
                    AllowUsersToChangePassword = Flag(action, "AllowUsersToChangePassword"),
                    HardExpiry = Flag(action, "HardExpiry"),
                    MaxPasswordAge = Number(action, "MaxPasswordAge"),
                    PasswordReusePrevention = Number(action, "PasswordReusePrevention"),
                }, cancellationToken);
                return new Dictionary<string, string>();

            case "iam:GetAccountPasswordPolicy":
                try
                {
                    var policy = (await iam.GetAccountPasswordPolicyAsync(new GetAccountPasswordPolicyRequest(), cancellationToken)).PasswordPolicy;
                    return new Dictionary<string, string>
                    {
                        ["Configured"] = "true",
                        ["MinimumPasswordLength"] = Whole(policy.MinimumPasswordLength),
                        ["RequireSymbols"] = Text(policy.RequireSymbols ?? false),
                        ["RequireNumbers"] = Text(policy.RequireNumbers ?? false),
                        ["RequireUppercaseCharacters"] = Text(policy.RequireUppercaseCharacters ?? false),
                        ["RequireLowercaseCharacters"] = Text(policy.RequireLowercaseCharacters ?? false),
                        ["AllowUsersToChangePassword"] = Text(policy.AllowUsersToChangePassword ?? false),
                        ["MaxPasswordAge"] = Whole(policy.MaxPasswordAge),
                        ["PasswordReusePrevention"] = Whole(policy.PasswordReusePrevention),
                        ["HardExpiry"] = Text(policy.HardExpiry ?? false),
                    };
                }
                catch (AmazonServiceException e) when (e.ErrorCode == "NoSuchEntity")
                {
                    return new Dictionary<string, string> { ["Configured"] = "false" };
                }

            default:
                throw new InvalidOperationException($"{nameof(IamActionHandler)} does not perform {action.Action}.");
        }
    }

    private static int? Number(RemediationAction action, string name) =>
        Optional(action, name) is { } text
            ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
                ? value
                : throw new ArgumentException($"{action.Action}: parameter {name} must be a positive whole number, not '{text}'.", nameof(action))
            : null;

    private static string Whole(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
