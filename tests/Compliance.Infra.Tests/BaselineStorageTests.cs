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
        // The three baseline buckets and the AWS Config delivery bucket (BaselineGovernanceTests).
        Default.ResourceCountIs("AWS::S3::Bucket", 4);
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
        var policies = Default.FindResources("AWS::S3::BucketPolicy").Values.Select(p => JsonSerializer.Serialize(p)).ToList();
        Assert.Equal(4, policies.Count);
        Assert.All(policies, p => Assert.Contains("aws:SecureTransport", p, StringComparison.Ordinal));
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
                ["Rules"] = new object[]
                {
                    Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["ExpirationInDays"] = 30,
                        ["Transitions"] = new object[] { new Dictionary<string, object> { ["StorageClass"] = "GLACIER", ["TransitionInDays"] = 7 } },
                    }),
                },
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
        var statements = CheckerRoleTests.AllStatements(CheckerStackTests.Json(template)).Where(s => (string?)s["Effect"] == "Allow").ToList();
        Assert.NotEmpty(statements);
        Assert.All(statements.SelectMany(CheckerRoleTests.Actions), a => Assert.False(a == "*" || a.EndsWith(":*", StringComparison.Ordinal), a));
    }

    [Fact]
    public void The_flow_log_lifecycle_is_configurable()
    {
        Synth.Baseline(("flowLogGlacierDays", "14"), ("flowLogExpireDays", "120")).HasResourceProperties("AWS::S3::Bucket", new Dictionary<string, object>
        {
            ["BucketName"] = "s3-flow-logs-dev-123456789012",
            ["LifecycleConfiguration"] = new Dictionary<string, object>
            {
                ["Rules"] = new object[]
                {
                    Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["ExpirationInDays"] = 120,
                        ["Transitions"] = new object[] { new Dictionary<string, object> { ["StorageClass"] = "GLACIER", ["TransitionInDays"] = 14 } },
                    }),
                },
            },
        });
    }
}
