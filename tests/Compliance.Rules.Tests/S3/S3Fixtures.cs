using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.S3;

/// <summary>Realistic S3 shapes shared by the S3 rule tests.</summary>
internal static class S3Fixtures
{
    public const string KeyId = "1234abcd-12ab-34cd-56ef-1234567890ab";
    public const string KeyArn = $"arn:aws:kms:{Region}:{Account}:key/{KeyId}";
    public const string OwnerCanonicalId = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be";
    public const string LogTarget = "central-access-logs-123456789012";

    /// <summary>The customer managed key the baseline bucket uses.</summary>
    public static KmsKey DataKey => new()
    {
        Id = KeyId,
        Arn = KeyArn,
        Region = Region,
        AccountId = Account,
        KeyManager = "CUSTOMER",
        KeyState = "Enabled",
        KeySpec = "SYMMETRIC_DEFAULT",
        Aliases = ["alias/app-data"],
    };

    /// <summary>The policy AWS documents for enforcing TLS (Sid DenyInsecureTransport, Bool aws:SecureTransport "false").</summary>
    public static string DenyInsecureTransportJson(string bucket) => $$"""
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Sid": "DenyInsecureTransport",
              "Effect": "Deny",
              "Principal": "*",
              "Action": "s3:*",
              "Resource": [
                "arn:aws:s3:::{{bucket}}",
                "arn:aws:s3:::{{bucket}}/*"
              ],
              "Condition": {
                "Bool": {
                  "aws:SecureTransport": "false"
                }
              }
            }
          ]
        }
        """;

    /// <summary>The public-read example policy from the S3 user guide.</summary>
    public static string PublicReadJson(string bucket) => $$"""
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Sid": "PublicReadGetObject",
              "Effect": "Allow",
              "Principal": "*",
              "Action": "s3:GetObject",
              "Resource": "arn:aws:s3:::{{bucket}}/*"
            }
          ]
        }
        """;

    public static PolicyDocument Policy(string json) => PolicyDocumentJsonConverter.Parse(json);

    /// <summary>A bucket with every setting known and hardened; tests override what they exercise.</summary>
    public static Bucket Bucket(string name) => new()
    {
        Id = name,
        Arn = $"arn:aws:s3:::{name}",
        Region = Region,
        AccountId = Account,
        Encryption = new BucketEncryption("aws:kms", KeyArn, true),
        PublicAccessBlock = new PublicAccessBlock(true, true, true, true),
        Versioning = new BucketVersioning("Enabled", false),
        Policy = Policy(DenyInsecureTransportJson(name)),
        AclGrants = [new AclGrant(OwnerCanonicalId, "FULL_CONTROL")],
        ObjectOwnership = "BucketOwnerEnforced",
        Logging = new BucketLogging(LogTarget, $"{name}/"),
        LifecycleRules =
        [
            new LifecycleRule
            {
                Id = "expire-noncurrent-and-abort-uploads",
                Status = "Enabled",
                NoncurrentVersionExpirationDays = 90,
                AbortIncompleteMultipartUploadDays = 7,
            },
        ],
        ObjectLock = new ObjectLock(false, null, null),
    };

    /// <summary>The account-level block for the test account.</summary>
    public static AccountPublicAccessBlock AccountBlock(PublicAccessBlock? settings, string account = Account) => new()
    {
        Id = account,
        Region = "global",
        AccountId = account,
        Settings = settings,
    };

    public static Dictionary<string, string> Tags(params (string Key, string Value)[] tags) => tags.ToDictionary(t => t.Key, t => t.Value);
}
