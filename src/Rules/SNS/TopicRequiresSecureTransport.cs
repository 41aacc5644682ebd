using Compliance.Rules.Inventory;
using Compliance.Rules.Policies;

namespace Compliance.Rules.SNS;

/// <summary>The topic's access policy denies sns:Publish to everyone when aws:SecureTransport is false.</summary>
public sealed class TopicRequiresSecureTransport : IComplianceRule
{
    private const string Publish = "sns:Publish";

    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.SnsTopic3,
        Title = "SNS topic policies deny Publish requests not sent over TLS",
        Rationale = "SNS accepts Publish over plain HTTP unless the topic policy denies it, and a message sent in the clear can be read or altered on the way.",
        Severity = Severity.Medium,
        ResourceTypes = [ResourceTypes.SnsTopic, ResourceTypes.SnsTopicPolicy],
        Modes = EvaluationModes.TemplateAndLive,
        Frameworks = [new(Frameworks.PciDss40, "4.2.1", MappingConfidence.Proposed)],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        foreach (var topic in context.Inventory.SnsTopics)
        {
            if (topic.Attributes is not { Policy: var policy })
            {
                yield return Descriptor.Error(topic.Ref, $"SNS topic {topic.DisplayName}: its access policy could not be read.");
                continue;
            }

            var evidence = new Dictionary<string, string>
            {
                ["policyStatements"] = policy.Statements.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            var deny = policy.Statements.FirstOrDefault(s => DeniesPublishWithoutTls(s, topic));
            if (deny is null)
            {
                yield return Descriptor.Fail(topic.Ref,
                    $"SNS topic {topic.DisplayName} has no access policy statement that denies {Publish} to all principals when aws:SecureTransport is false.", evidence);
                continue;
            }

            evidence["secureTransportDeny"] = policy.Label(deny);
            yield return Descriptor.Pass(topic.Ref,
                $"SNS topic {topic.DisplayName} denies {Publish} without TLS through access policy statement {policy.Label(deny)}.", evidence);
        }
    }

    /// <summary>
    /// A Deny to everyone covering sns:Publish (an explicit action, "sns:*", "*" or a NotAction that leaves it in) on the
    /// topic, conditioned on aws:SecureTransport false and nothing else.
    /// </summary>
    private static bool DeniesPublishWithoutTls(PolicyStatement statement, SnsTopic topic) =>
        statement.IsDenyToEveryone()
        && statement.MatchesAction(Publish)
        && statement.MatchesResource(topic.Arn ?? topic.Id)
        && statement.AppliesExactlyWithoutSecureTransport();
}
