using Compliance.Checker.Engine;
using Compliance.Rules;
using static Compliance.Checker.Tests.Templates.TemplateFixtures;

namespace Compliance.Checker.Tests.Templates;

/// <summary>Metric filters, alarms, SNS subscriptions, and AWS Config delivery channels, rules and conformance packs.</summary>
public sealed class MonitoringMappingTests
{
    private const string TopicArn = "arn:aws:sns:us-east-1:123456789012:security-alerts";

    /// <summary>A CIS root-usage setup in the shapes `cdk synth` writes (a Trail, a MetricFilter and an Alarm with their Refs).</summary>
    private const string RootUsage = """
        Resources:
          LogsKey: { Type: AWS::KMS::Key, Properties: { EnableKeyRotation: true } }
          TrailLogs:
            Type: AWS::Logs::LogGroup
            Properties: { LogGroupName: /aws/cloudtrail/audit, RetentionInDays: 400, KmsKeyId: !GetAtt LogsKey.Arn }
          AuditTrail:
            Type: AWS::CloudTrail::Trail
            Properties:
              IsLogging: true
              IsMultiRegionTrail: true
              EnableLogFileValidation: true
              S3BucketName: audit-logs-123456789012
              KMSKeyId: !GetAtt LogsKey.Arn
              CloudWatchLogsLogGroupArn: !GetAtt TrailLogs.Arn
              CloudWatchLogsRoleArn: arn:aws:iam::123456789012:role/cloudtrail-to-logs
          SecurityAlerts:
            Type: AWS::SNS::Topic
            Properties: { TopicName: security-alerts, KmsMasterKeyId: !Ref LogsKey }
          RootUsageFilter:
            Type: AWS::Logs::MetricFilter
            Properties:
              LogGroupName: { Ref: TrailLogs }
              FilterPattern: '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }'
              MetricTransformations: [{ MetricNamespace: CISBenchmark, MetricName: RootAccountUsage, MetricValue: "1", DefaultValue: 0 }]
          RootUsageAlarm:
            Type: AWS::CloudWatch::Alarm
            Properties:
              ComparisonOperator: GreaterThanOrEqualToThreshold
              EvaluationPeriods: 1
              MetricName: RootAccountUsage
              Namespace: CISBenchmark
              Period: 300
              Statistic: Sum
              Threshold: 1
              AlarmActions: [{ Ref: SecurityAlerts }]

        """;

    [Fact]
    public void A_metric_filter_reads_its_log_group_by_name_and_an_alarm_notifies_the_topic_arn()
    {
        var template = Load(RootUsage);

        var filter = Assert.Single(template.Inventory.MetricFilters);
        Assert.Equal(("RootUsageFilter", "/aws/cloudtrail/audit"), (filter.Id, filter.LogGroupName));
        var metric = Assert.Single(filter.MetricTransformations);
        Assert.Equal(("CISBenchmark", "RootAccountUsage", "1"), (metric.MetricNamespace, metric.MetricName, metric.MetricValue));
        Assert.Empty(metric.Dimensions);

        var alarm = Assert.Single(template.Inventory.CloudWatchAlarms);
        Assert.Equal(("RootUsageAlarm", "arn:aws:cloudwatch:us-east-1:123456789012:alarm:RootUsageAlarm"), (alarm.Id, alarm.Arn));
        Assert.True(alarm.ActionsEnabled);
        Assert.Equal([TopicArn], alarm.AlarmActions);
        Assert.Equal(("CISBenchmark", "RootAccountUsage", "Sum", "GreaterThanOrEqualToThreshold", 1.0),
            (alarm.Namespace, alarm.MetricName, alarm.Statistic, alarm.ComparisonOperator, alarm.Threshold!.Value));
        Assert.Empty(alarm.Metrics);
    }

    [Fact]
    public void A_lambda_subscription_is_confirmed_on_creation_so_the_root_usage_alarm_passes()
    {
        var template = Load(RootUsage + """
              Pager:
                Type: AWS::SNS::Subscription
                Properties:
                  TopicArn: !Ref SecurityAlerts
                  Protocol: lambda
                  Endpoint: !Sub arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:pager

            """);

        Assert.Equal(1, Assert.Single(template.Inventory.SnsTopics).SubscriptionsConfirmed);
        var findings = Scan(template, RuleIds.LogsMetricFilter1, RuleIds.CloudWatchAlarm1);
        Assert.Equal(ComplianceStatus.Pass, Status(findings, RuleIds.LogsMetricFilter1, "123456789012"));
        Assert.Equal(ComplianceStatus.Pass, Status(findings, RuleIds.CloudWatchAlarm1, "RootUsageAlarm"));
    }

    [Fact]
    public void A_topic_without_subscriptions_has_none_and_an_email_subscription_is_unknown_until_confirmed()
    {
        var bare = Load(RootUsage);
        var email = Load(RootUsage + """
              OnCall:
                Type: AWS::SNS::Subscription
                Properties: { TopicArn: !Ref SecurityAlerts, Protocol: email, Endpoint: oncall@example.com }

            """);

        Assert.Equal(0, Assert.Single(bare.Inventory.SnsTopics).SubscriptionsConfirmed);
        Assert.Null(Assert.Single(email.Inventory.SnsTopics).SubscriptionsConfirmed);
        Assert.Equal(ComplianceStatus.Fail, Status(Scan(bare, RuleIds.CloudWatchAlarm1), RuleIds.CloudWatchAlarm1, "RootUsageAlarm"));
        var unknown = Assert.Single(Scan(email, RuleIds.CloudWatchAlarm1));
        Assert.Equal(ComplianceStatus.Error, unknown.Status);
        Assert.Contains("confirmed subscriptions are unknown", unknown.Message);
    }

    [Theory]
    [InlineData("sqs", "arn:aws:sqs:us-east-1:123456789012:alerts", 1)]
    [InlineData("firehose", "arn:aws:firehose:us-east-1:123456789012:deliverystream/alerts", 1)]
    [InlineData("sms", "+15555550100", 1)]
    [InlineData("sqs", "arn:aws:sqs:us-east-1:210987654321:alerts", null)]
    [InlineData("https", "https://pager.example.com/sns", null)]
    [InlineData("email-json", "oncall@example.com", null)]
    public void Subscriptions_in_the_topic_itself_count_as_confirmed_only_when_sns_confirms_them_on_creation(string protocol, string endpoint, int? confirmed)
    {
        var template = Load($$"""
            Resources:
              Alerts:
                Type: AWS::SNS::Topic
                Properties:
                  Subscription: [{ Protocol: {{protocol}}, Endpoint: "{{endpoint}}" }]
            """);

        Assert.Equal(confirmed, Assert.Single(template.Inventory.SnsTopics).SubscriptionsConfirmed);
    }

    [Fact]
    public void An_alarm_with_actions_disabled_fails_and_one_whose_action_is_a_parameter_without_value_is_unknown()
    {
        var template = Load("""
            Parameters:
              AlertTopicArn: { Type: String }
            Resources:
              Disabled:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  AlarmName: security-disabled
                  ActionsEnabled: false
                  Namespace: AWS/Lambda
                  MetricName: Errors
                  Dimensions: [{ Name: FunctionName, Value: authorizer }]
                  Statistic: Sum
                  Threshold: 1
                  ComparisonOperator: GreaterThanOrEqualToThreshold
                  AlarmActions: [arn:aws:sns:us-east-1:123456789012:security]
              Elsewhere:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  AlarmName: security-elsewhere
                  Namespace: AWS/Lambda
                  MetricName: Errors
                  Threshold: 1
                  ComparisonOperator: GreaterThanOrEqualToThreshold
                  AlarmActions: [!Ref AlertTopicArn]
            """);

        var alarms = template.Inventory.CloudWatchAlarms.ToDictionary(a => a.Id);
        Assert.False(alarms["security-disabled"].ActionsEnabled);
        Assert.Equal(("FunctionName", "authorizer"), (alarms["security-disabled"].Dimensions[0].Name, alarms["security-disabled"].Dimensions[0].Value));
        Assert.Null(alarms["security-elsewhere"].AlarmActions);
        var findings = Scan(template, RuleIds.CloudWatchAlarm1);
        Assert.Equal(ComplianceStatus.Fail, Status(findings, RuleIds.CloudWatchAlarm1, "security-disabled"));
        Assert.Equal(ComplianceStatus.Error, Status(findings, RuleIds.CloudWatchAlarm1, "security-elsewhere"));
    }

    [Fact]
    public void A_metric_math_alarm_keeps_its_queries()
    {
        var template = Load("""
            Resources:
              Ratio:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  AlarmName: cis-root-usage-math
                  ComparisonOperator: GreaterThanThreshold
                  EvaluationPeriods: 1
                  Threshold: 0
                  Metrics:
                    - Id: root
                      ReturnData: true
                      MetricStat:
                        Metric: { Namespace: CISBenchmark, MetricName: RootAccountUsage }
                        Period: 300
                        Stat: Sum
                    - Id: doubled
                      Expression: root * 2
                      ReturnData: false
            """);

        var alarm = Assert.Single(template.Inventory.CloudWatchAlarms);
        Assert.Equal(("", "", ""), (alarm.Namespace, alarm.MetricName, alarm.Statistic));
        Assert.Equal(2, alarm.Metrics.Count);
        Assert.Equal(("root", "", true, "CISBenchmark", "RootAccountUsage"),
            (alarm.Metrics[0].Id, alarm.Metrics[0].Expression, alarm.Metrics[0].ReturnData, alarm.Metrics[0].Namespace, alarm.Metrics[0].MetricName));
        Assert.Equal(("doubled", "root * 2", false, ""), (alarm.Metrics[1].Id, alarm.Metrics[1].Expression, alarm.Metrics[1].ReturnData, alarm.Metrics[1].Namespace));
    }

    [Fact]
    public void Metric_filter_rules_are_not_applicable_without_a_declared_trail_and_fail_a_trail_without_filters()
    {
        var noTrail = Load("""
            Resources:
              AppLogs: { Type: AWS::Logs::LogGroup }
            """);
        var noFilters = Load("""
            Resources:
              TrailLogs: { Type: AWS::Logs::LogGroup, Properties: { LogGroupName: /aws/cloudtrail/audit } }
              AuditTrail:
                Type: AWS::CloudTrail::Trail
                Properties: { IsLogging: true, IsMultiRegionTrail: true, S3BucketName: audit-logs, CloudWatchLogsLogGroupArn: !GetAtt TrailLogs.Arn }
            """);

        Assert.Equal(ComplianceStatus.NotApplicable, Status(Scan(noTrail, RuleIds.LogsMetricFilter4), RuleIds.LogsMetricFilter4, "123456789012"));
        var finding = Assert.Single(Scan(noFilters, RuleIds.LogsMetricFilter4));
        Assert.Equal(ComplianceStatus.Fail, finding.Status);
        Assert.Contains("no metric filter on /aws/cloudtrail/audit matches security group changes", finding.Message);
        Assert.Equal("AuditTrail", finding.Location!.LogicalId);
    }

    [Fact]
    public void A_delivery_channel_maps_its_bucket_key_topic_and_frequency()
    {
        var template = Load("""
            Resources:
              ConfigKey: { Type: AWS::KMS::Key, Properties: { EnableKeyRotation: true } }
              ConfigBucket:
                Type: AWS::S3::Bucket
                Properties: { VersioningConfiguration: { Status: Enabled } }
              ConfigTopic: { Type: AWS::SNS::Topic, Properties: { TopicName: config-events } }
              Channel:
                Type: AWS::Config::DeliveryChannel
                Properties:
                  Name: default
                  S3BucketName: !Ref ConfigBucket
                  S3KeyPrefix: config
                  S3KmsKeyArn: !GetAtt ConfigKey.Arn
                  SnsTopicARN: !Ref ConfigTopic
                  ConfigSnapshotDeliveryProperties: { DeliveryFrequency: TwentyFour_Hours }
              Plain:
                Type: AWS::Config::DeliveryChannel
                Properties: { S3BucketName: !Ref ConfigBucket }
            """);

        var channels = template.Inventory.ConfigDeliveryChannels.ToDictionary(c => c.Id);
        var channel = channels["default"];
        Assert.Equal(("ConfigBucket", "config", "arn:aws:kms:us-east-1:123456789012:key/ConfigKey", "arn:aws:sns:us-east-1:123456789012:config-events", "TwentyFour_Hours"),
            (channel.S3BucketName, channel.S3KeyPrefix, channel.S3KmsKeyArn, channel.SnsTopicArn, channel.DeliveryFrequency));
        Assert.Equal(("", null, null, null), (channels["Plain"].S3KeyPrefix, channels["Plain"].S3KmsKeyArn, channels["Plain"].SnsTopicArn, channels["Plain"].DeliveryFrequency));
        var findings = Scan(template, RuleIds.ConfigDeliveryChannel1);
        Assert.Equal(ComplianceStatus.Pass, Status(findings, RuleIds.ConfigDeliveryChannel1, "default"));
        var plain = Assert.Single(findings, f => f.Resource.Id == "Plain");
        Assert.Equal(ComplianceStatus.Fail, plain.Status);
        Assert.Contains("sends no SNS notifications", plain.Message);
        Assert.Contains("which uses SSE-S3", plain.Message);
    }

    [Fact]
    public void Config_rules_and_a_conformance_pack_body_declare_rules_whose_evaluation_is_unknown()
    {
        var template = Load("""
            Resources:
              S3Kms:
                Type: AWS::Config::ConfigRule
                Properties:
                  ConfigRuleName: s3-default-encryption-kms
                  Source: { Owner: AWS, SourceIdentifier: S3_DEFAULT_ENCRYPTION_KMS }
              Periodic:
                Type: AWS::Config::ConfigRule
                Properties:
                  MaximumExecutionFrequency: TwentyFour_Hours
                  Source: { Owner: CUSTOM_LAMBDA, SourceIdentifier: arn:aws:lambda:us-east-1:123456789012:function:check }
              Pack:
                Type: AWS::Config::ConformancePack
                Properties:
                  ConformancePackName: baseline
                  TemplateBody: |
                    Resources:
                      FlowLogs:
                        Type: AWS::Config::ConfigRule
                        Properties:
                          ConfigRuleName: vpc-flow-logs-enabled
                          Source: { Owner: AWS, SourceIdentifier: VPC_FLOW_LOGS_ENABLED }
              FromS3:
                Type: AWS::Config::ConformancePack
                Properties: { ConformancePackName: remote, TemplateS3Uri: s3://packs/remote.yaml }
            """);

        var rules = template.Inventory.ConfigRules.ToDictionary(r => r.Id);
        Assert.Equal(["s3-default-encryption-kms", "Periodic", "vpc-flow-logs-enabled-conformance-pack-baseline"], rules.Keys);
        Assert.Equal(("AWS", "S3_DEFAULT_ENCRYPTION_KMS", "ACTIVE", null), (rules["s3-default-encryption-kms"].Owner, rules["s3-default-encryption-kms"].SourceIdentifier, rules["s3-default-encryption-kms"].State, rules["s3-default-encryption-kms"].CreatedBy));
        Assert.Equal("TwentyFour_Hours", rules["Periodic"].MaximumExecutionFrequency);
        Assert.Equal("config-conforms.amazonaws.com", rules["vpc-flow-logs-enabled-conformance-pack-baseline"].CreatedBy);
        Assert.All(rules.Values, r => Assert.Null(r.EvaluationStatus));
        Assert.Contains(template.Warnings, w => w.Contains("FromS3 is not judged: its rules are in TemplateS3Uri", StringComparison.Ordinal));

        var parameters = new Dictionary<string, string> { ["requiredRules"] = "S3_DEFAULT_ENCRYPTION_KMS,VPC_FLOW_LOGS_ENABLED" };
        var rule = RuleRegistry.BuiltIn().Rules.Single(r => r.Descriptor.Id == RuleIds.ConfigConfigRule1);
        var finding = Assert.Single(rule.Evaluate(new RuleContext(template.Inventory, rule.Descriptor, parameters, fromTemplate: true)));
        Assert.Equal(ComplianceStatus.Pass, finding.Status);
        Assert.Contains("judged on the live account", finding.Message);
    }

    [Fact]
    public void Config_rule_verdicts_in_a_template_are_located_at_the_first_declared_rule()
    {
        var template = Load("""
            Resources:
              AppLogs: { Type: AWS::Logs::LogGroup }
              Versioning:
                Type: AWS::Config::ConfigRule
                Properties: { Source: { Owner: AWS, SourceIdentifier: S3_BUCKET_VERSIONING_ENABLED } }
            """);

        var finding = Assert.Single(Scan(template, RuleIds.ConfigConfigRule1));

        Assert.Equal(ComplianceStatus.Fail, finding.Status);
        Assert.Equal(("Versioning", 3), (finding.Location!.LogicalId, finding.Location.Line));
        Assert.Equal(ComplianceStatus.NotApplicable, Assert.Single(Scan(Load("Resources:\n  AppLogs: { Type: AWS::Logs::LogGroup }\n"), RuleIds.ConfigConfigRule1)).Status);
    }
}
