using Compliance.Rules.Inventory;
using Compliance.Rules.Remediation;
using static Compliance.Rules.Remediation.RemediationSupport;

namespace Compliance.Rules.SNS;

/// <summary>
/// Sets the topic's KmsMasterKeyId (SetTopicAttributes) to the configured SNS key of its region
/// (<see cref="RemediationSettings.TopicKmsKeyArns"/>), which the inventory must show as an enabled, customer managed,
/// symmetric key. No configured key: no plan. Configuring the attribute needs no KMS permission of the caller; publishers
/// need kms:GenerateDataKey* and kms:Decrypt on the key afterwards. Only messages published afterwards are encrypted with it.
/// </summary>
public sealed class TopicEncryptedWithCustomerKeyRemediation(RemediationSettings settings) : IRemediation
{
    internal const string Set = "sns:SetTopicAttributes";
    internal const string Get = "sns:GetTopicAttributes";
    private const string Attribute = "KmsMasterKeyId";

    /// <summary>Nothing configured: plans nothing.</summary>
    public TopicEncryptedWithCustomerKeyRemediation() : this(RemediationSettings.None)
    {
    }

    public string RuleId => RuleIds.SnsTopic1;

    public IReadOnlyList<string> RequiredActions { get; } = [Set, Get];

    public RemediationPlan? Plan(Finding finding, AwsInventory inventory)
    {
        if (!IsFailOf(finding, RuleId)
            || inventory.SnsTopics.FirstOrDefault(t => t.Id == finding.Resource.Id && t.AccountId == finding.Resource.AccountId) is not { Attributes: { } attributes } topic
            || UsableConfiguredKey(settings.TopicKmsKeyArns, topic, new InventoryIndex(inventory)) is not { } key)
        {
            return null;
        }

        var now = attributes.KmsMasterKeyId is { } current ? $"key {current}" : "not encrypted";
        return new RemediationPlan(RuleId, topic.Ref,
            $"Set KmsMasterKeyId of SNS topic {topic.DisplayName} to customer managed key {key} (now {now}).",
            [new RemediationAction(Set, Parameters(topic.Region, ("TopicArn", topic.Arn ?? topic.Id), ("AttributeName", Attribute), ("AttributeValue", key)))]);
    }

    public Task<RemediationOutcome> ApplyAsync(RemediationPlan plan, IRemediationGateway gateway, CancellationToken cancellationToken)
    {
        var wanted = plan.Actions[0].Parameters;
        return VerifiedChange.ApplyAsync(plan, gateway,
            VerifiedChange.Read(new RemediationAction(Get, Only(wanted, "Region", "TopicArn")),
                response => new Dictionary<string, string> { ["TopicArn"] = wanted["TopicArn"], [Attribute] = Value(response, Attribute) }),
            state => Value(state, Attribute) == wanted["AttributeValue"],
            $"topic {wanted["TopicArn"]} with {Attribute} {wanted["AttributeValue"]}",
            cancellationToken);
    }
}
