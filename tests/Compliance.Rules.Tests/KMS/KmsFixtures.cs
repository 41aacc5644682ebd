using Compliance.Rules.Inventory;
using static Compliance.Rules.Tests.RuleAssert;

namespace Compliance.Rules.Tests.KMS;

/// <summary>Keys and key policies shaped as AWS KMS returns them, for the KMS rules and the rules that resolve keys.</summary>
internal static class KmsFixtures
{
    public const string CustomerKeyId = "1234abcd-12ab-34cd-56ef-1234567890ab";
    public const string CustomerKeyArn = $"arn:aws:kms:{Region}:{Account}:key/{CustomerKeyId}";
    public const string AwsManagedKeyId = "0987dcba-09fe-87dc-65ba-ab0987654321";
    public const string AwsManagedKeyArn = $"arn:aws:kms:{Region}:{Account}:key/{AwsManagedKeyId}";

    /// <summary>The key policy AWS KMS applies when a key is created through the API without one.</summary>
    public const string DefaultKeyPolicy = """
        {
          "Version": "2012-10-17",
          "Id": "key-default-1",
          "Statement": [
            {
              "Sid": "Enable IAM User Permissions",
              "Effect": "Allow",
              "Principal": { "AWS": "arn:aws:iam::123456789012:root" },
              "Action": "kms:*",
              "Resource": "*"
            }
          ]
        }
        """;

    /// <summary>The console's default policy with one key administrator and one key user.</summary>
    public const string ConsoleKeyPolicy = """
        {
          "Version": "2012-10-17",
          "Id": "key-consolepolicy-3",
          "Statement": [
            {
              "Sid": "Enable IAM User Permissions",
              "Effect": "Allow",
              "Principal": { "AWS": "arn:aws:iam::123456789012:root" },
              "Action": "kms:*",
              "Resource": "*"
            },
            {
              "Sid": "Allow access for Key Administrators",
              "Effect": "Allow",
              "Principal": { "AWS": "arn:aws:iam::123456789012:role/KeyAdmin" },
              "Action": [
                "kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*", "kms:Update*", "kms:Revoke*",
                "kms:Disable*", "kms:Get*", "kms:Delete*", "kms:TagResource", "kms:UntagResource",
                "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion", "kms:RotateKeyOnDemand"
              ],
              "Resource": "*"
            },
            {
              "Sid": "Allow use of the key",
              "Effect": "Allow",
              "Principal": { "AWS": "arn:aws:iam::123456789012:role/AppServer" },
              "Action": ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
              "Resource": "*"
            },
            {
              "Sid": "Allow attachment of persistent resources",
              "Effect": "Allow",
              "Principal": { "AWS": "arn:aws:iam::123456789012:role/AppServer" },
              "Action": ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"],
              "Resource": "*",
              "Condition": { "Bool": { "kms:GrantIsForAWSResource": "true" } }
            }
          ]
        }
        """;

    /// <summary>A key for CloudWatch Logs, as the CloudWatch Logs guide shows it, plus a separate key administrator.</summary>
    public const string LogsKeyPolicy = """
        {
          "Version": "2012-10-17",
          "Id": "key-logs",
          "Statement": [
            {
              "Sid": "Enable IAM User Permissions",
              "Effect": "Allow",
              "Principal": { "AWS": "arn:aws:iam::123456789012:root" },
              "Action": "kms:*",
              "Resource": "*"
            },
            {
              "Sid": "Allow access for Key Administrators",
              "Effect": "Allow",
              "Principal": { "AWS": "arn:aws:iam::123456789012:role/KeyAdmin" },
              "Action": [
                "kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*", "kms:Update*", "kms:Revoke*",
                "kms:Disable*", "kms:Get*", "kms:Delete*", "kms:TagResource", "kms:UntagResource",
                "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion"
              ],
              "Resource": "*"
            },
            {
              "Sid": "Allow CloudWatch Logs",
              "Effect": "Allow",
              "Principal": { "Service": "logs.eu-west-1.amazonaws.com" },
              "Action": ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
              "Resource": "*",
              "Condition": {
                "ArnLike": { "kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:eu-west-1:123456789012:log-group:*" }
              }
            }
          ]
        }
        """;

    /// <summary>The policy of the AWS managed key aws/s3.</summary>
    public const string AwsManagedS3KeyPolicy = """
        {
          "Version": "2012-10-17",
          "Id": "auto-s3-2",
          "Statement": [
            {
              "Sid": "Allow access through S3 for all principals in the account that are authorized to use S3",
              "Effect": "Allow",
              "Principal": { "AWS": "*" },
              "Action": ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
              "Resource": "*",
              "Condition": {
                "StringEquals": { "kms:CallerAccount": "123456789012", "kms:ViaService": "s3.eu-west-1.amazonaws.com" }
              }
            },
            {
              "Sid": "Allow direct access to key metadata to the account",
              "Effect": "Allow",
              "Principal": { "AWS": "arn:aws:iam::123456789012:root" },
              "Action": ["kms:Describe*", "kms:Get*", "kms:List*", "kms:RevokeGrant"],
              "Resource": "*"
            }
          ]
        }
        """;

    public static PolicyDocument Policy(string json) => PolicyDocumentJsonConverter.Parse(json);

    /// <summary>A policy of the root statement followed by the given statements (JSON objects).</summary>
    public static PolicyDocument RootPlus(params string[] statements) =>
        Policy($$"""
            {
              "Version": "2012-10-17",
              "Statement": [
                { "Sid": "Enable IAM User Permissions", "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::123456789012:root" }, "Action": "kms:*", "Resource": "*" }
                {{string.Concat(statements.Select(s => "," + s))}}
              ]
            }
            """);

    /// <summary>An enabled customer managed symmetric key with rotation on and the default key policy.</summary>
    public static KmsKey CustomerKey(string id, string region = Region) => new()
    {
        Id = id,
        Region = region,
        AccountId = Account,
        Arn = $"arn:aws:kms:{region}:{Account}:key/{id}",
        KeyManager = "CUSTOMER",
        KeyState = "Enabled",
        KeySpec = "SYMMETRIC_DEFAULT",
        Origin = "AWS_KMS",
        RotationEnabled = true,
        Policy = Policy(DefaultKeyPolicy),
    };

    /// <summary>An AWS managed key (aws/s3 by default) with its AWS-written policy.</summary>
    public static KmsKey AwsManagedKey(string id, string alias = "alias/aws/s3") => CustomerKey(id) with
    {
        KeyManager = "AWS",
        RotationEnabled = true,
        Policy = Policy(AwsManagedS3KeyPolicy),
        Aliases = [alias],
    };
}
