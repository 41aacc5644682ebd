using Compliance.Rules;
using static Compliance.Checker.Tests.Templates.TemplateFixtures;

namespace Compliance.Checker.Tests.Templates;

/// <summary>Log groups, GuardDuty, SNS, Secrets Manager, DynamoDB, CloudTrail and AWS Config.</summary>
public sealed class ServiceMappingTests
{
    [Fact]
    public void Log_groups_without_retention_never_expire_and_without_a_key_use_service_encryption()
    {
        var template = Load("""
            Resources:
              Key: { Type: AWS::KMS::Key }
              Forever: { Type: AWS::Logs::LogGroup }
              Short:
                Type: AWS::Logs::LogGroup
                Properties: { LogGroupName: /app/short, RetentionInDays: 14, KmsKeyId: !GetAtt Key.Arn }
            """);

        var groups = template.Inventory.LogGroups.ToDictionary(g => g.Id);
        Assert.Equal((null, null), (groups["Forever"].RetentionInDays, groups["Forever"].KmsKeyId));
        Assert.Equal((14, "arn:aws:kms:us-east-1:123456789012:key/Key"), (groups["/app/short"].RetentionInDays!.Value, groups["/app/short"].KmsKeyId));
        Assert.Equal("arn:aws:logs:us-east-1:123456789012:log-group:/app/short:*", groups["/app/short"].Arn);
        var findings = Scan(template, RuleIds.LogsLogGroup1, RuleIds.LogsLogGroup2);
        Assert.Equal(ComplianceStatus.Fail, Status(findings, RuleIds.LogsLogGroup1, "Forever"));
        Assert.Equal(ComplianceStatus.Pass, Status(findings, RuleIds.LogsLogGroup1, "/app/short"));
        Assert.Equal(ComplianceStatus.Pass, Status(findings, RuleIds.LogsLogGroup2, "Forever"));
        Assert.Equal(ComplianceStatus.Fail, Status(findings, RuleIds.LogsLogGroup2, "/app/short"));
    }

    [Fact]
    public void Guardduty_detectors_map_enable_and_features_and_leave_the_administrator_unknown()
    {
        var template = Load("""
            Resources:
              Detector:
                Type: AWS::GuardDuty::Detector
                Properties:
                  Enable: true
                  DataSources: { S3Logs: { Enable: false } }
                  Features: [{ Name: LAMBDA_NETWORK_LOGS, Status: ENABLED }]
            """);

        var detector = Assert.Single(template.Inventory.GuardDutyDetectors);
        Assert.Equal("ENABLED", detector.Status);
        Assert.Null(detector.AdministratorAccountId);
        Assert.Equal("DISABLED", detector.Features["S3_DATA_EVENTS"]);
        Assert.Equal("ENABLED", detector.Features["LAMBDA_NETWORK_LOGS"]);
        Assert.Equal(ComplianceStatus.Pass, Status(Scan(template, RuleIds.GuardDutyDetector1), RuleIds.GuardDutyDetector1, "Detector"));
    }

    [Fact]
    public void Topics_are_named_by_arn_get_the_default_policy_or_their_topic_policy()
    {
        var template = Load("""
            Resources:
              Key: { Type: AWS::KMS::Key }
              Quiet:
                Type: AWS::SNS::Topic
                Properties: { KmsMasterKeyId: !Ref Key }
              Loud:
                Type: AWS::SNS::Topic
                Properties: { TopicName: loud, KmsMasterKeyId: alias/aws/sns }
              LoudPolicy:
                Type: AWS::SNS::TopicPolicy
                Properties:
                  Topics: [!Ref Loud]
                  PolicyDocument:
                    Statement: [{ Effect: Allow, Principal: { AWS: "*" }, Action: sns:Subscribe, Resource: !Ref Loud }]
            """);

        var topics = template.Inventory.SnsTopics.ToDictionary(t => t.Id);
        const string quiet = "arn:aws:sns:us-east-1:123456789012:Quiet", loud = "arn:aws:sns:us-east-1:123456789012:loud";
        Assert.Equal("__default_statement_ID", Assert.Single(topics[quiet].Attributes!.Policy.Statements).Sid);
        var findings = Scan(template, RuleIds.SnsTopic1, RuleIds.SnsTopic2);
        Assert.Equal(ComplianceStatus.Pass, Status(findings, RuleIds.SnsTopic1, quiet));
        Assert.Equal(ComplianceStatus.Fail, Status(findings, RuleIds.SnsTopic1, loud));
        Assert.Equal(ComplianceStatus.Pass, Status(findings, RuleIds.SnsTopic2, quiet));
        Assert.Equal(ComplianceStatus.Fail, Status(findings, RuleIds.SnsTopic2, loud));
    }

    [Fact]
    public void Secrets_rotate_when_a_rotation_schedule_names_them()
    {
        var template = Load("""
            Resources:
              Rotated:
                Type: AWS::SecretsManager::Secret
                Properties: { Name: app/rotated }
              RotatedSchedule:
                Type: AWS::SecretsManager::RotationSchedule
                Properties:
                  SecretId: !Ref Rotated
                  HostedRotationLambda: { RotationType: PostgreSQLSingleUser }
                  RotationRules: { AutomaticallyAfterDays: 120 }
              Cron:
                Type: AWS::SecretsManager::Secret
              CronSchedule:
                Type: AWS::SecretsManager::RotationSchedule
                Properties:
                  SecretId: !Ref Cron
                  RotationLambdaARN: arn:aws:lambda:us-east-1:123456789012:function:rotate
                  RotationRules: { ScheduleExpression: "cron(0 4 ? * SUN *)" }
              Static:
                Type: AWS::SecretsManager::Secret
            """);

        var secrets = template.Inventory.Secrets.ToDictionary(s => s.Id);
        Assert.Equal((true, 120), (secrets["app/rotated"].RotationEnabled, secrets["app/rotated"].RotationIntervalDays!.Value));
        Assert.Equal("arn:aws:secretsmanager:us-east-1:123456789012:secret:app/rotated", secrets["app/rotated"].Arn);
        Assert.Equal((true, 7), (secrets["Cron"].RotationEnabled, secrets["Cron"].RotationIntervalDays!.Value));
        Assert.False(secrets["Static"].RotationEnabled);
        var findings = Scan(template, RuleIds.SecretsManagerSecret1);
        Assert.Equal(ComplianceStatus.Fail, Status(findings, RuleIds.SecretsManagerSecret1, "app/rotated"));
        Assert.Equal(ComplianceStatus.Pass, Status(findings, RuleIds.SecretsManagerSecret1, "Cron"));
        Assert.Equal(ComplianceStatus.Fail, Status(findings, RuleIds.SecretsManagerSecret1, "Static"));
    }

    [Fact]
    public void Tables_use_the_aws_owned_key_unless_sse_is_on_and_pitr_is_off_unless_enabled()
    {
        var template = Load("""
            Resources:
              Key: { Type: AWS::KMS::Key }
              Owned: { Type: AWS::DynamoDB::Table, Properties: { KeySchema: [{ AttributeName: pk, KeyType: HASH }] } }
              Managed:
                Type: AWS::DynamoDB::Table
                Properties: { SSESpecification: { SSEEnabled: true }, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }
              Customer:
                Type: AWS::DynamoDB::Table
                Properties: { TableName: ledger, SSESpecification: { SSEEnabled: true, SSEType: KMS, KMSMasterKeyId: !GetAtt Key.Arn }, DeletionProtectionEnabled: true }
            """);

        var tables = template.Inventory.DynamoDbTables.ToDictionary(t => t.Id);
        Assert.Equal(("AWS_OWNED", false), (tables["Owned"].Encryption!.SseType, tables["Owned"].PointInTimeRecoveryEnabled!.Value));
        Assert.Equal("alias/aws/dynamodb", tables["Managed"].Encryption!.KmsMasterKeyArn);
        Assert.True(tables["ledger"].DeletionProtectionEnabled);
        var findings = Scan(template, RuleIds.DynamoDbTable1, RuleIds.DynamoDbTable2);
        Assert.Equal(ComplianceStatus.Fail, Status(findings, RuleIds.DynamoDbTable2, "Owned"));
        Assert.Equal(ComplianceStatus.Fail, Status(findings, RuleIds.DynamoDbTable2, "Managed"));
        Assert.Equal(ComplianceStatus.Pass, Status(findings, RuleIds.DynamoDbTable2, "ledger"));
        Assert.Equal(ComplianceStatus.Pass, Status(findings, RuleIds.DynamoDbTable1, "Managed"));
        Assert.Equal(ComplianceStatus.Fail, Status(findings, RuleIds.DynamoDbTable1, "ledger"));
    }

    [Fact]
    public void Trails_map_their_flags_and_selectors_and_the_account_verdict_is_placed_at_the_trail()
    {
        var template = Load("""
            Resources:
              Trail:
                Type: AWS::CloudTrail::Trail
                Properties:
                  IsLogging: true
                  IsMultiRegionTrail: true
                  S3BucketName: audit-bucket
                  EventSelectors: [{ ReadWriteType: WriteOnly }]
            """);

        var trail = Assert.Single(template.Inventory.Trails);
        Assert.Equal((true, true, true, false), (trail.IsMultiRegionTrail, trail.IsLogging!.Value, trail.IncludeGlobalServiceEvents, trail.LogFileValidationEnabled));
        Assert.Equal(("WriteOnly", true), (Assert.Single(trail.EventSelectors!.Basic).ReadWriteType, trail.EventSelectors.Basic[0].IncludeManagementEvents));
        var finding = Assert.Single(Scan(template, RuleIds.CloudTrailTrail1));
        Assert.Equal(ComplianceStatus.Fail, finding.Status);
        Assert.Equal(("Trail", 2), (finding.Location!.LogicalId, finding.Location.Line));
    }

    [Fact]
    public void A_recorder_records_once_the_scan_declares_a_delivery_channel()
    {
        const string recorder = """
            Resources:
              Recorder:
                Type: AWS::Config::ConfigurationRecorder
                Properties:
                  RoleARN: !Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig"
                  RecordingGroup: { AllSupported: true, IncludeGlobalResourceTypes: true }

            """;
        var alone = Load(recorder);
        var withChannel = Load(recorder + "  Channel:\n    Type: AWS::Config::DeliveryChannel\n    Properties: { S3BucketName: config-bucket }\n");

        Assert.Null(Assert.Single(alone.Inventory.ConfigurationRecorders).Recording);
        Assert.True(Assert.Single(withChannel.Inventory.ConfigurationRecorders).Recording);
        Assert.Equal(ComplianceStatus.Error, Status(Scan(alone, RuleIds.ConfigConfigurationRecorder1), RuleIds.ConfigConfigurationRecorder1, "Recorder"));
        Assert.Equal(ComplianceStatus.Pass, Status(Scan(withChannel, RuleIds.ConfigConfigurationRecorder1), RuleIds.ConfigConfigurationRecorder1, "Recorder"));
    }

    [Fact]
    public void A_resource_whose_condition_is_false_is_left_out_and_an_undecidable_one_is_judged_with_a_warning()
    {
        var template = Load("""
            Parameters:
              Env: { Type: String, Default: dev }
              Flag: { Type: String }
            Conditions:
              IsProd: !Equals [!Ref Env, prod]
              Flagged: !Equals [!Ref Flag, "on"]
            Resources:
              ProdLogs:
                Type: AWS::Logs::LogGroup
                Condition: IsProd
              FlaggedLogs:
                Type: AWS::Logs::LogGroup
                Condition: Flagged
              AlwaysLogs:
                Type: AWS::Logs::LogGroup
                Properties: { RetentionInDays: !If [IsProd, 3653, 7] }
            """);

        Assert.Equal(["FlaggedLogs", "AlwaysLogs"], template.Inventory.LogGroups.Select(g => g.Id));
        Assert.Equal(7, template.Inventory.LogGroups[1].RetentionInDays);
        Assert.Contains(template.Warnings, w => w.Contains("condition Flagged of FlaggedLogs cannot be evaluated", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_resource_types_are_counted_as_not_mapped()
    {
        var template = Load("""
            Resources:
              Fn: { Type: AWS::SQS::Queue }
              Fn2: { Type: AWS::SQS::Queue }
              Thing: { Type: Custom::Thing }
              Meta: { Type: AWS::CDK::Metadata }
            """);

        Assert.Equal(new Dictionary<string, int> { ["AWS::SQS::Queue"] = 2, ["Custom::Thing"] = 1 }, template.NotMapped);
        Assert.Empty(template.Inventory.AllResources());
    }

    [Fact]
    public void Language_extension_loops_and_transforms_are_warnings_not_errors()
    {
        var template = Load("""
            Transform: AWS::LanguageExtensions
            Resources:
              Fn::ForEach::Topics:
                - Name
                - [a, b]
                - Topic${Name}: { Type: AWS::SNS::Topic }
              Plain: { Type: AWS::SNS::Topic }
            """);

        Assert.Single(template.Inventory.SnsTopics);
        Assert.Contains(template.Warnings, w => w.Contains("3:3: Fn::ForEach::Topics is not expanded", StringComparison.Ordinal));
        Assert.Contains(template.Warnings, w => w.Contains("transform AWS::LanguageExtensions", StringComparison.Ordinal));
    }
}
