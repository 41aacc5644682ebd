using Amazon.CDK;
using Amazon.CDK.AWS.S3;
using Amazon.JSII.Runtime.Deputy;
using Constructs;

namespace Compliance.Infra;

/// <summary>
/// The app's exceptions to cdk-nag's PCI DSS 3.2.1 pack, each with its reason, written as the cdk_nag metadata that
/// cdk-nag reads (tools/cdk-nag runs the pack over cdk.out). Every exception is a decision, not an oversight: adding one
/// needs a reason a reviewer can check.
/// </summary>
internal static class NagExceptions
{
    public const string BucketReplication = "PCI.DSS.321-S3BucketReplicationEnabled";
    public const string BucketKmsEncryption = "PCI.DSS.321-S3DefaultEncryptionKMS";
    public const string RouteToInternetGateway = "PCI.DSS.321-VPCNoUnrestrictedRouteToIGW";
    public const string DefaultSecurityGroupClosed = "PCI.DSS.321-VPCDefaultSecurityGroupClosed";
    public const string LambdaInsideVpc = "PCI.DSS.321-LambdaInsideVPC";

    /// <summary>Declares exceptions on a construct's CloudFormation resource (its default child for an L2).</summary>
    public static void Declare(IConstruct construct, params (string RuleId, string Reason)[] exceptions)
    {
        var resource = construct as CfnResource ?? (CfnResource)construct.Node.DefaultChild!;
        resource.AddMetadata("cdk_nag", new Dictionary<string, object>
        {
            ["rules_to_suppress"] = exceptions.Select(e => (object)new Dictionary<string, object> { ["id"] = e.RuleId, ["reason"] = e.Reason }).ToArray(),
        });
    }

    /// <summary>Applies the exceptions every bucket of the app shares.</summary>
    public static void ApplyTo(Stack stack) => Aspects.Of(stack).Add(new EveryBucket());

    private sealed class EveryBucket : DeputyBase, IAspect
    {
        public void Visit(IConstruct node)
        {
            if (node is CfnBucket bucket && bucket.GetMetadata("cdk_nag") is null)
            {
                Declare(bucket, (BucketReplication,
                    "Cross-Region replication needs a destination bucket, Region and account that each organisation chooses; the "
                    + "baseline deploys to one Region. Versioning, Object Lock on log buckets and RETAIN on delete protect the "
                    + "records in place (PCI DSS 10.5); add a ReplicationConfiguration where a second Region is mandated."));
            }
        }
    }
}
