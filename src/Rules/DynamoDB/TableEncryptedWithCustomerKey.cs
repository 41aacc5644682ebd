using Compliance.Rules.KMS;
using Compliance.Rules.Inventory;

namespace Compliance.Rules.DynamoDB;

/// <summary>Tables are encrypted at rest with a customer managed KMS key.</summary>
public sealed class TableEncryptedWithCustomerKey : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.DynamoDbTable2,
        Title = "DynamoDB tables are encrypted with a customer managed KMS key",
        Rationale = "With the AWS owned or AWS managed key, access to the table's data cannot be cut off or audited through a key policy; a customer managed key gives the owner that control.",
        Severity = Severity.Medium,
        ResourceTypes = [ResourceTypes.DynamoDbTable],
        Modes = EvaluationModes.TemplateAndLive,
        Frameworks =
        [
            new(Frameworks.PciDss40, "3.5.1", MappingConfidence.Proposed),
            new(Frameworks.PciDss40, "10.3.2", MappingConfidence.Proposed),
            new(Frameworks.AwsConfig, "DYNAMODB_TABLE_ENCRYPTED_KMS", MappingConfidence.Published),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        foreach (var table in context.Inventory.DynamoDbTables)
        {
            if (table.Encryption is null)
            {
                yield return Descriptor.Error(table.Ref, $"DynamoDB table {table.DisplayName}: its encryption settings are unknown (DescribeTable failed).");
                continue;
            }

            var (sseType, keyArn) = table.Encryption;
            var evidence = new Dictionary<string, string>
            {
                ["sseType"] = sseType,
                ["kmsMasterKeyArn"] = keyArn ?? "none",
            };

            if (sseType != "KMS")
            {
                var what = sseType == "AWS_OWNED" ? "the AWS owned key" : $"encryption type {sseType}";
                yield return Descriptor.Fail(table.Ref, $"DynamoDB table {table.DisplayName} is encrypted with {what}, not a customer managed KMS key.", evidence);
                continue;
            }

            yield return CustomerKeyVerdict.Judge(
                Descriptor, table.Ref, $"DynamoDB table {table.DisplayName}", context.Index.ResolveKey(keyArn, table.Region, table.AccountId),
                () => Descriptor.Error(table.Ref, $"DynamoDB table {table.DisplayName} uses KMS encryption, but its key ARN is unknown.", evidence),
                evidence);
        }
    }
}
