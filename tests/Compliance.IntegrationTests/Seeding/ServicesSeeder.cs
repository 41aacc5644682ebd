using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Compliance.Checker.Live;

namespace Compliance.IntegrationTests.Seeding;

/// <summary>
/// Log groups, SNS topics, secrets and DynamoDB tables in one region. Services without an SDK package here are called
/// through the session's protocol clients, the same ones the collectors use. Runs after <see cref="KmsSeeder"/>.
/// </summary>
public static class ServicesSeeder
{
    public static async Task SeedAsync(AwsSession session, Planted planted, string region)
    {
        var keyArn = planted.Id(region, KmsSeeder.PassKeyArn);
        await LogGroupAsync(session, planted, region, "it-pass-loggroup", keyArn, retentionDays: 365);
        await LogGroupAsync(session, planted, region, "it-fail-loggroup", kmsKeyArn: null, retentionDays: 30);

        await TopicAsync(session, planted, region, "it-pass-topic", keyArn, publicPolicy: false);
        await TopicAsync(session, planted, region, "it-fail-topic", kmsKeyArn: null, publicPolicy: true);

        // RotateSecret with RotationRules only: moto rotates without a Lambda (with one it would invoke it, which needs Docker).
        await SecretAsync(session, planted, region, "it-pass-secret", rotateEveryDays: 30);
        await SecretAsync(session, planted, region, "it-fail-secret", rotateEveryDays: null);
        await SecretAsync(session, planted, region, "it-fail-secret-slow", rotateEveryDays: 180);

        var dynamo = session.DynamoDb(region);
        await TableAsync(dynamo, planted, region, "it-pass-table", new SSESpecification { Enabled = true, SSEType = SSEType.KMS, KMSMasterKeyId = keyArn }, pointInTimeRecovery: true);
        await TableAsync(dynamo, planted, region, "it-fail-table", sse: null, pointInTimeRecovery: false);

        // KMS without a key: the AWS managed key aws/dynamodb, which DynamoDB creates on first use (and moto calls CUSTOMER).
        await TableAsync(dynamo, planted, region, "it-fail-table-aws-key", new SSESpecification { Enabled = true, SSEType = SSEType.KMS }, pointInTimeRecovery: true);
        var awsKey = (await session.Kms(region).DescribeKeyAsync(new Amazon.KeyManagementService.Model.DescribeKeyRequest { KeyId = "alias/aws/dynamodb" })).KeyMetadata.KeyId;
        planted.Add(region, AwsManagedDynamoDbKey, awsKey);
    }

    /// <summary>The logical name of the AWS managed key aws/dynamodb (AWS's, not planted: it is neither pass nor fail by name).</summary>
    public const string AwsManagedDynamoDbKey = "aws-managed-dynamodb-key";

    private static async Task LogGroupAsync(AwsSession session, Planted planted, string region, string logical, string? kmsKeyArn, int retentionDays)
    {
        var logs = session.Json("logs", "logs", "logs", "Logs_20140328", "1.1", region);
        var name = planted.NameOf(logical);
        var create = new JsonObject { ["logGroupName"] = name };
        if (kmsKeyArn is not null)
        {
            create["kmsKeyId"] = kmsKeyArn;
        }

        await logs.InvokeAsync("CreateLogGroup", create, CancellationToken.None);
        planted.Add(region, logical, name);
        planted.OnCleanup($"{logical} in {region}", () => logs.InvokeAsync("DeleteLogGroup", new JsonObject { ["logGroupName"] = name }, CancellationToken.None));
        await logs.InvokeAsync("PutRetentionPolicy", new JsonObject { ["logGroupName"] = name, ["retentionInDays"] = retentionDays }, CancellationToken.None);
    }

    private static async Task TopicAsync(AwsSession session, Planted planted, string region, string logical, string? kmsKeyArn, bool publicPolicy)
    {
        var sns = session.Query("sns", "sns", "sns", "2010-03-31", region);
        var parameters = new List<KeyValuePair<string, string>> { new("Name", planted.NameOf(logical)) };
        if (kmsKeyArn is not null)
        {
            parameters.Add(new("Attributes.entry.1.key", "KmsMasterKeyId"));
            parameters.Add(new("Attributes.entry.1.value", kmsKeyArn));
        }

        var arn = (await sns.InvokeAsync("CreateTopic", parameters, CancellationToken.None)).Element("TopicArn")!.Value;
        planted.Add(region, logical, arn);
        planted.OnCleanup($"{logical} in {region}", () => sns.InvokeAsync("DeleteTopic", [new("TopicArn", arn)], CancellationToken.None));
        if (publicPolicy)
        {
            var policy = $$$$"""{"Version":"2012-10-17","Statement":[{"Sid":"Anyone","Effect":"Allow","Principal":{"AWS":"*"},"Action":"SNS:Publish","Resource":"{{{{arn}}}}"}]}""";
            await sns.InvokeAsync("SetTopicAttributes", [new("TopicArn", arn), new("AttributeName", "Policy"), new("AttributeValue", policy)], CancellationToken.None);
        }
    }

    private static async Task SecretAsync(AwsSession session, Planted planted, string region, string logical, int? rotateEveryDays)
    {
        var secrets = session.Json("secretsmanager", "secretsmanager", "secretsmanager", "secretsmanager", "1.1", region);
        var name = planted.NameOf(logical);
        await secrets.InvokeAsync("CreateSecret", new JsonObject { ["Name"] = name, ["SecretString"] = "not-a-real-secret" }, CancellationToken.None);
        planted.Add(region, logical, name);
        planted.OnCleanup($"{logical} in {region}", () =>
            secrets.InvokeAsync("DeleteSecret", new JsonObject { ["SecretId"] = name, ["ForceDeleteWithoutRecovery"] = true }, CancellationToken.None));
        if (rotateEveryDays is { } days)
        {
            await secrets.InvokeAsync("RotateSecret",
                new JsonObject { ["SecretId"] = name, ["RotationRules"] = new JsonObject { ["AutomaticallyAfterDays"] = days } }, CancellationToken.None);
        }
    }

    private static async Task TableAsync(IAmazonDynamoDB dynamo, Planted planted, string region, string logical, SSESpecification? sse, bool pointInTimeRecovery)
    {
        var name = planted.NameOf(logical);
        await dynamo.CreateTableAsync(new CreateTableRequest
        {
            TableName = name,
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
            SSESpecification = sse,
        });
        planted.Add(region, logical, name);
        planted.OnCleanup($"{logical} in {region}", () => dynamo.DeleteTableAsync(new DeleteTableRequest { TableName = name }));
        await Ec2Tags.WaitAsync(async () => (await dynamo.DescribeTableAsync(new DescribeTableRequest { TableName = name })).Table.TableStatus == TableStatus.ACTIVE);
        if (pointInTimeRecovery)
        {
            await dynamo.UpdateContinuousBackupsAsync(new UpdateContinuousBackupsRequest
            {
                TableName = name, PointInTimeRecoverySpecification = new PointInTimeRecoverySpecification { PointInTimeRecoveryEnabled = true },
            });
        }
    }
}
