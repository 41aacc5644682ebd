using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.JSII.Runtime.Deputy;
using Constructs;

namespace Compliance.Infra;

/// <summary>
/// Turns every inline identity policy the CDK writes (a role's DefaultPolicy, an AWS::IAM::Policy) into a customer
/// managed policy attached to the same roles, users and groups. The grants CDK derives (key, secret, bucket grants)
/// stay exactly as computed; they become versioned, reviewable managed policies, as PCI DSS 3.2.1 (cdk-nag
/// IAMNoInlinePolicy) and the checker's own IAM.Role.2 ask. AWS::IAM::ManagedPolicy takes the same PolicyDocument,
/// Roles, Users and Groups; its name is generated when PolicyName is dropped.
/// </summary>
internal sealed class ManagedPoliciesOnly : DeputyBase, IAspect
{
    public void Visit(IConstruct node)
    {
        if (node is CfnPolicy policy)
        {
            policy.AddOverride("Type", "AWS::IAM::ManagedPolicy");
            policy.AddPropertyDeletionOverride("PolicyName");
        }
    }

    /// <summary>Applies the aspect to a stack.</summary>
    public static void ApplyTo(Stack stack) => Aspects.Of(stack).Add(new ManagedPoliciesOnly());
}
