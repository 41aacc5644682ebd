using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using Compliance.Checker.Function;
using Compliance.Infra.Checker;

namespace Compliance.Infra.Tests;

public sealed class CheckerStackTests
{
    private static Template Default => Synth.Checker();

    [Fact]
    public void The_function_runs_dotnet10_with_the_handler_of_the_tools_defaults_and_the_chosen_memory_and_timeout()
    {
        Default.ResourceCountIs("AWS::Lambda::Function", 1);
        Default.HasResourceProperties("AWS::Lambda::Function", new Dictionary<string, object>
        {
            ["Runtime"] = "dotnet10",
            ["Handler"] = RepositoryLayout.Find().Handler(),
            ["MemorySize"] = CheckerFunction.MemoryMb,
            ["Timeout"] = CheckerFunction.TimeoutSeconds,
            ["Architectures"] = new[] { "x86_64" },
            ["FunctionName"] = "lambda-compliance-checker-dev",
        });
        Assert.True(CheckerFunction.TimeoutSeconds > CheckerFunction.DeadlineSeconds);
    }

    [Fact]
    public void The_environment_is_the_readmes_bucket_key_topic_mode_and_deadline()
    {
        var bucket = new Capture();
        var key = new Capture();
        var topic = new Capture();
        Default.HasResourceProperties("AWS::Lambda::Function", new Dictionary<string, object>
        {
            ["Environment"] = new Dictionary<string, object>
            {
                ["Variables"] = Match.ObjectEquals(new Dictionary<string, object>
                {
                    ["COMPLIANCE_REPORT_BUCKET"] = bucket,
                    ["COMPLIANCE_REPORT_KMS_KEY"] = key,
                    ["COMPLIANCE_SNS_TOPIC_ARN"] = topic,
                    ["COMPLIANCE_REMEDIATION"] = "off",
                    ["COMPLIANCE_NOTIFY_MIN_SEVERITY"] = "MEDIUM",
                    ["COMPLIANCE_DEADLINE_SECONDS"] = "600",
                }),
            },
            ["KmsKeyArn"] = Match.AnyValue(),
        });
        Assert.StartsWith("ReportsBucket", Ref(bucket));
        Assert.StartsWith("AlertsTopic", Ref(topic));
        Assert.StartsWith("Key", JsonSerializer.Serialize(key.AsObject()).Split('"')[3]);
    }

    [Fact]
    public void Every_variable_set_is_one_the_function_reads_and_valid_for_it()
    {
        var template = Synth.Checker(("remediationMode", "enforce"), ("remediationAllow", "S3.Bucket.5"), ("scanRegions", "eu-west-1,us-east-1"),
            ("suppressions", "/compliance/suppressions"));
        var variables = Json(template)["Resources"]!.AsObject().Single(r => (string?)r.Value!["Type"] == "AWS::Lambda::Function")
            .Value!["Properties"]!["Environment"]!["Variables"]!.AsObject();
        Assert.All(variables, v => Assert.Contains(v.Key, FunctionConfiguration.Variables));
        var literal = variables.ToDictionary(v => v.Key, v => v.Value is JsonValue value ? value.GetValue<string>() : v.Key switch
        {
            "COMPLIANCE_REPORT_BUCKET" => "s3-compliance-reports-dev-123456789012",
            "COMPLIANCE_SNS_TOPIC_ARN" => "arn:aws:sns:eu-west-1:123456789012:sns-compliance-alerts-dev",
            _ => "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        });
        _ = FunctionConfiguration.FromEnvironment(name => literal.GetValueOrDefault(name));
        Assert.Equal("S3.Bucket.5", literal["COMPLIANCE_REMEDIATION_ALLOW"]);
        Assert.Equal("eu-west-1,us-east-1", literal["COMPLIANCE_REGIONS"]);
    }

    [Fact]
    public void The_function_logs_to_its_own_kms_encrypted_log_group_with_retention()
    {
        var logGroup = new Capture();
        Default.HasResourceProperties("AWS::Logs::LogGroup", new Dictionary<string, object>
        {
            ["LogGroupName"] = "/aws/lambda/lambda-compliance-checker-dev",
            ["RetentionInDays"] = 365,
            ["KmsKeyId"] = Match.ObjectLike(new Dictionary<string, object> { ["Fn::GetAtt"] = Match.ArrayWith([Match.StringLikeRegexp("^Key")]) }),
        });
        Default.HasResourceProperties("AWS::Lambda::Function", new Dictionary<string, object>
        {
            ["LoggingConfig"] = new Dictionary<string, object> { ["LogGroup"] = logGroup },
        });
        Assert.StartsWith("LogsLogGroup", Ref(logGroup));
    }

    [Fact]
    public void The_key_rotates()
    {
        Default.ResourceCountIs("AWS::KMS::Key", 1);
        Default.HasResourceProperties("AWS::KMS::Key", new Dictionary<string, object> { ["EnableKeyRotation"] = true });
        Default.HasResourceProperties("AWS::KMS::Alias", new Dictionary<string, object> { ["AliasName"] = "alias/compliance-checker-dev" });
    }

    [Fact]
    public void The_key_policy_lets_logs_eventbridge_alarms_and_cloudtrail_use_the_key_logs_only_for_log_groups()
    {
        var policy = JsonSerializer.Serialize(Default.FindResources("AWS::KMS::Key"));
        foreach (var principal in new[] { "logs.eu-west-1.amazonaws.com", "events.amazonaws.com", "cloudwatch.amazonaws.com", "cloudtrail.amazonaws.com" })
        {
            Assert.Contains(principal, policy, StringComparison.Ordinal);
        }

        Assert.Contains("kms:EncryptionContext:aws:logs:arn", policy, StringComparison.Ordinal);
        Assert.Contains("kms:EncryptionContext:aws:cloudtrail:arn", policy, StringComparison.Ordinal);
        Assert.Contains("trail/trail-compliance-dev", policy, StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_bucket_is_sse_kms_versioned_private_and_has_a_lifecycle()
    {
        Default.HasResourceProperties("AWS::S3::Bucket", new Dictionary<string, object>
        {
            ["BucketEncryption"] = new Dictionary<string, object>
            {
                ["ServerSideEncryptionConfiguration"] = new object[]
                {
                    Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["ServerSideEncryptionByDefault"] = Match.ObjectLike(new Dictionary<string, object> { ["SSEAlgorithm"] = "aws:kms", ["KMSMasterKeyID"] = Match.AnyValue() }),
                    }),
                },
            },
            ["VersioningConfiguration"] = new Dictionary<string, object> { ["Status"] = "Enabled" },
            ["PublicAccessBlockConfiguration"] = new Dictionary<string, object>
            {
                ["BlockPublicAcls"] = true, ["BlockPublicPolicy"] = true, ["IgnorePublicAcls"] = true, ["RestrictPublicBuckets"] = true,
            },
            ["LifecycleConfiguration"] = new Dictionary<string, object>
            {
                ["Rules"] = Match.ArrayWith([Match.ObjectLike(new Dictionary<string, object>
                {
                    ["Status"] = "Enabled", ["ExpirationInDays"] = 365, ["Prefix"] = ReportBucket.ReportPrefix,
                })]),
            },
        });
    }

    [Fact]
    public void The_report_bucket_denies_plain_http_and_unencrypted_puts()
    {
        Default.HasResourceProperties("AWS::S3::BucketPolicy", new Dictionary<string, object>
        {
            ["PolicyDocument"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Statement"] = Match.ArrayWith(
                [
                    Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["Effect"] = "Deny",
                        ["Condition"] = new Dictionary<string, object> { ["Bool"] = new Dictionary<string, object> { ["aws:SecureTransport"] = "false" } },
                    }),
                    Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["Effect"] = "Deny", ["Action"] = "s3:PutObject",
                        ["Condition"] = new Dictionary<string, object> { ["StringNotEquals"] = new Dictionary<string, object> { ["s3:x-amz-server-side-encryption"] = "aws:kms" } },
                    }),
                ]),
            }),
        });
    }

    [Fact]
    public void The_topic_is_kms_encrypted_and_its_policy_lets_eventbridge_and_the_function_publish()
    {
        Default.HasResourceProperties("AWS::SNS::Topic", new Dictionary<string, object> { ["KmsMasterKeyId"] = Match.AnyValue() });
        var policy = JsonSerializer.Serialize(Default.FindResources("AWS::SNS::TopicPolicy"));
        Assert.Contains("events.amazonaws.com", policy, StringComparison.Ordinal);
        Assert.Contains("Role8C6B06EB", policy, StringComparison.Ordinal);
        Assert.Contains("sns:Publish", policy, StringComparison.Ordinal);
    }

    [Fact]
    public void An_alert_email_is_subscribed_only_when_given()
    {
        Default.ResourceCountIs("AWS::SNS::Subscription", 0);
        Synth.Checker(("alertEmail", "sec@example.com")).HasResourceProperties("AWS::SNS::Subscription", new Dictionary<string, object>
        {
            ["Protocol"] = "email", ["Endpoint"] = "sec@example.com",
        });
    }

    [Fact]
    public void The_nightly_schedule_invokes_the_function()
    {
        var target = new Capture();
        Default.HasResourceProperties("AWS::Events::Rule", new Dictionary<string, object>
        {
            ["ScheduleExpression"] = "cron(0 2 * * ? *)",
            ["Targets"] = new object[] { target },
        });
        Assert.Contains("CheckerFunction", JsonSerializer.Serialize(target.AsObject()), StringComparison.Ordinal);
    }

    [Fact]
    public void Security_group_api_calls_invoke_the_function_and_notify_the_topic()
    {
        var targets = new Capture();
        Default.HasResourceProperties("AWS::Events::Rule", new Dictionary<string, object>
        {
            ["EventPattern"] = new Dictionary<string, object>
            {
                ["source"] = new[] { "aws.ec2" },
                ["detail-type"] = new[] { "AWS API Call via CloudTrail" },
                ["detail"] = new Dictionary<string, object>
                {
                    ["eventSource"] = new[] { "ec2.amazonaws.com" },
                    ["eventName"] = new[]
                    {
                        "AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress", "RevokeSecurityGroupIngress",
                        "RevokeSecurityGroupEgress", "CreateSecurityGroup", "ModifySecurityGroupRules",
                    },
                },
            },
            ["Targets"] = targets,
        });
        var json = JsonSerializer.Serialize(targets.AsArray());
        Assert.Equal(2, targets.AsArray().Length);
        Assert.Contains("CheckerFunction", json, StringComparison.Ordinal);
        Assert.Contains("AlertsTopic", json, StringComparison.Ordinal);
    }

    [Fact]
    public void The_trail_is_created_only_behind_the_flag_multi_region_kms_and_validated()
    {
        Default.ResourceCountIs("AWS::CloudTrail::Trail", 0);
        var trail = Synth.Checker(("cloudTrail", "true"));
        trail.ResourceCountIs("AWS::CloudTrail::Trail", 1);
        trail.HasResourceProperties("AWS::CloudTrail::Trail", new Dictionary<string, object>
        {
            ["IsMultiRegionTrail"] = true,
            ["EnableLogFileValidation"] = true,
            ["IncludeGlobalServiceEvents"] = true,
            ["KMSKeyId"] = Match.AnyValue(),
        });
    }

    [Fact]
    public void Failed_asynchronous_invocations_go_to_a_kms_encrypted_dead_letter_queue()
    {
        var queue = new Capture();
        Default.HasResourceProperties("AWS::SQS::Queue", new Dictionary<string, object> { ["KmsMasterKeyId"] = Match.AnyValue() });
        Default.HasResourceProperties("AWS::Lambda::Function", new Dictionary<string, object>
        {
            ["DeadLetterConfig"] = new Dictionary<string, object> { ["TargetArn"] = queue },
        });
        Assert.Contains("CheckerDeadLetterQueue", JsonSerializer.Serialize(queue.AsObject()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Errors")]
    [InlineData("Throttles")]
    public void Function_errors_and_throttles_alarm_to_the_topic(string metric)
    {
        var actions = new Capture();
        Default.HasResourceProperties("AWS::CloudWatch::Alarm", new Dictionary<string, object>
        {
            ["Namespace"] = "AWS/Lambda",
            ["MetricName"] = metric,
            ["Threshold"] = 1,
            ["AlarmActions"] = actions,
        });
        Assert.Contains("AlertsTopic", JsonSerializer.Serialize(actions.AsArray()), StringComparison.Ordinal);
    }

    internal static JsonNode Json(Template template) => JsonNode.Parse(JsonSerializer.Serialize(template.ToJSON()))!;

    private static string Ref(Capture capture) => (string)capture.AsObject()["Ref"];
}
