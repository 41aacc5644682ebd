using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.S3;
using Constructs;

namespace Compliance.Infra.Baseline;

/// <summary>Properties of <see cref="FlowLogs"/>.</summary>
public sealed record FlowLogsProps
{
    /// <summary>The VPC.</summary>
    public required CfnVPC Vpc { get; init; }

    /// <summary>The KMS-encrypted flow-log bucket.</summary>
    public required Bucket Bucket { get; init; }
}

/// <summary>
/// VPC flow logs of ALL traffic delivered to the flow-log bucket, with the bucket policy the log delivery service
/// needs (PutObject under AWSLogs/{account}/, GetBucketAcl), scoped to this account's log deliveries.
/// </summary>
public sealed class FlowLogs : Construct
{
    /// <summary>The flow log.</summary>
    public CfnFlowLog FlowLog { get; }

    public FlowLogs(Construct scope, string id, FlowLogsProps props) : base(scope, id)
    {
        var stack = Stack.Of(this);
        var conditions = new Dictionary<string, object>
        {
            ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = stack.Account },
            ["ArnLike"] = new Dictionary<string, object> { ["aws:SourceArn"] = $"arn:{stack.Partition}:logs:{stack.Region}:{stack.Account}:*" },
        };
        var write = props.Bucket.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "FlowLogDeliveryWrite",
            Principals = [new ServicePrincipal("delivery.logs.amazonaws.com")],
            Actions = ["s3:PutObject"],
            Resources = [props.Bucket.ArnForObjects($"AWSLogs/{stack.Account}/*")],
            Conditions = conditions,
        }));
        _ = props.Bucket.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "FlowLogDeliveryAclCheck",
            Principals = [new ServicePrincipal("delivery.logs.amazonaws.com")],
            Actions = ["s3:GetBucketAcl"],
            Resources = [props.Bucket.BucketArn],
            Conditions = conditions,
        }));

        FlowLog = new CfnFlowLog(this, "FlowLog", new CfnFlowLogProps
        {
            ResourceId = props.Vpc.Ref,
            ResourceType = "VPC",
            TrafficType = "ALL",
            LogDestinationType = "s3",
            LogDestination = props.Bucket.BucketArn,
            MaxAggregationInterval = 60,
        });
        if (write.PolicyDependable is { } policy)
        {
            FlowLog.Node.AddDependency(policy);
        }
    }
}
