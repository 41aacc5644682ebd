using Compliance.Checker.Live;
using Compliance.Rules;

namespace Compliance.Checker.Remediation.Actions;

/// <summary>
/// Carries out remediation actions of one service through the session's clients. Remediations describe what to do as
/// <see cref="RemediationAction"/> data ("ec2:RevokeSecurityGroupIngress" with its parameters, including "Region");
/// the gateway finds the handler for the action. Handlers are discovered by reflection, one file per service.
/// </summary>
public interface IAwsActionHandler
{
    /// <summary>The IAM actions this handler performs, e.g. "ec2:RevokeSecurityGroupIngress", "ec2:DescribeSecurityGroupRules".</summary>
    IReadOnlyList<string> Actions { get; }

    /// <summary>Performs one action and returns the response members a remediation needs (for re-verification), by name.</summary>
    Task<IReadOnlyDictionary<string, string>> InvokeAsync(AwsSession session, RemediationAction action, CancellationToken cancellationToken);
}
