namespace Compliance.Rules.Inventory;

/// <summary>
/// A policy embedded in one user, group or role (UserPolicyList, GroupPolicyList, RolePolicyList of
/// GetAccountAuthorizationDetails; a CloudFormation AWS::IAM::Policy or a Policies entry of the principal).
/// </summary>
/// <param name="PolicyName">The name, unique within the principal.</param>
/// <param name="Document">The policy; null when it could not be read or parsed.</param>
public sealed record InlinePolicy(string PolicyName, PolicyDocument? Document);
