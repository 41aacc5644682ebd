namespace Compliance.Checker.Tests.Live;

/// <summary>
/// DynamoDB answers shaped as in the Amazon DynamoDB API reference examples (ListTables, DescribeTable,
/// DescribeContinuousBackups, DescribeTimeToLive, ListTagsOfResource), for account 123456789012 in eu-west-1.
/// </summary>
internal static class DynamoDbResponses
{
    public const string CustomerKeyArn = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    public const string AwsManagedKeyArn = "arn:aws:kms:eu-west-1:123456789012:key/0987dcba-09fe-87dc-65ba-ab0987654321";

    public static string TableArn(string name) => $"arn:aws:dynamodb:eu-west-1:123456789012:table/{name}";

    public const string PageOne = """{"TableNames":["Forum","ProductCatalog"],"LastEvaluatedTableName":"ProductCatalog"}""";
    public const string PageTwo = """{"TableNames":["Reply","Thread"]}""";

    /// <summary>DescribeTable as in the reference example; sse is the SSEDescription object, or null for none; deletionProtection null leaves the member out.</summary>
    public static string Describe(string name, string? sse = null, bool? deletionProtection = false) => $$"""
        {"Table":{
          "AttributeDefinitions":[{"AttributeName":"ForumName","AttributeType":"S"},{"AttributeName":"Subject","AttributeType":"S"}],
          "CreationDateTime":1.363729002358E9,"ItemCount":0,
          "KeySchema":[{"AttributeName":"ForumName","KeyType":"HASH"},{"AttributeName":"Subject","KeyType":"RANGE"}],
          "ProvisionedThroughput":{"NumberOfDecreasesToday":0,"ReadCapacityUnits":5,"WriteCapacityUnits":5},
          "TableName":"{{name}}","TableSizeBytes":0,"TableStatus":"ACTIVE","TableArn":"{{TableArn(name)}}",
          "TableId":"e0d0e6bb-4a88-4d40-9bd5-3f2f3d6c0e5b"
          {{(sse is null ? "" : $",\"SSEDescription\":{sse}")}}
          {{(deletionProtection is { } on ? $",\"DeletionProtectionEnabled\":{(on ? "true" : "false")}" : "")}}
        } }
        """;

    public static string KmsSse(string keyArn) => $$"""{"Status":"ENABLED","SSEType":"KMS","KMSMasterKeyArn":"{{keyArn}}"}""";

    public const string PitrEnabled = """
        {"ContinuousBackupsDescription":{"ContinuousBackupsStatus":"ENABLED","PointInTimeRecoveryDescription":{
          "PointInTimeRecoveryStatus":"ENABLED","EarliestRestorableDateTime":1.506613800E9,"LatestRestorableDateTime":1.506614100E9,"RecoveryPeriodInDays":35}}}
        """;

    public const string PitrDisabled = """
        {"ContinuousBackupsDescription":{"ContinuousBackupsStatus":"ENABLED","PointInTimeRecoveryDescription":{"PointInTimeRecoveryStatus":"DISABLED"}}}
        """;

    /// <summary>Continuous backups without a point-in-time recovery description.</summary>
    public const string PitrAbsent = """{"ContinuousBackupsDescription":{"ContinuousBackupsStatus":"ENABLED"}}""";

    public const string TtlDisabled = """{"TimeToLiveDescription":{"TimeToLiveStatus":"DISABLED"}}""";
    public const string TtlEnabled = """{"TimeToLiveDescription":{"AttributeName":"ExpirationTime","TimeToLiveStatus":"ENABLED"}}""";

    public const string Tags = """{"Tags":[{"Key":"Owner","Value":"blueTeam"},{"Key":"Environment","Value":"prod"}]}""";
    public const string NoTags = """{"Tags":[]}""";

    /// <summary>Answers one per-table operation for the table named in the request body (by name or by ARN).</summary>
    public static FakeAws OnTable(this FakeAws aws, string operation, string name, params Func<FakeRequest, HttpResponseMessage>[] replies) =>
        aws.On(r => r.Service == "dynamodb" && r.Operation == operation
            && (r.Body.Contains($"\"{name}\"", StringComparison.Ordinal) || r.Body.Contains($"table/{name}\"", StringComparison.Ordinal)), replies);

    /// <summary>A table answered in full: the given description, the given backups answer, the given tags and Time to Live.</summary>
    public static FakeAws WithTable(this FakeAws aws, string name, string describe, string backups = PitrDisabled, string tags = NoTags, string ttl = TtlDisabled) => aws
        .OnTable("DescribeTable", name, FakeAws.Json(describe))
        .OnTable("DescribeContinuousBackups", name, FakeAws.Json(backups))
        .OnTable("DescribeTimeToLive", name, FakeAws.Json(ttl))
        .OnTable("ListTagsOfResource", name, FakeAws.Json(tags));
}
