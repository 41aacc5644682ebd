using Compliance.Checker.Live;
using Compliance.Rules;
using Ddb = Amazon.DynamoDBv2.Model;
using static Compliance.Checker.Remediation.Actions.ActionArguments;

namespace Compliance.Checker.Remediation.Actions;

/// <summary>
/// DynamoDB table protections through the region's DynamoDB client: point-in-time recovery and deletion protection, only
/// ever switched on. UpdateTable sends nothing but DeletionProtectionEnabled.
/// </summary>
public sealed class DynamoDbActionHandler : IAwsActionHandler
{
    public IReadOnlyList<string> Actions { get; } =
        ["dynamodb:UpdateContinuousBackups", "dynamodb:DescribeContinuousBackups", "dynamodb:UpdateTable", "dynamodb:DescribeTable"];

    public async Task<IReadOnlyDictionary<string, string>> InvokeAsync(AwsSession session, RemediationAction action, CancellationToken cancellationToken)
    {
        var table = Required(action, "TableName");
        var dynamo = session.DynamoDb(Region(action));
        switch (action.Action)
        {
            case "dynamodb:UpdateContinuousBackups":
                var updated = await dynamo.UpdateContinuousBackupsAsync(new Ddb.UpdateContinuousBackupsRequest
                {
                    TableName = table,
                    PointInTimeRecoverySpecification = new Ddb.PointInTimeRecoverySpecification { PointInTimeRecoveryEnabled = OnlyTrue(action, "PointInTimeRecoveryEnabled") },
                }, cancellationToken);
                return Backups(updated.ContinuousBackupsDescription);

            case "dynamodb:DescribeContinuousBackups":
                var described = await dynamo.DescribeContinuousBackupsAsync(new Ddb.DescribeContinuousBackupsRequest { TableName = table }, cancellationToken);
                return Backups(described.ContinuousBackupsDescription);

            case "dynamodb:UpdateTable":
                var changed = await dynamo.UpdateTableAsync(new Ddb.UpdateTableRequest
                {
                    TableName = table,
                    DeletionProtectionEnabled = OnlyTrue(action, "DeletionProtectionEnabled"),
                }, cancellationToken);
                return Table(changed.TableDescription);

            case "dynamodb:DescribeTable":
                return Table((await dynamo.DescribeTableAsync(new Ddb.DescribeTableRequest { TableName = table }, cancellationToken)).Table);

            default:
                throw new InvalidOperationException($"{nameof(DynamoDbActionHandler)} does not perform {action.Action}.");
        }
    }

    private static Dictionary<string, string> Backups(Ddb.ContinuousBackupsDescription? description) => new()
    {
        ["ContinuousBackupsStatus"] = description?.ContinuousBackupsStatus?.Value ?? "",
        ["PointInTimeRecoveryStatus"] = description?.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus?.Value ?? "DISABLED",
    };

    private static Dictionary<string, string> Table(Ddb.TableDescription? table) => new()
    {
        ["TableName"] = table?.TableName ?? "",
        ["TableStatus"] = table?.TableStatus?.Value ?? "",
        ["DeletionProtectionEnabled"] = Text(table?.DeletionProtectionEnabled ?? false),
    };
}
