using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SNS;
using Constructs;

namespace Compliance.Infra.Baseline;

/// <summary>Properties of <see cref="FlowLogs"/>.</summary>
public sealed record FlowLogsProps
{
    /// <summary>The VPC.</summary>
    public required CfnVPC Vpc { get; init; }

    /// <summary>The KMS-encrypted flow-log bucket.</summary>
    public required Bucket Bucket { get; init; }

    /// <summary>Environment suffix of the names.</summary>
    public required string EnvironmentName { get; init; }

    /// <summary>The KMS-encrypted flow-log log group, which receives the rejected flows.</summary>
    public required LogGroup LogGroup { get; init; }

    /// <summary>The alarm topic.</summary>
    public required ITopic AlarmTopic { get; init; }

    /// <summary>Rejected flows in 5 minutes above which the reject-rate alarm fires.</summary>
    public int RejectThreshold { get; init; } = 100;
}

/// <summary>
/// VPC flow logs of ALL traffic delivered to the flow-log bucket, with the bucket policy the log delivery service
/// needs (PutObject under AWSLogs/{account}/, GetBucketAcl), scoped to this account's log deliveries. A second flow log
/// sends only REJECT records to the flow-log log group, where a metric filter counts them and an alarm fires on a high
/// reject rate (a scan or an attack against the NACLs and security groups). S3 is the complete, cheap archive;
/// CloudWatch Logs carries only what the alarm needs, so the volume billed twice stays small.
/// </summary>
public sealed class FlowLogs : Construct
{
    /// <summary>The flow log of all traffic, to S3.</summary>
    public CfnFlowLog FlowLog { get; }

    /// <summary>The flow log of rejected traffic, to CloudWatch Logs.</summary>
    public CfnFlowLog RejectedFlowLog { get; }

    /// <summary>The alarm on the rate of rejected flows.</summary>
    public Alarm RejectRateAlarm { get; }

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

        RejectedFlowLog = RejectedToLogs(props, stack);
        var rejects = new MetricFilter(this, "Rejects", new MetricFilterProps
        {
            LogGroup = props.LogGroup,
            // The default flow-log record format, version 2: the 13th field is the action.
            FilterPattern = FilterPattern.SpaceDelimited(
                "version", "account", "eni", "source", "destination", "srcport", "destport", "protocol", "packets", "bytes", "windowstart", "windowend", "action", "flowlogstatus")
                .WhereString("action", "=", "REJECT"),
            MetricNamespace = Monitoring.Namespace,
            MetricName = "RejectedFlows",
            MetricValue = "1",
            DefaultValue = 0,
        });
        RejectRateAlarm = new Alarm(this, "RejectRate", new AlarmProps
        {
            AlarmName = $"cw-flow-log-rejects-{props.EnvironmentName}",
            AlarmDescription = $"More than {props.RejectThreshold} rejected flows in 5 minutes in the baseline VPC.",
            Metric = rejects.Metric(new MetricOptions { Period = Duration.Minutes(5), Statistic = "Sum" }),
            Threshold = props.RejectThreshold,
            ComparisonOperator = ComparisonOperator.GREATER_THAN_THRESHOLD,
            EvaluationPeriods = 1,
            TreatMissingData = TreatMissingData.NOT_BREACHING,
        });
        RejectRateAlarm.AddAlarmAction(new SnsAction(props.AlarmTopic));
    }

    private CfnFlowLog RejectedToLogs(FlowLogsProps props, Stack stack)
    {
        // The delivery role: only this account's flow logs may assume it, and it writes only into the one log group.
        var role = new Role(this, "DeliveryRole", new RoleProps
        {
            RoleName = $"iam-flow-log-delivery-{props.EnvironmentName}",
            Description = "VPC flow logs deliver rejected flows to the flow-log log group.",
            MaxSessionDuration = Duration.Hours(1),
            AssumedBy = new ServicePrincipal("vpc-flow-logs.amazonaws.com", new ServicePrincipalOpts
            {
                Conditions = new Dictionary<string, object>
                {
                    ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = stack.Account },
                    ["ArnLike"] = new Dictionary<string, object> { ["aws:SourceArn"] = $"arn:{stack.Partition}:ec2:{stack.Region}:{stack.Account}:vpc-flow-log/*" },
                },
            }),
        });
        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "DeliverToTheFlowLogGroup",
            Actions = ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
            Resources = [props.LogGroup.LogGroupArn, $"{props.LogGroup.LogGroupArn}:log-stream:*"],
        }));
        return new CfnFlowLog(this, "RejectedFlowLog", new CfnFlowLogProps
        {
            ResourceId = props.Vpc.Ref,
            ResourceType = "VPC",
            TrafficType = "REJECT",
            LogDestinationType = "cloud-watch-logs",
            LogDestination = props.LogGroup.LogGroupArn,
            DeliverLogsPermissionArn = role.RoleArn,
            MaxAggregationInterval = 60,
        });
    }
}
