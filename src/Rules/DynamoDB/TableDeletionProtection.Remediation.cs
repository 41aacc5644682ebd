using Compliance.Rules.Inventory;
using Compliance.Rules.Remediation;
using static Compliance.Rules.Remediation.RemediationSupport;

namespace Compliance.Rules.DynamoDB;

/// <summary>
/// Turns on deletion protection (UpdateTable with only DeletionProtectionEnabled=true) for a table the inventory shows
/// with it off. Data, capacity, indexes and streams are not touched.
/// </summary>
public sealed class TableDeletionProtectionRemediation : IRemediation
{
    internal const string Update = "dynamodb:UpdateTable";
    internal const string Describe = "dynamodb:DescribeTable";

    public string RuleId => RuleIds.DynamoDbTable3;

    public IReadOnlyList<string> RequiredActions { get; } = [Update, Describe];

    public RemediationPlan? Plan(Finding finding, AwsInventory inventory)
    {
        if (!IsFailOf(finding, RuleId)
            || inventory.DynamoDbTables.FirstOrDefault(t => t.Id == finding.Resource.Id && t.Region == finding.Resource.Region && t.AccountId == finding.Resource.AccountId)
                is not { DeletionProtectionEnabled: false } table)
        {
            return null;
        }

        return new RemediationPlan(RuleId, table.Ref,
            $"Enable deletion protection on DynamoDB table {table.DisplayName} (now disabled).",
            [new RemediationAction(Update, Parameters(table.Region, ("TableName", table.Id), ("DeletionProtectionEnabled", True)))]);
    }

    public Task<RemediationOutcome> ApplyAsync(RemediationPlan plan, IRemediationGateway gateway, CancellationToken cancellationToken) =>
        VerifiedChange.ApplyAsync(plan, gateway,
            VerifiedChange.Read(new RemediationAction(Describe, Only(plan.Actions[0].Parameters, "Region", "TableName"))),
            state => IsTrue(state, "DeletionProtectionEnabled"),
            "DeletionProtectionEnabled true",
            cancellationToken);
}
