using Amazon;
using Amazon.DynamoDBv2;
using Compliance.Checker.Live.Collection;
using Compliance.Rules.Inventory;
using Ddb = Amazon.DynamoDBv2.Model;

namespace Compliance.Checker.Live.Collectors;

/// <summary>
/// DynamoDB tables: ListTables (paginated), then per table (at most 8 at once) DescribeTable (encryption, deletion
/// protection, ARN), DescribeContinuousBackups (point-in-time recovery), DescribeTimeToLive and ListTagsOfResource.
/// </summary>
public sealed class DynamoDbCollector : ICollector
{
    private const string ServiceKey = "dynamodb";
    private const string Type = ResourceTypes.DynamoDbTable;
    private const int TableConcurrency = 8;

    public string Service => ServiceKey;
    public IReadOnlyList<string> Produces { get; } = [ResourceTypes.DynamoDbTable];
    public bool IsGlobal => false;
    public IReadOnlyDictionary<string, string> Permissions { get; } = new Dictionary<string, string>
    {
        ["dynamodb:ListTables"] = "dynamodb:ListTables",
        ["dynamodb:DescribeTable"] = "dynamodb:DescribeTable",
        ["dynamodb:DescribeContinuousBackups"] = "dynamodb:DescribeContinuousBackups",
        ["dynamodb:ListTagsOfResource"] = "dynamodb:ListTagsOfResource",
        ["dynamodb:DescribeTimeToLive"] = "dynamodb:DescribeTimeToLive",
    };

    public async Task CollectAsync(CollectorContext context, CancellationToken cancellationToken)
    {
        if (!context.Scope.Wants(Type))
        {
            return;
        }

        var client = context.Session.DynamoDb(context.Region);

        // A targeted scan describes the named tables directly; a name not in this region answers ResourceNotFound and is skipped.
        var names = context.Scope.IdsFor(Type) ?? await ListTableNamesAsync(context, client, cancellationToken);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = TableConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(names.Distinct(StringComparer.Ordinal), parallel, async (name, ct) =>
        {
            if (await ReadTableAsync(context, client, name, ct) is { } table)
            {
                context.Builder.Add(table);
            }
        });
    }

    private static async Task<List<string>> ListTableNamesAsync(CollectorContext context, IAmazonDynamoDB client, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        string? start = null;
        do
        {
            var page = await context.CallAsync(ServiceKey, "ListTables", Type,
                ct => client.ListTablesAsync(new Ddb.ListTablesRequest { Limit = 100, ExclusiveStartTableName = start }, ct), cancellationToken);
            if (page is null)
            {
                break; // recorded; the tables listed so far are still read
            }

            names.AddRange(page.TableNames ?? []);
            start = page.LastEvaluatedTableName;
        }
        while (!string.IsNullOrEmpty(start));

        return names;
    }

    /// <summary>The table, or null when DescribeTable says it does not exist (deleted since ListTables, or a targeted name of another region).</summary>
    private static async Task<DynamoDbTable?> ReadTableAsync(CollectorContext context, IAmazonDynamoDB client, string name, CancellationToken cancellationToken)
    {
        var described = await context.CallAsync(ServiceKey, "DescribeTable", Type, async ct =>
        {
            try
            {
                return new Described((await client.DescribeTableAsync(new Ddb.DescribeTableRequest { TableName = name }, ct)).Table, Exists: true);
            }
            catch (Ddb.ResourceNotFoundException)
            {
                return new Described(null, Exists: false);
            }
        }, cancellationToken, name);
        if (described is { Exists: false })
        {
            return null;
        }

        var table = described?.Table; // null: DescribeTable failed (recorded), so encryption and deletion protection stay unknown
        var arn = table?.TableArn ?? TableArn(context, name);
        var backups = context.CallAsync(ServiceKey, "DescribeContinuousBackups", Type,
            ct => client.DescribeContinuousBackupsAsync(new Ddb.DescribeContinuousBackupsRequest { TableName = name }, ct), cancellationToken, name);
        var ttl = context.CallAsync(ServiceKey, "DescribeTimeToLive", Type,
            ct => client.DescribeTimeToLiveAsync(new Ddb.DescribeTimeToLiveRequest { TableName = name }, ct), cancellationToken, name);
        var tags = ReadTagsAsync(context, client, name, arn, cancellationToken);
        await Task.WhenAll(backups, ttl, tags);

        return new DynamoDbTable
        {
            Id = name,
            Region = context.Region,
            AccountId = context.AccountId,
            Arn = arn,
            Tags = tags.Result ?? [],
            TagsUnknown = tags.Result is null,
            Encryption = table is null ? null : Encryption(table.SSEDescription),
            DeletionProtectionEnabled = table is null ? null : table.DeletionProtectionEnabled ?? false,
            PointInTimeRecoveryEnabled = backups.Result is { } b ? PointInTimeRecovery(b.ContinuousBackupsDescription) : null,
            TimeToLive = ttl.Result is { } t ? TimeToLive(t.TimeToLiveDescription) : null,
        };
    }

    /// <summary>No SSEDescription: the AWS owned key. Otherwise KMS with the key's ARN (aws/dynamodb or a customer managed key).</summary>
    private static TableEncryption Encryption(Ddb.SSEDescription? sse) =>
        sse is null || sse.Status == SSEStatus.DISABLED
            ? new TableEncryption("AWS_OWNED", null)
            : new TableEncryption(sse.SSEType?.Value ?? "KMS", sse.KMSMasterKeyArn);

    /// <summary>Point-in-time recovery is on only when its status is ENABLED; a description without one means it was never turned on.</summary>
    private static bool? PointInTimeRecovery(Ddb.ContinuousBackupsDescription? description) =>
        description is null ? null : description.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus == PointInTimeRecoveryStatus.ENABLED;

    /// <summary>Time to Live as DescribeTimeToLive says; a description without a status means it was never enabled (DISABLED).</summary>
    private static TableTimeToLive TimeToLive(Ddb.TimeToLiveDescription? description) =>
        new(description?.TimeToLiveStatus?.Value ?? "DISABLED", description?.AttributeName is { Length: > 0 } attribute ? attribute : null);

    /// <summary>Every page of the table's tags; null when a page failed (recorded against the table).</summary>
    private static async Task<Dictionary<string, string>?> ReadTagsAsync(CollectorContext context, IAmazonDynamoDB client, string name, string arn, CancellationToken cancellationToken)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        string? token = null;
        do
        {
            var page = await context.CallAsync(ServiceKey, "ListTagsOfResource", Type,
                ct => client.ListTagsOfResourceAsync(new Ddb.ListTagsOfResourceRequest { ResourceArn = arn, NextToken = token }, ct), cancellationToken, name);
            if (page is null)
            {
                return null; // recorded against the table
            }

            foreach (var tag in page.Tags ?? [])
            {
                if (tag.Key is { } key)
                {
                    tags[key] = tag.Value ?? "";
                }
            }

            token = page.NextToken;
        }
        while (!string.IsNullOrEmpty(token));

        return tags;
    }

    /// <summary>arn:{partition}:dynamodb:{region}:{account}:table/{name}, for when DescribeTable could not give it.</summary>
    private static string TableArn(CollectorContext context, string name) =>
        $"arn:{RegionEndpoint.GetBySystemName(context.Region).PartitionName}:dynamodb:{context.Region}:{context.AccountId}:table/{name}";

    /// <summary>DescribeTable's answer: the table, or that it does not exist (ResourceNotFoundException).</summary>
    private sealed record Described(Ddb.TableDescription? Table, bool Exists);
}
