using Compliance.Rules.Inventory;
using Compliance.Rules.Remediation;
using static Compliance.Rules.Remediation.RemediationSupport;

namespace Compliance.Rules.DynamoDB;

/// <summary>
/// Turns on point-in-time recovery (UpdateContinuousBackups with PointInTimeRecoveryEnabled=true) for a table the
/// inventory shows with it off. Nothing else about the table changes; the recovery period keeps its default (35 days).
/// </summary>
public sealed class TablePointInTimeRecoveryRemediation : IRemediation
{
    internal const string Update = "dynamodb:UpdateContinuousBackups";
    internal const string Describe = "dynamodb:DescribeContinuousBackups";

    public string RuleId => RuleIds.DynamoDbTable1;

    public IReadOnlyList<string> RequiredActions { get; } = [Update, Describe];

    public RemediationPlan? Plan(Finding finding, AwsInventory inventory)
    {
        if (!IsFailOf(finding, RuleId)
            || inventory.DynamoDbTables.FirstOrDefault(t => t.Id == finding.Resource.Id && t.Region == finding.Resource.Region && t.AccountId == finding.Resource.AccountId)
                is not { PointInTimeRecoveryEnabled: false } table)
        {
            return null;
        }

        return new RemediationPlan(RuleId, table.Ref,
            $"Enable point-in-time recovery on DynamoDB table {table.DisplayName} (now disabled).",
            [new RemediationAction(Update, Parameters(table.Region, ("TableName", table.Id), ("PointInTimeRecoveryEnabled", True)))]);
    }

    public Task<RemediationOutcome> ApplyAsync(RemediationPlan plan, IRemediationGateway gateway, CancellationToken cancellationToken) =>
        VerifiedChange.ApplyAsync(plan, gateway,
            VerifiedChange.Read(new RemediationAction(Describe, Only(plan.Actions[0].Parameters, "Region", "TableName"))),
            state => Value(state, "PointInTimeRecoveryStatus") == "ENABLED",
            "PointInTimeRecoveryStatus ENABLED",
            cancellationToken);
}
