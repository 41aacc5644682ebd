using Compliance.Rules.Inventory;
using Compliance.Rules.Remediation;
using static Compliance.Rules.Remediation.RemediationSupport;

namespace Compliance.Rules.Logs;

/// <summary>
/// Associates the configured logs key of the group's region (<see cref="RemediationSettings.LogGroupKmsKeyArns"/>) with
/// the log group (AssociateKmsKey). The inventory must show that key as an enabled, customer managed, symmetric key; its
/// policy must let logs.&lt;region&gt;.amazonaws.com use it, or CloudWatch Logs refuses the association. No configured key:
/// no plan. Only events ingested afterwards are encrypted with the key.
/// </summary>
public sealed class LogGroupEncryptedWithCustomerKeyRemediation(RemediationSettings settings) : IRemediation
{
    internal const string Associate = "logs:AssociateKmsKey";
    internal const string Describe = "logs:DescribeLogGroups";

    /// <summary>Nothing configured: plans nothing.</summary>
    public LogGroupEncryptedWithCustomerKeyRemediation() : this(RemediationSettings.None)
    {
    }

    public string RuleId => RuleIds.LogsLogGroup1;

    public IReadOnlyList<string> RequiredActions { get; } = [Associate, Describe];

    public RemediationPlan? Plan(Finding finding, AwsInventory inventory)
    {
        if (!IsFailOf(finding, RuleId)
            || inventory.LogGroups.FirstOrDefault(g => g.Id == finding.Resource.Id && g.Region == finding.Resource.Region && g.AccountId == finding.Resource.AccountId) is not { } group
            || UsableConfiguredKey(settings.LogGroupKmsKeyArns, group, new InventoryIndex(inventory)) is not { } key)
        {
            return null;
        }

        var now = group.KmsKeyId is null ? "service-managed encryption" : $"key {group.KmsKeyId}";
        return new RemediationPlan(RuleId, group.Ref,
            $"Associate customer managed key {key} with log group {group.DisplayName} (now {now}).",
            [new RemediationAction(Associate, Parameters(group.Region, ("LogGroupName", group.Id), ("KmsKeyId", key)))]);
    }

    public Task<RemediationOutcome> ApplyAsync(RemediationPlan plan, IRemediationGateway gateway, CancellationToken cancellationToken)
    {
        var wanted = plan.Actions[0].Parameters;
        var name = wanted["LogGroupName"];
        return VerifiedChange.ApplyAsync(plan, gateway,
            VerifiedChange.Read(
                new RemediationAction(Describe, Parameters(wanted["Region"], ("LogGroupNamePrefix", name))),
                response => Items(response, "LogGroups").FirstOrDefault(g => Value(g, "LogGroupName") == name)
                    ?? new Dictionary<string, string> { ["LogGroupName"] = name, ["Found"] = False }),
            state => Value(state, "KmsKeyId") == wanted["KmsKeyId"],
            $"log group {name} with KmsKeyId {wanted["KmsKeyId"]}",
            cancellationToken);
    }
}
