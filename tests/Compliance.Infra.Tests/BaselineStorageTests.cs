using Compliance.Infra.Baseline;
using System.Text.Json;
using Amazon.CDK.Assertions;

namespace Compliance.Infra.Tests;

public sealed class BaselineStorageTests
{
    private static Template Default => Synth.Baseline();

    [Theory]
    [InlineData("app-logs")]
    [InlineData("flow-logs")]
    [InlineData("compliance-reports")]
    public void Buckets_are_sse_kms_with_the_s3_key_versioned_and_fully_private(string purpose)
    {
        // The three baseline buckets, the AWS Config delivery bucket (BaselineGovernanceTests) and the access-log bucket.
        Default.ResourceCountIs("AWS::S3::Bucket", 5);
        Default.HasResourceProperties("AWS::S3::Bucket", new Dictionary<string, object>
        {
            ["BucketName"] = $"s3-{purpose}-dev-123456789012",
            ["BucketEncryption"] = new Dictionary<string, object>
            {
                ["ServerSideEncryptionConfiguration"] = new object[]
                {
                    Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["ServerSideEncryptionByDefault"] = new Dictionary<string, object>
                        {
                            ["SSEAlgorithm"] = "aws:kms",
                            ["KMSMasterKeyID"] = Match.ObjectLike(new Dictionary<string, object> { ["Fn::GetAtt"] = Match.ArrayWith([Match.StringLikeRegexp("^Keyss3")]) }),
                        },
                    }),
                },
            },
            ["VersioningConfiguration"] = new Dictionary<string, object> { ["Status"] = "Enabled" },
            ["PublicAccessBlockConfiguration"] = new Dictionary<string, object>
            {
                ["BlockPublicAcls"] = true, ["BlockPublicPolicy"] = true, ["IgnorePublicAcls"] = true, ["RestrictPublicBuckets"] = true,
            },
        });
    }

    [Fact]
    public void Every_bucket_is_tls_only_and_denies_puts_without_kms()
    {
        var all = Default.FindResources("AWS::S3::BucketPolicy").Values.Select(p => JsonSerializer.Serialize(p)).ToList();
        Assert.Equal(5, all.Count);
        Assert.All(all, p => Assert.Contains("aws:SecureTransport", p, StringComparison.Ordinal));
        // The access-log destination takes SSE-S3 deliveries from logging.s3.amazonaws.com; every other bucket is SSE-KMS only.
        var policies = all.Where(p => !p.Contains("logging.s3.amazonaws.com", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, policies.Count);
        Assert.All(policies, p => Assert.Contains("s3:x-amz-server-side-encryption", p, StringComparison.Ordinal));
        Assert.Equal(2, policies.Count(p => p.Contains("DenyPutWithoutKmsEncryptionHeader", StringComparison.Ordinal)));
    }

    [Fact]
    public void Flow_logs_of_all_traffic_go_to_the_flow_log_bucket_which_archives_then_expires()
    {
        Default.HasResourceProperties("AWS::EC2::FlowLog", new Dictionary<string, object>
        {
            ["ResourceType"] = "VPC", ["TrafficType"] = "ALL", ["LogDestinationType"] = "s3",
            ["LogDestination"] = Match.ObjectLike(new Dictionary<string, object> { ["Fn::GetAtt"] = Match.ArrayWith([Match.StringLikeRegexp("^Bucketsflowlogs")]) }),
        });
        Default.HasResourceProperties("AWS::S3::Bucket", new Dictionary<string, object>
        {
            ["BucketName"] = "s3-flow-logs-dev-123456789012",
            ["LifecycleConfiguration"] = new Dictionary<string, object>
            {
                ["Rules"] = Match.ArrayWith(
                [
                    Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["ExpirationInDays"] = 365,
                        ["Transitions"] = new object[] { new Dictionary<string, object> { ["StorageClass"] = "GLACIER", ["TransitionInDays"] = 7 } },
                    }),
                ]),
            },
        });
        var policy = JsonSerializer.Serialize(Default.FindResources("AWS::S3::BucketPolicy"));
        Assert.Contains("delivery.logs.amazonaws.com", policy, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void No_allow_statement_in_the_baseline_has_a_star_action(bool auditor)
    {
        var template = auditor
            ? Synth.Baseline(("auditorAccount", "210987654321"), ("auditorExternalId", "0123456789abcdef0123456789abcdef"), ("auditorCidr", "198.51.100.0/24"))
            : Default;
        // VPC endpoint policies are left out: they grant nothing (the caller's own identity policy still decides), they
        // only filter what may pass the endpoint, so there "<service>:*" for this account's principals is the point.
        var resources = CheckerStackTests.Json(template)["Resources"]!.AsObject()
            .Where(r => (string?)r.Value!["Type"] != "AWS::EC2::VPCEndpoint")
            .Select(r => r.Value!);
        var statements = resources.SelectMany(CheckerRoleTests.AllStatements).Where(s => (string?)s["Effect"] == "Allow").ToList();
        Assert.NotEmpty(statements);
        Assert.All(statements.SelectMany(CheckerRoleTests.Actions), a => Assert.False(a == "*" || a.EndsWith(":*", StringComparison.Ordinal), a));
    }

    [Fact]
    public void Endpoint_policies_admit_only_this_accounts_principals_and_only_their_own_service()
    {
        var endpoints = CheckerStackTests.Json(Default)["Resources"]!.AsObject().Where(r => (string?)r.Value!["Type"] == "AWS::EC2::VPCEndpoint").ToList();
        Assert.Equal(Endpoints.GatewayServices.Count + Endpoints.InterfaceServices.Count, endpoints.Count);
        foreach (var (_, endpoint) in endpoints)
        {
            var statement = Assert.Single(endpoint!["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray())!;
            var service = endpoint["Properties"]!["ServiceName"]!.ToJsonString();
            var action = statement["Action"]!.GetValue<string>();
            Assert.EndsWith(":*", action, StringComparison.Ordinal);
            Assert.Contains("." + (action == "cloudwatch:*" ? "monitoring" : action[..^2]), service, StringComparison.Ordinal);
            Assert.Equal("123456789012", statement["Condition"]!["StringEquals"]!["aws:PrincipalAccount"]!.GetValue<string>());
        }
    }

    [Fact]
    public void The_flow_log_lifecycle_is_configurable()
    {
        Synth.Baseline(("flowLogGlacierDays", "14"), ("flowLogExpireDays", "120")).HasResourceProperties("AWS::S3::Bucket", new Dictionary<string, object>
        {
            ["BucketName"] = "s3-flow-logs-dev-123456789012",
            ["LifecycleConfiguration"] = new Dictionary<string, object>
            {
                ["Rules"] = Match.ArrayWith(
                [
                    Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["ExpirationInDays"] = 120,
                        ["Transitions"] = new object[] { new Dictionary<string, object> { ["StorageClass"] = "GLACIER", ["TransitionInDays"] = 14 } },
                    }),
                ]),
            },
        });
    }

    [Fact]
    public void Every_bucket_logs_access_to_the_sse_s3_access_log_bucket_and_the_flow_log_bucket_is_object_locked()
    {
        var buckets = CheckerStackTests.Json(Default)["Resources"]!.AsObject().Where(r => (string?)r.Value!["Type"] == "AWS::S3::Bucket").ToList();
        var (accessLogsId, accessLogs) = buckets.Single(b => b.Value!["Properties"]!["BucketName"]!.ToJsonString().Contains("s3-access-logs-dev", StringComparison.Ordinal));
        Assert.Equal("AES256", accessLogs!["Properties"]!["BucketEncryption"]!["ServerSideEncryptionConfiguration"]![0]!["ServerSideEncryptionByDefault"]!["SSEAlgorithm"]!.GetValue<string>());
        Assert.Null(accessLogs["Properties"]!["LoggingConfiguration"]);
        foreach (var (id, bucket) in buckets.Where(b => b.Key != accessLogsId))
        {
            Assert.Equal(accessLogsId, bucket!["Properties"]!["LoggingConfiguration"]!["DestinationBucketName"]!["Ref"]!.GetValue<string>());
            Assert.Contains(bucket["Properties"]!["LifecycleConfiguration"]!["Rules"]!.AsArray(), r => r!["AbortIncompleteMultipartUpload"] is not null);
        }

        Default.HasResourceProperties("AWS::S3::Bucket", new Dictionary<string, object>
        {
            ["BucketName"] = "s3-flow-logs-dev-123456789012",
            ["ObjectLockEnabled"] = true,
            ["ObjectLockConfiguration"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Rule"] = new Dictionary<string, object> { ["DefaultRetention"] = new Dictionary<string, object> { ["Mode"] = "GOVERNANCE", ["Days"] = 365 } },
            }),
        });
    }
}
