using Compliance.Checker.Templates.Intrinsics;
using Compliance.Checker.Templates.Mapping;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Templates.Mappers;

/// <summary>
/// DynamoDB tables. Without SSESpecification (or with SSEEnabled false) the table uses the AWS owned key; with SSE on
/// and no KMSMasterKeyId, the AWS managed key alias/aws/dynamodb. Point-in-time recovery, deletion protection and Time to
/// Live default off.
/// </summary>
public sealed class DynamoDbMapper : IResourceMapper
{
    public IReadOnlyList<string> MappedTypes { get; } = [ResourceTypes.DynamoDbTable];

    public IReadOnlyList<ResourceNaming> Namings { get; } =
    [
        new()
        {
            Type = ResourceTypes.DynamoDbTable, NameProperty = "TableName",
            Attributes = new Dictionary<string, string> { ["Arn"] = "arn:{partition}:dynamodb:{region}:{account}:table/{name}" },
        },
    ];

    public void Map(MappingContext context)
    {
        foreach (var table in context.Resources(ResourceTypes.DynamoDbTable))
        {
            var p = table.Properties;
            context.Add(new DynamoDbTable
            {
                Id = table.Name, Region = table.Region, AccountId = table.AccountId, Tags = p.Tags(),
                Arn = table.Attribute("Arn"),
                Encryption = Encryption(p.Map("SSESpecification")),
                PointInTimeRecoveryEnabled = p.Map("PointInTimeRecoverySpecification")?.Bool("PointInTimeRecoveryEnabled", absent: false),
                DeletionProtectionEnabled = p.Bool("DeletionProtectionEnabled", absent: false),
                TimeToLive = TimeToLive(p.Map("TimeToLiveSpecification")),
            }, table);
        }
    }

    /// <summary>
    /// TimeToLiveSpecification: ENABLED on its AttributeName when Enabled is true; without it (or with Enabled false) a new
    /// table's TTL was never enabled, DISABLED with no attribute, as DescribeTimeToLive reports it. Null when unknown.
    /// </summary>
    private static TableTimeToLive? TimeToLive(Props? ttl) => ttl?.Bool("Enabled", absent: false) switch
    {
        true => new TableTimeToLive("ENABLED", ttl.String("AttributeName")),
        false => new TableTimeToLive("DISABLED", null),
        null => null,
    };

    private static TableEncryption? Encryption(Props? sse)
    {
        if (sse?.Bool("SSEEnabled", absent: false) is not { } enabled)
        {
            return null;
        }

        if (!enabled)
        {
            return new TableEncryption("AWS_OWNED", null);
        }

        if (sse.String("SSEType", absent: "KMS") is not { } type || (sse.Has("KMSMasterKeyId") && sse.String("KMSMasterKeyId") is null))
        {
            return null;
        }

        return new TableEncryption(type, sse.String("KMSMasterKeyId") ?? "alias/aws/dynamodb");
    }
}
