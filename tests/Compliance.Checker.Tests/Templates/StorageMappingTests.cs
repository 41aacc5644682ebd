using Compliance.Rules;
using Compliance.Rules.Inventory;
using static Compliance.Checker.Tests.Templates.TemplateFixtures;

namespace Compliance.Checker.Tests.Templates;

/// <summary>Buckets, bucket policies, keys and aliases, and how a reference to a template key resolves as customer managed.</summary>
public sealed class StorageMappingTests
{
    [Fact]
    public void A_bucket_that_sets_nothing_gets_s3s_defaults_for_new_buckets()
    {
        var bucket = Assert.Single(Load("Resources:\n  Plain:\n    Type: AWS::S3::Bucket\n").Inventory.Buckets);

        Assert.Equal(("Plain", "arn:aws:s3:::Plain"), (bucket.Id, bucket.Arn));
        Assert.Equal(new BucketEncryption("AES256", null, false), bucket.Encryption);
        Assert.True(bucket.PublicAccessBlock!.AllBlocked);
        Assert.Equal(("Off", "BucketOwnerEnforced"), (bucket.Versioning!.Status, bucket.ObjectOwnership));
        Assert.Same(PolicyDocument.Empty, bucket.Policy);
        Assert.Empty(bucket.AclGrants!);
        Assert.False(bucket.Logging!.Enabled);
        Assert.Empty(bucket.LifecycleRules!);
        Assert.False(bucket.ObjectLock!.Enabled);
    }

    private const string Buckets = """
        Parameters:
          Env: { Type: String, Default: dev }
        Resources:
          DataKey:
            Type: AWS::KMS::Key
            Properties:
              EnableKeyRotation: true
              Tags: [{ Key: Purpose, Value: data }]
          DataKeyAlias:
            Type: AWS::KMS::Alias
            Properties: { AliasName: alias/data, TargetKeyId: !Ref DataKey }
          Data:
            Type: AWS::S3::Bucket
            Properties:
              BucketName: !Sub "data-${Env}-${AWS::AccountId}"
              BucketEncryption:
                ServerSideEncryptionConfiguration:
                  - ServerSideEncryptionByDefault: { SSEAlgorithm: aws:kms, KMSMasterKeyID: !Ref DataKey }
                    BucketKeyEnabled: true
              VersioningConfiguration: { Status: Enabled }
              LoggingConfiguration: { DestinationBucketName: !Ref Logs, LogFilePrefix: data/ }
              LifecycleConfiguration:
                Rules:
                  - Id: tidy
                    Status: Enabled
                    NoncurrentVersionExpiration: { NoncurrentDays: 30 }
                    AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 }
                    Transitions: [{ StorageClass: GLACIER, TransitionInDays: 90 }]
          DataPolicy:
            Type: AWS::S3::BucketPolicy
            Properties:
              Bucket: !Ref Data
              PolicyDocument:
                Statement:
                  - Effect: Deny
                    Principal: { AWS: "*" }
                    Action: s3:*
                    Resource: [!GetAtt Data.Arn, !Join ["", [!GetAtt Data.Arn, "/*"]]]
                    Condition: { Bool: { aws:SecureTransport: "false" } }
          Logs:
            Type: AWS::S3::Bucket
            Properties:
              AccessControl: LogDeliveryWrite
              OwnershipControls: { Rules: [{ ObjectOwnership: ObjectWriter }] }
              BucketEncryption:
                ServerSideEncryptionConfiguration:
                  - ServerSideEncryptionByDefault: { SSEAlgorithm: aws:kms, KMSMasterKeyID: alias/data }
              ObjectLockEnabled: true
              ObjectLockConfiguration: { ObjectLockEnabled: Enabled, Rule: { DefaultRetention: { Mode: GOVERNANCE, Years: 2 } } }
              LoggingConfiguration: {}
          Foreign:
            Type: AWS::S3::Bucket
            Properties:
              BucketEncryption:
                ServerSideEncryptionConfiguration:
                  - ServerSideEncryptionByDefault: { SSEAlgorithm: aws:kms, KMSMasterKeyID: arn:aws:kms:us-east-1:999999999999:key/1234abcd-12ab-34cd-56ef-1234567890ab }
                    BucketKeyEnabled: true

        """;

    [Fact]
    public void Bucket_settings_policies_and_acls_map_as_written()
    {
        var buckets = Load(Buckets).Inventory.Buckets.ToDictionary(b => b.Id);

        var data = buckets["data-dev-123456789012"];
        Assert.Equal(new BucketEncryption("aws:kms", "DataKey", true), data.Encryption);
        Assert.True(data.Versioning!.Enabled);
        Assert.Equal(("Logs", "data/"), (data.Logging!.TargetBucket, data.Logging.TargetPrefix));
        var rule = Assert.Single(data.LifecycleRules!);
        Assert.Equal(("tidy", 30, 7), (rule.Id, rule.NoncurrentVersionExpirationDays!.Value, rule.AbortIncompleteMultipartUploadDays!.Value));
        Assert.Equal(new LifecycleTransition(90, "GLACIER"), Assert.Single(rule.Transitions));
        var deny = Assert.Single(data.Policy!.Statements);
        Assert.Equal(["arn:aws:s3:::data-dev-123456789012", "arn:aws:s3:::data-dev-123456789012/*"], deny.Resources);

        var logs = buckets["Logs"];
        Assert.Equal("ObjectWriter", logs.ObjectOwnership);
        Assert.Contains(logs.AclGrants!, g => g.Grantee.EndsWith("/LogDelivery", StringComparison.Ordinal) && g.Permission == "WRITE");
        Assert.Equal(new ObjectLock(true, "GOVERNANCE", 730), logs.ObjectLock);
        Assert.Equal("Logs", logs.Logging!.TargetBucket);
    }

    [Fact]
    public void A_key_of_the_template_is_customer_managed_by_ref_by_arn_and_by_alias_and_a_foreign_key_is_unknown()
    {
        var template = Load(Buckets);
        var key = Assert.Single(template.Inventory.KmsKeys);
        Assert.Equal(("DataKey", "CUSTOMER", "Enabled", "SYMMETRIC_DEFAULT", "AWS_KMS", true), (key.Id, key.KeyManager, key.KeyState, key.KeySpec, key.Origin, key.RotationEnabled!.Value));
        Assert.Equal(["alias/data"], key.Aliases);
        Assert.Equal("arn:aws:iam::123456789012:root", Assert.Single(Assert.Single(key.Policy!.Statements).Principal!.Of("AWS")));

        var index = new InventoryIndex(template.Inventory);
        Assert.Equal(KeyOwnership.CustomerManaged, index.ResolveKey("DataKey", "us-east-1", "123456789012").Ownership);
        Assert.Equal(KeyOwnership.CustomerManaged, index.ResolveKey(key.Arn, "us-east-1", "123456789012").Ownership);
        Assert.Equal(KeyOwnership.CustomerManaged, index.ResolveKey("alias/data", "us-east-1", "123456789012").Ownership);

        var findings = Scan(template, RuleIds.S3Bucket3, RuleIds.S3Bucket4, RuleIds.S3Bucket9, RuleIds.S3Bucket8);
        Assert.Equal(ComplianceStatus.Pass, Status(findings, RuleIds.S3Bucket3, "data-dev-123456789012"));
        Assert.Equal(ComplianceStatus.Fail, Status(findings, RuleIds.S3Bucket3, "Logs"));
        Assert.Equal(ComplianceStatus.Error, Status(findings, RuleIds.S3Bucket3, "Foreign"));
        Assert.Equal(ComplianceStatus.Pass, Status(findings, RuleIds.S3Bucket4, "data-dev-123456789012"));
        // "Logs" receives server access logs, where S3 allows no Object Lock default retention: not judged (S3.Bucket.9 page).
        Assert.Equal(ComplianceStatus.NotApplicable, Status(findings, RuleIds.S3Bucket9, "Logs"));
        Assert.Equal(ComplianceStatus.Fail, Status(findings, RuleIds.S3Bucket8, "Logs"));
    }

    [Fact]
    public void A_key_without_rotation_or_with_a_public_policy_fails_and_a_disabled_key_is_disabled()
    {
        var template = Load("""
            Resources:
              Open:
                Type: AWS::KMS::Key
                Properties:
                  Enabled: false
                  KeyPolicy:
                    Statement:
                      - { Effect: Allow, Principal: "*", Action: "kms:Decrypt", Resource: "*" }
              Asymmetric:
                Type: AWS::KMS::Key
                Properties: { KeySpec: RSA_2048, KeyUsage: SIGN_VERIFY }
            """);

        var keys = template.Inventory.KmsKeys.ToDictionary(k => k.Id);
        Assert.Equal(("Disabled", false), (keys["Open"].KeyState, keys["Open"].RotationEnabled!.Value));
        var findings = Scan(template, RuleIds.KmsKey1, RuleIds.KmsKey3);
        Assert.Equal(ComplianceStatus.Fail, Status(findings, RuleIds.KmsKey1, "Open"));
        Assert.Equal(ComplianceStatus.NotApplicable, Status(findings, RuleIds.KmsKey1, "Asymmetric"));
        Assert.Equal(ComplianceStatus.Fail, Status(findings, RuleIds.KmsKey3, "Open"));
        Assert.Equal(ComplianceStatus.Pass, Status(findings, RuleIds.KmsKey3, "Asymmetric"));
    }

    [Fact]
    public void A_bucket_policy_with_an_unknown_value_leaves_the_policy_unknown()
    {
        var template = Load("""
            Parameters:
              Reader: { Type: String }
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
              Policy:
                Type: AWS::S3::BucketPolicy
                Properties:
                  Bucket: !Ref Bucket
                  PolicyDocument:
                    Statement: [{ Effect: Allow, Principal: { AWS: !Ref Reader }, Action: s3:GetObject, Resource: "*" }]
            """);

        Assert.Null(Assert.Single(template.Inventory.Buckets).Policy);
        Assert.Equal(ComplianceStatus.Error, Status(Scan(template, RuleIds.S3Bucket4), RuleIds.S3Bucket4, "Bucket"));
    }
}
