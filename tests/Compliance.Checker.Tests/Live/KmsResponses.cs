namespace Compliance.Checker.Tests.Live;

/// <summary>
/// KMS answers shaped as in the AWS KMS API reference examples (ListKeys, ListAliases, DescribeKey,
/// GetKeyRotationStatus, GetKeyPolicy, ListResourceTags), for account 123456789012 in eu-west-1.
/// </summary>
internal static class KmsResponses
{
    public const string CustomerKey = "1234abcd-12ab-34cd-56ef-1234567890ab";
    public const string AwsKey = "0987dcba-09fe-87dc-65ba-ab0987654321";
    public const string PendingKey = "4da1e216-62d0-46c5-a7c0-5f3a3d2f8046";
    public const string SigningKey = "0b7fd7dd-d1b3-4b6e-8b6b-2d1bfe9c0a11";

    public static string Arn(string keyId) => $"arn:aws:kms:eu-west-1:123456789012:key/{keyId}";

    public static string ListKeys(string? nextMarker, params string[] keyIds) =>
        $$"""{"Keys":[{{string.Join(",", keyIds.Select(id => $$"""{"KeyArn":"{{Arn(id)}}","KeyId":"{{id}}"}"""))}}],{{(nextMarker is null ? "" : $"\"NextMarker\":\"{nextMarker}\",")}}"Truncated":{{(nextMarker is null ? "false" : "true")}} }""";

    public const string Aliases = """
        {"Aliases":[
          {"AliasArn":"arn:aws:kms:eu-west-1:123456789012:alias/aws/dynamodb","AliasName":"alias/aws/dynamodb","TargetKeyId":"0987dcba-09fe-87dc-65ba-ab0987654321","CreationDate":1.521676018E9,"LastUpdatedDate":1.521676018E9},
          {"AliasArn":"arn:aws:kms:eu-west-1:123456789012:alias/aws/rds","AliasName":"alias/aws/rds"},
          {"AliasArn":"arn:aws:kms:eu-west-1:123456789012:alias/example1","AliasName":"alias/example1","TargetKeyId":"1234abcd-12ab-34cd-56ef-1234567890ab","CreationDate":1.521676018E9},
          {"AliasArn":"arn:aws:kms:eu-west-1:123456789012:alias/app-data","AliasName":"alias/app-data","TargetKeyId":"1234abcd-12ab-34cd-56ef-1234567890ab","CreationDate":1.521676018E9}
        ],"Truncated":false}
        """;

    /// <summary>DescribeKey's KeyMetadata as in the reference example; deletionDate (epoch seconds) only for a key pending deletion.</summary>
    public static string Describe(string keyId, string manager = "CUSTOMER", string state = "Enabled", string spec = "SYMMETRIC_DEFAULT", string origin = "AWS_KMS", long? deletionDate = null)
    {
        var usage = spec.StartsWith("RSA", StringComparison.Ordinal) ? "SIGN_VERIFY" : "ENCRYPT_DECRYPT";
        var deletion = deletionDate is { } d ? $"\"DeletionDate\":{d},\"PendingDeletionWindowInDays\":30," : "";
        return $$"""
            {"KeyMetadata":{"AWSAccountId":"123456789012","Arn":"{{Arn(keyId)}}","CreationDate":1.499988169234E9,
              "CustomerMasterKeySpec":"{{spec}}","Description":"","Enabled":{{(state == "Enabled" ? "true" : "false")}},{{deletion}}
              "EncryptionAlgorithms":["SYMMETRIC_DEFAULT"],"KeyId":"{{keyId}}","KeyManager":"{{manager}}","KeySpec":"{{spec}}",
              "KeyState":"{{state}}","KeyUsage":"{{usage}}","MultiRegion":false,"Origin":"{{origin}}" } }
            """;
    }

    public static string Rotation(string keyId, bool enabled) =>
        $$"""{"KeyId":"{{Arn(keyId)}}","KeyRotationEnabled":{{(enabled ? "true" : "false")}}{{(enabled ? ",\"RotationPeriodInDays\":365,\"NextRotationDate\":1.735689600E9" : "")}}}""";

    /// <summary>The default key policy, returned (as KMS does) as a JSON string inside the JSON answer.</summary>
    public const string DefaultPolicy = """
        {"Policy":"{\n  \"Version\" : \"2012-10-17\",\n  \"Id\" : \"key-default-1\",\n  \"Statement\" : [ {\n    \"Sid\" : \"Enable IAM User Permissions\",\n    \"Effect\" : \"Allow\",\n    \"Principal\" : {\n      \"AWS\" : \"arn:aws:iam::123456789012:root\"\n    },\n    \"Action\" : \"kms:*\",\n    \"Resource\" : \"*\"\n  } ]\n}","PolicyName":"default"}
        """;

    public const string Tags = """
        {"Tags":[{"TagKey":"CostCenter","TagValue":"87654"},{"TagKey":"CreatedBy","TagValue":"ExampleUser"},{"TagKey":"Purpose","TagValue":"Test"}],"Truncated":false}
        """;

    public const string NoTags = """{"Tags":[],"Truncated":false}""";

    /// <summary>Answers one per-key operation for the key named in the request body.</summary>
    public static FakeAws OnKey(this FakeAws aws, string operation, string keyId, params Func<FakeRequest, HttpResponseMessage>[] replies) =>
        aws.On(r => r.Service == "kms" && r.Operation == operation && r.Body.Contains(keyId, StringComparison.Ordinal), replies);

    /// <summary>A fully answered customer managed symmetric key: DescribeKey, rotation on, default policy, three tags.</summary>
    public static FakeAws WithCustomerKey(this FakeAws aws, string keyId) => aws
        .OnKey("DescribeKey", keyId, FakeAws.Json(Describe(keyId)))
        .OnKey("GetKeyRotationStatus", keyId, FakeAws.Json(Rotation(keyId, true)))
        .OnKey("GetKeyPolicy", keyId, FakeAws.Json(DefaultPolicy))
        .OnKey("ListResourceTags", keyId, FakeAws.Json(Tags));
}
