using Compliance.Rules.Inventory;

namespace Compliance.Rules.DynamoDB;

/// <summary>Deletion protection is enabled on every table.</summary>
public sealed class TableDeletionProtection : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.DynamoDbTable3,
        Title = "DynamoDB tables have deletion protection enabled",
        Rationale = "Deletion protection makes DeleteTable fail until someone deliberately turns it off, so a mistaken or malicious delete cannot wipe a table and its audit trail in one call.",
        Severity = Severity.Medium,
        ResourceTypes = [ResourceTypes.DynamoDbTable],
        Modes = EvaluationModes.TemplateAndLive,
        Frameworks =
        [
            new(Frameworks.PciDss40, "10.3.2", MappingConfidence.Proposed),
            new(Frameworks.AwsFsbp, "DynamoDB.6", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "DYNAMODB_TABLE_DELETION_PROTECTION_ENABLED", MappingConfidence.Published),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        foreach (var table in context.Inventory.DynamoDbTables)
        {
            var evidence = new Dictionary<string, string>
            {
                ["deletionProtectionEnabled"] = table.DeletionProtectionEnabled is { } on ? (on ? "true" : "false") : "unknown",
            };

            yield return table.DeletionProtectionEnabled switch
            {
                null => Descriptor.Error(table.Ref, $"DynamoDB table {table.DisplayName}: its deletion protection setting is unknown (DescribeTable gave no answer).", evidence),
                false => Descriptor.Fail(table.Ref, $"DynamoDB table {table.DisplayName} has deletion protection disabled, so DeleteTable would succeed.", evidence),
                true => Descriptor.Pass(table.Ref, $"DynamoDB table {table.DisplayName} has deletion protection enabled.", evidence),
            };
        }
    }
}
