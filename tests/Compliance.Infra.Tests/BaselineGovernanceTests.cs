using Amazon.CDK.Assertions;
using Compliance.Infra.Baseline;

namespace Compliance.Infra.Tests;

public sealed class BaselineGovernanceTests
{
    private static Template Default => Synth.Baseline();

    [Fact]
    public void GuardDuty_publishes_every_15_minutes_with_s3_and_lambda_protection()
    {
        Default.ResourceCountIs("AWS::GuardDuty::Detector", 1);
        Default.HasResourceProperties("AWS::GuardDuty::Detector", new Dictionary<string, object>
        {
            ["Enable"] = true,
            ["FindingPublishingFrequency"] = "FIFTEEN_MINUTES",
            ["Features"] = new object[]
            {
                new Dictionary<string, object> { ["Name"] = "S3_DATA_EVENTS", ["Status"] = "ENABLED" },
                new Dictionary<string, object> { ["Name"] = "LAMBDA_NETWORK_LOGS", ["Status"] = "ENABLED" },
            },
            ["DataSources"] = Match.Absent(),
            ["Tags"] = Match.ArrayWith(new object[] { new Dictionary<string, object> { ["Key"] = "Environment", ["Value"] = "dev" } }),
        });
        Default.HasOutput("GuardDutyDetectorId", new Dictionary<string, object>());
    }

    [Fact]
    public void The_audit_table_is_on_demand_kms_encrypted_with_the_app_key_recoverable_and_protected()
    {
        Default.ResourceCountIs("AWS::DynamoDB::Table", 1);
        Default.HasResource("AWS::DynamoDB::Table", new Dictionary<string, object>
        {
            ["DeletionPolicy"] = "Retain",
            ["Properties"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["TableName"] = "dynamodb-audit-dev",
                ["BillingMode"] = "PAY_PER_REQUEST",
                ["DeletionProtectionEnabled"] = true,
                ["PointInTimeRecoverySpecification"] = new Dictionary<string, object> { ["PointInTimeRecoveryEnabled"] = true },
                ["SSESpecification"] = new Dictionary<string, object>
                {
                    ["SSEEnabled"] = true,
                    ["SSEType"] = "KMS",
                    ["KMSMasterKeyId"] = new Dictionary<string, object> { ["Fn::GetAtt"] = new object[] { Match.StringLikeRegexp("^Keysapp"), "Arn" } },
                },
                ["Tags"] = Match.ArrayWith(new object[] { new Dictionary<string, object> { ["Key"] = "Compliance", ["Value"] = "PCI-DSS-3.2.1" } }),
            }),
        });
        Default.HasOutput("AuditTableName", new Dictionary<string, object>());
        Default.HasOutput("AuditTableArn", new Dictionary<string, object>());
    }

    [Fact]
    public void Config_records_everything_as_the_service_linked_role()
    {
        Default.ResourceCountIs("AWS::Config::ConfigurationRecorder", 1);
        Default.HasResourceProperties("AWS::Config::ConfigurationRecorder", new Dictionary<string, object>
        {
            ["Name"] = "config-recorder-dev",
            ["RecordingGroup"] = new Dictionary<string, object> { ["AllSupported"] = true, ["IncludeGlobalResourceTypes"] = true },
        });
        var recorder = System.Text.Json.JsonSerializer.Serialize(Default.FindResources("AWS::Config::ConfigurationRecorder"));
        Assert.Contains(":iam::123456789012:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig", recorder, StringComparison.Ordinal);
        Default.HasOutput("ConfigRecorderName", new Dictionary<string, object>());
    }

    [Fact]
    public void Config_delivers_to_a_dedicated_kms_versioned_private_bucket()
    {
        Default.HasResourceProperties("AWS::Config::DeliveryChannel", new Dictionary<string, object>
        {
            ["Name"] = "config-delivery-dev",
            ["S3BucketName"] = new Dictionary<string, object> { ["Ref"] = Match.StringLikeRegexp("^ConfigBucket") },
            ["S3KmsKeyArn"] = new Dictionary<string, object> { ["Fn::GetAtt"] = new object[] { Match.StringLikeRegexp("^Keyss3"), "Arn" } },
        });
        Default.HasResourceProperties("AWS::S3::Bucket", new Dictionary<string, object>
        {
            ["BucketName"] = "s3-config-dev-123456789012",
            ["VersioningConfiguration"] = new Dictionary<string, object> { ["Status"] = "Enabled" },
            ["PublicAccessBlockConfiguration"] = new Dictionary<string, object>
            {
                ["BlockPublicAcls"] = true, ["BlockPublicPolicy"] = true, ["IgnorePublicAcls"] = true, ["RestrictPublicBuckets"] = true,
            },
            ["BucketEncryption"] = new Dictionary<string, object>
            {
                ["ServerSideEncryptionConfiguration"] = new object[]
                {
                    Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["ServerSideEncryptionByDefault"] = new Dictionary<string, object>
                        {
                            ["SSEAlgorithm"] = "aws:kms",
                            ["KMSMasterKeyID"] = new Dictionary<string, object> { ["Fn::GetAtt"] = new object[] { Match.StringLikeRegexp("^Keyss3"), "Arn" } },
                        },
                    }),
                },
            },
        });
        var policy = System.Text.Json.JsonSerializer.Serialize(Default.FindResources("AWS::S3::BucketPolicy"));
        Assert.Contains("config.amazonaws.com", policy, StringComparison.Ordinal);
        Assert.Contains("AWSLogs/123456789012/Config/*", policy, StringComparison.Ordinal);
        Assert.Contains("bucket-owner-full-control", policy, StringComparison.Ordinal);
        var keys = System.Text.Json.JsonSerializer.Serialize(Default.FindResources("AWS::KMS::Key"));
        Assert.Contains("ConfigEncryptsDeliveries", keys, StringComparison.Ordinal);
        Default.HasOutput("ConfigBucketName", new Dictionary<string, object>());
        Default.HasOutput("ConfigDeliveryChannelName", new Dictionary<string, object>());
    }

    [Theory]
    [InlineData("s3-default-encryption-kms", "S3_DEFAULT_ENCRYPTION_KMS")]
    [InlineData("encrypted-volumes", "ENCRYPTED_VOLUMES")]
    [InlineData("log-group-encrypted", "CLOUDWATCH_LOG_GROUP_ENCRYPTED")]
    [InlineData("dynamodb-table-encrypted-kms", "DYNAMODB_TABLE_ENCRYPTED_KMS")]
    public void Config_has_managed_encryption_rules_that_wait_for_the_recorder(string purpose, string identifier)
    {
        var rules = Default.FindResources("AWS::Config::ConfigRule", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Properties"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["ConfigRuleName"] = $"config-{purpose}-dev",
                ["Source"] = new Dictionary<string, object> { ["Owner"] = "AWS", ["SourceIdentifier"] = identifier },
            }),
        }));
        var rule = Assert.Single(rules).Value;
        Assert.Contains("Recorder", System.Text.Json.JsonSerializer.Serialize(rule), StringComparison.Ordinal);
        Default.HasOutput("ConfigRuleNames", new Dictionary<string, object>());
    }

    [Fact]
    public void Security_events_are_routed_to_the_alarm_topic_with_retries_and_a_dead_letter_queue()
    {
        var rules = Default.FindResources("AWS::Events::Rule");
        Assert.Equal(SecurityEventsRuleCount, rules.Count);
        foreach (var (_, rule) in CheckerStackTests.Json(Default)["Resources"]!.AsObject().Where(r => (string?)r.Value!["Type"] == "AWS::Events::Rule"))
        {
            var target = Assert.Single(rule!["Properties"]!["Targets"]!.AsArray())!;
            Assert.Contains("MonitoringTopic", target["Arn"]!.ToJsonString(), StringComparison.Ordinal);
            Assert.NotNull(target["DeadLetterConfig"]);
            Assert.NotNull(target["RetryPolicy"]);
        }

        Default.HasResourceProperties("AWS::Events::Rule", new Dictionary<string, object>
        {
            ["EventPattern"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["detail-type"] = new[] { "AWS API Call via CloudTrail" },
                ["detail"] = Match.ObjectLike(new Dictionary<string, object> { ["eventName"] = Match.ArrayWith(["PutRolePolicy", "ScheduleKeyDeletion", "StopLogging", "DeleteSecurityGroup"]) }),
            }),
        });
        Default.HasResourceProperties("AWS::SQS::Queue", new Dictionary<string, object> { ["SqsManagedSseEnabled"] = true });
    }

    private const int SecurityEventsRuleCount = 5;

    [Fact]
    public void An_access_analyzer_watches_for_external_access_and_config_notifies_the_topic_with_the_pci_rules_deployed()
    {
        Default.HasResourceProperties("AWS::AccessAnalyzer::Analyzer", new Dictionary<string, object> { ["Type"] = "ACCOUNT", ["AnalyzerName"] = "access-analyzer-dev" });
        Default.HasResourceProperties("AWS::Config::DeliveryChannel", new Dictionary<string, object>
        {
            ["SnsTopicARN"] = Match.ObjectLike(new Dictionary<string, object> { ["Ref"] = Match.StringLikeRegexp("^MonitoringTopic") }),
        });
        foreach (var identifier in ConfigRecording.EncryptionRules.Values.Concat(ConfigRecording.AccessRules.Values))
        {
            Default.HasResourceProperties("AWS::Config::ConfigRule", Match.ObjectLike(new Dictionary<string, object>
            {
                ["Source"] = Match.ObjectLike(new Dictionary<string, object> { ["SourceIdentifier"] = identifier }),
            }));
        }
    }

    [Fact]
    public void Buckets_are_marked_as_holding_no_cardholder_data()
    {
        foreach (var template in new[] { Default, Synth.Checker() })
        {
            foreach (var (_, bucket) in CheckerStackTests.Json(template)["Resources"]!.AsObject().Where(r => (string?)r.Value!["Type"] == "AWS::S3::Bucket"))
            {
                var tags = bucket!["Properties"]!["Tags"]!.AsArray().ToDictionary(t => (string)t!["Key"]!, t => (string)t!["Value"]!);
                Assert.Equal("false", tags["PCIScope"]);
            }
        }
    }
}
