using Compliance.Rules.Inventory;
using Compliance.Rules.Policies;

namespace Compliance.Rules.SNS;

/// <summary>No topic policy statement allows a public principal without a condition that pins the caller.</summary>
public sealed class TopicPolicyNotPublic : IComplianceRule
{
    /// <summary>The CloudFormation type that declares a topic's access policy; it has no inventory record of its own.</summary>

    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.SnsTopic2,
        Title = "SNS topic access policies grant nothing to the public",
        Rationale = "A topic open to any principal lets anyone publish forged messages to its subscribers or subscribe to read what it carries.",
        Severity = Severity.Critical,
        ResourceTypes = [ResourceTypes.SnsTopic, ResourceTypes.SnsTopicPolicy],
        Modes = EvaluationModes.TemplateAndLive,
        Frameworks =
        [
            new(Frameworks.PciDss40, "7.2.1", MappingConfidence.Proposed),
            new(Frameworks.AwsFsbp, "SNS.4", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "SNS_TOPIC_NO_PUBLIC_ACCESS", MappingConfidence.Published),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        foreach (var topic in context.Inventory.SnsTopics)
        {
            if (topic.Attributes is null)
            {
                yield return Descriptor.Error(topic.Ref, $"SNS topic {topic.DisplayName}: its access policy could not be read.");
                continue;
            }

            var publicStatements = topic.Attributes.Policy.Statements
                .Select((statement, index) => (statement, index))
                .Where(s => s.statement.IsPublicAllow())
                .ToList();

            if (publicStatements.Count == 0)
            {
                yield return Descriptor.Pass(topic.Ref, $"SNS topic {topic.DisplayName} has an access policy in which every Allow names fixed principals or is restricted by a fixed-value condition.");
                continue;
            }

            var (first, firstIndex) = publicStatements[0];
            var evidence = new Dictionary<string, string>
            {
                ["publicStatements"] = string.Join(",", publicStatements.Select(s => Label(s.statement, s.index))),
                ["actions"] = first.NotActions.Count > 0 ? "NotAction " + string.Join(",", first.NotActions) : string.Join(",", first.Actions),
                ["principal"] = first.NotPrincipal is not null ? "NotPrincipal" : "*",
            };
            yield return Descriptor.Fail(topic.Ref, $"SNS topic {topic.DisplayName} has an access policy statement {Label(first, firstIndex)} that allows {evidence["actions"]} to any principal with no condition restricting the caller.", evidence);
        }
    }

    private static string Label(PolicyStatement statement, int index) =>
        statement.Sid is { Length: > 0 } sid ? $"\"{sid}\"" : $"#{index + 1}";
}
