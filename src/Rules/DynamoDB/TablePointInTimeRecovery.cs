using Compliance.Rules.Inventory;

namespace Compliance.Rules.DynamoDB;

/// <summary>Point-in-time recovery is enabled on every table.</summary>
public sealed class TablePointInTimeRecovery : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.DynamoDbTable1,
        Title = "DynamoDB tables have point-in-time recovery enabled",
        Rationale = "Continuous backups let a table be restored to any second of the last 35 days after a faulty write, a bad deployment or a deliberate wipe.",
        Severity = Severity.Medium,
        ResourceTypes = [ResourceTypes.DynamoDbTable],
        Modes = EvaluationModes.TemplateAndLive,
        Frameworks =
        [
            new(Frameworks.PciDss40, "10.3.3", MappingConfidence.Proposed),
            new(Frameworks.AwsFsbp, "DynamoDB.2", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "DYNAMODB_PITR_ENABLED", MappingConfidence.Published),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        foreach (var table in context.Inventory.DynamoDbTables)
        {
            var evidence = new Dictionary<string, string>
            {
                ["pointInTimeRecoveryEnabled"] = table.PointInTimeRecoveryEnabled is { } on ? (on ? "true" : "false") : "unknown",
            };

            yield return table.PointInTimeRecoveryEnabled switch
            {
                null => Descriptor.Error(table.Ref, $"DynamoDB table {table.DisplayName}: its point-in-time recovery status is unknown (DescribeContinuousBackups gave no answer).", evidence),
                false => Descriptor.Fail(table.Ref, $"DynamoDB table {table.DisplayName} has point-in-time recovery disabled.", evidence),
                true => Descriptor.Pass(table.Ref, $"DynamoDB table {table.DisplayName} has point-in-time recovery enabled.", evidence),
            };
        }
    }
}
