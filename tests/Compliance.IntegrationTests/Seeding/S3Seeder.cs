using Amazon.S3;
using Amazon.S3.Model;
using Compliance.Checker.Live;

namespace Compliance.IntegrationTests.Seeding;

/// <summary>
/// Buckets in one region: it-pass-bucket meets every bucket rule (Block Public Access, SSE-KMS with the compliant key
/// and a Bucket Key, TLS-only policy, versioning, lifecycle, access logging, ACLs disabled); it-fail-bucket meets none
/// (public-read policy); it-pass-logs is its Object-Locked log bucket (also the trail's and Config's), it-fail-logs a
/// log bucket without Object Lock. Runs after <see cref="KmsSeeder"/>.
/// </summary>
public static class S3Seeder
{
    public static async Task SeedAsync(AwsSession session, Planted planted, string region)
    {
        var s3 = session.S3(region);
        var logs = await BucketAsync(s3, planted, region, "it-pass-logs", objectLock: true);
        await s3.PutObjectLockConfigurationAsync(new PutObjectLockConfigurationRequest
        {
            BucketName = logs,
            ObjectLockConfiguration = new ObjectLockConfiguration
            {
                ObjectLockEnabled = ObjectLockEnabled.Enabled,
                Rule = new ObjectLockRule { DefaultRetention = new DefaultRetention { Mode = ObjectLockRetentionMode.Governance, Days = 365 } },
            },
        });
        await s3.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = logs, Policy = LogDeliveryPolicy(logs, planted.AccountId) });

        var failLogs = await BucketAsync(s3, planted, region, "it-fail-logs", objectLock: false);
        await s3.PutBucketTaggingAsync(new PutBucketTaggingRequest { BucketName = failLogs, TagSet = [new Tag { Key = "Purpose", Value = "logs" }] });

        var pass = await BucketAsync(s3, planted, region, "it-pass-bucket", objectLock: false);
        await s3.PutBucketOwnershipControlsAsync(new PutBucketOwnershipControlsRequest
        {
            BucketName = pass, OwnershipControls = new OwnershipControls { Rules = [new OwnershipControlsRule { ObjectOwnership = ObjectOwnership.BucketOwnerEnforced }] },
        });
        await s3.PutPublicAccessBlockAsync(new PutPublicAccessBlockRequest
        {
            BucketName = pass,
            PublicAccessBlockConfiguration = new PublicAccessBlockConfiguration { BlockPublicAcls = true, IgnorePublicAcls = true, BlockPublicPolicy = true, RestrictPublicBuckets = true },
        });
        await s3.PutBucketEncryptionAsync(new PutBucketEncryptionRequest
        {
            BucketName = pass,
            ServerSideEncryptionConfiguration = new ServerSideEncryptionConfiguration
            {
                ServerSideEncryptionRules =
                [
                    new ServerSideEncryptionRule
                    {
                        BucketKeyEnabled = true,
                        ServerSideEncryptionByDefault = new ServerSideEncryptionByDefault
                        {
                            ServerSideEncryptionAlgorithm = ServerSideEncryptionMethod.AWSKMS,
                            ServerSideEncryptionKeyManagementServiceKeyId = planted.Id(region, KmsSeeder.PassKeyArn),
                        },
                    },
                ],
            },
        });
        var tlsOnly = $$$$"""{"Version":"2012-10-17","Statement":[{"Sid":"DenyPlainHttp","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::{{{{pass}}}}","arn:aws:s3:::{{{{pass}}}}/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}""";
        await s3.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = pass, Policy = tlsOnly });
        await s3.PutBucketVersioningAsync(new PutBucketVersioningRequest { BucketName = pass, VersioningConfig = new S3BucketVersioningConfig { Status = VersionStatus.Enabled } });
        await s3.PutLifecycleConfigurationAsync(new PutLifecycleConfigurationRequest
        {
            BucketName = pass,
            Configuration = new LifecycleConfiguration
            {
                Rules =
                [
                    new LifecycleRule
                    {
                        Id = "tidy", Status = LifecycleRuleStatus.Enabled, Filter = new LifecycleFilter { Prefix = "" },
                        NoncurrentVersionExpiration = new LifecycleRuleNoncurrentVersionExpiration { NoncurrentDays = 90 },
                        AbortIncompleteMultipartUpload = new LifecycleRuleAbortIncompleteMultipartUpload { DaysAfterInitiation = 7 },
                    },
                ],
            },
        });
        await s3.PutBucketLoggingAsync(new PutBucketLoggingRequest { BucketName = pass, LoggingConfig = new S3BucketLoggingConfig { TargetBucketName = logs, TargetPrefix = "it-pass-bucket/" } });

        // AWS turns Block Public Access on for new buckets; the planted violation needs it off before a public policy is accepted.
        var fail = await BucketAsync(s3, planted, region, "it-fail-bucket", objectLock: false);
        await s3.DeletePublicAccessBlockAsync(new DeletePublicAccessBlockRequest { BucketName = fail });
        var publicRead = $$$$"""{"Version":"2012-10-17","Statement":[{"Sid":"PublicRead","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::{{{{fail}}}}/*"}]}""";
        await s3.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = fail, Policy = publicRead });
    }

    private static async Task<string> BucketAsync(IAmazonS3 s3, Planted planted, string region, string logical, bool objectLock)
    {
        var name = planted.BucketOf(logical, region);
        await s3.PutBucketAsync(new PutBucketRequest
        {
            BucketName = name, BucketRegionName = region == "us-east-1" ? null : region, ObjectLockEnabledForBucket = objectLock ? true : null,
        });
        planted.Add(region, logical, name);
        planted.OnCleanup($"{logical} in {region}", () => EmptyAndDeleteAsync(s3, name));
        return name;
    }

    /// <summary>Lets S3 server access logging, CloudTrail and AWS Config write into the log bucket (AWS checks this; moto only for logging).</summary>
    private static string LogDeliveryPolicy(string bucket, string account) => $$$$"""
        {"Version":"2012-10-17","Statement":[
          {"Sid":"AccessLogs","Effect":"Allow","Principal":{"Service":"logging.s3.amazonaws.com"},"Action":"s3:PutObject","Resource":"arn:aws:s3:::{{{{bucket}}}}/*","Condition":{"StringEquals":{"aws:SourceAccount":"{{{{account}}}}"}}},
          {"Sid":"AuditAclCheck","Effect":"Allow","Principal":{"Service":["cloudtrail.amazonaws.com","config.amazonaws.com"]},"Action":["s3:GetBucketAcl","s3:ListBucket"],"Resource":"arn:aws:s3:::{{{{bucket}}}}","Condition":{"StringEquals":{"aws:SourceAccount":"{{{{account}}}}"}}},
          {"Sid":"AuditWrite","Effect":"Allow","Principal":{"Service":["cloudtrail.amazonaws.com","config.amazonaws.com"]},"Action":"s3:PutObject","Resource":"arn:aws:s3:::{{{{bucket}}}}/AWSLogs/{{{{account}}}}/*","Condition":{"StringEquals":{"aws:SourceAccount":"{{{{account}}}}"}}}]}
        """;

    /// <summary>Deletes every object version (bypassing governance-mode locks) and then the bucket.</summary>
    private static async Task EmptyAndDeleteAsync(IAmazonS3 s3, string bucket)
    {
        ListVersionsResponse page;
        do
        {
            page = await s3.ListVersionsAsync(new ListVersionsRequest { BucketName = bucket });
            var versions = (page.Versions ?? []).Select(v => new KeyVersion { Key = v.Key, VersionId = v.VersionId }).ToList();
            if (versions.Count > 0)
            {
                await s3.DeleteObjectsAsync(new DeleteObjectsRequest { BucketName = bucket, Objects = versions, BypassGovernanceRetention = true });
            }
        }
        while (page.IsTruncated == true);

        await s3.DeleteBucketAsync(new DeleteBucketRequest { BucketName = bucket });
    }
}
