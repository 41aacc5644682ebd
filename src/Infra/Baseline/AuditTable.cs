using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.KMS;
using Constructs;

namespace Compliance.Infra.Baseline;

/// <summary>Properties of <see cref="AuditTable"/>.</summary>
public sealed record AuditTableProps
{
    /// <summary>Environment suffix of the name.</summary>
    public required string EnvironmentName { get; init; }

    /// <summary>The application data key (customer managed).</summary>
    public required IKey Key { get; init; }
}

/// <summary>
/// The audit table <c>dynamodb-audit-{env}</c>: partition key <c>pk</c>, sort key <c>sk</c> (strings), on-demand
/// capacity, encrypted with the customer managed application data key, point-in-time recovery and deletion
/// protection on, retained when the stack goes.
/// </summary>
public sealed class AuditTable : Construct
{
    /// <summary>The table.</summary>
    public Table Table { get; }

    public AuditTable(Construct scope, string id, AuditTableProps props) : base(scope, id)
    {
        Table = new Table(this, "Table", new TableProps
        {
            TableName = $"dynamodb-audit-{props.EnvironmentName}",
            PartitionKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = "pk", Type = AttributeType.STRING },
            SortKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = "sk", Type = AttributeType.STRING },
            BillingMode = BillingMode.PAY_PER_REQUEST,
            Encryption = TableEncryption.CUSTOMER_MANAGED,
            EncryptionKey = props.Key,
            PointInTimeRecovery = true,
            DeletionProtection = true,
            RemovalPolicy = RemovalPolicy.RETAIN,
        });
    }
}
