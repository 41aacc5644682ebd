using Amazon.CDK.Assertions;
using Compliance.Infra.Baseline;

namespace Compliance.Infra.Tests;

public sealed class BaselineMonitoringTests
{
    private static Template Default => Synth.Baseline();

    [Theory]
    [InlineData("/baseline/application-dev")]
    [InlineData("/baseline/lambda-dev")]
    [InlineData("/baseline/flow-logs-dev")]
    public void Log_groups_are_kms_encrypted_with_the_logs_key_and_kept_a_year(string name)
    {
        Default.HasResourceProperties("AWS::Logs::LogGroup", new Dictionary<string, object>
        {
            ["LogGroupName"] = name,
            ["RetentionInDays"] = 365,
            ["KmsKeyId"] = Match.ObjectLike(new Dictionary<string, object> { ["Fn::GetAtt"] = Match.ArrayWith([Match.StringLikeRegexp("^Keyslogs")]) }),
        });
    }

    [Fact]
    public void More_than_5_authentication_failures_in_5_minutes_alarm_to_the_topic()
    {
        Default.HasResourceProperties("AWS::Logs::MetricFilter", new Dictionary<string, object>
        {
            ["MetricTransformations"] = new object[]
            {
                Match.ObjectLike(new Dictionary<string, object> { ["MetricNamespace"] = Monitoring.Namespace, ["MetricName"] = "AuthenticationFailures" }),
            },
        });
        Default.HasResourceProperties("AWS::CloudWatch::Alarm", new Dictionary<string, object>
        {
            ["MetricName"] = "AuthenticationFailures",
            ["Period"] = 300,
            ["Threshold"] = 5,
            ["ComparisonOperator"] = "GreaterThanThreshold",
            ["AlarmActions"] = new object[] { Match.ObjectLike(new Dictionary<string, object> { ["Ref"] = Match.StringLikeRegexp("^MonitoringTopic") }) },
        });
    }

    [Fact]
    public void Nat_packet_drops_and_lambda_errors_alarm_and_no_nat_alarm_without_a_nat()
    {
        Default.HasResourceProperties("AWS::CloudWatch::Alarm", new Dictionary<string, object> { ["Namespace"] = "AWS/NATGateway", ["MetricName"] = "PacketsDropCount" });
        Default.HasResourceProperties("AWS::CloudWatch::Alarm", new Dictionary<string, object> { ["Namespace"] = "AWS/Lambda", ["MetricName"] = "Errors" });
        Assert.Empty(Synth.Baseline(("nat", "false")).FindResources("AWS::CloudWatch::Alarm", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Properties"] = Match.ObjectLike(new Dictionary<string, object> { ["Namespace"] = "AWS/NATGateway" }),
        })));
    }

    [Fact]
    public void The_alarm_topic_is_kms_encrypted()
    {
        Default.HasResourceProperties("AWS::SNS::Topic", new Dictionary<string, object>
        {
            ["TopicName"] = "sns-security-alarms-dev",
            ["KmsMasterKeyId"] = Match.ObjectLike(new Dictionary<string, object> { ["Fn::GetAtt"] = Match.ArrayWith([Match.StringLikeRegexp("^Keyslogs")]) }),
        });
    }

    [Fact]
    public void Rejected_flows_go_to_the_flow_log_group_and_a_high_reject_rate_alarms_to_the_topic()
    {
        Default.HasResourceProperties("AWS::EC2::FlowLog", new Dictionary<string, object>
        {
            ["TrafficType"] = "REJECT",
            ["LogDestinationType"] = "cloud-watch-logs",
            ["DeliverLogsPermissionArn"] = Match.ObjectLike(new Dictionary<string, object> { ["Fn::GetAtt"] = Match.ArrayWith([Match.StringLikeRegexp("^FlowLogsDeliveryRole")]) }),
        });
        Default.HasResourceProperties("AWS::IAM::Role", new Dictionary<string, object>
        {
            ["RoleName"] = "iam-flow-log-delivery-dev",
            ["MaxSessionDuration"] = 3600,
            ["AssumeRolePolicyDocument"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Statement"] = new object[]
                {
                    Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["Principal"] = new Dictionary<string, object> { ["Service"] = "vpc-flow-logs.amazonaws.com" },
                        ["Condition"] = Match.ObjectLike(new Dictionary<string, object> { ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = "123456789012" } }),
                    }),
                },
            }),
        });
        Default.HasResourceProperties("AWS::Logs::MetricFilter", new Dictionary<string, object>
        {
            ["FilterPattern"] = Match.StringLikeRegexp("action = \"REJECT\""),
            ["MetricTransformations"] = new object[] { Match.ObjectLike(new Dictionary<string, object> { ["MetricName"] = "RejectedFlows" }) },
        });
        Default.HasResourceProperties("AWS::CloudWatch::Alarm", new Dictionary<string, object>
        {
            ["AlarmName"] = "cw-flow-log-rejects-dev",
            ["MetricName"] = "RejectedFlows",
            ["Threshold"] = 100,
            ["AlarmActions"] = new object[] { Match.ObjectLike(new Dictionary<string, object> { ["Ref"] = Match.StringLikeRegexp("^MonitoringTopic") }) },
        });
        Default.HasOutput("RejectRateAlarmName", new Dictionary<string, object>());
    }
}
