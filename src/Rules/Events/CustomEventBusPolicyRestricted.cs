using Compliance.Rules.Inventory;
using Compliance.Rules.Policies;

namespace Compliance.Rules.Events;

/// <summary>Every custom event bus has a resource policy, and that policy admits no one without a restricting condition.</summary>
public sealed class CustomEventBusPolicyRestricted : IComplianceRule
{
    public RuleDescriptor Descriptor { get; } = new()
    {
        Id = RuleIds.EventsEventBus1,
        Title = "Custom event buses have a resource policy that grants no open access",
        Rationale = "A custom bus without a policy relies on identity policies alone to say who may put events on it, and a policy "
            + "statement for principal '*' without a condition lets any AWS account inject events that trigger its rules.",
        Severity = Severity.Low,
        ResourceTypes = [ResourceTypes.EventsEventBus, ResourceTypes.EventsEventBusPolicy],
        Modes = EvaluationModes.TemplateAndLive,
        Frameworks =
        [
            new(Frameworks.PciDss40, "7.2.1", MappingConfidence.Proposed),
            new(Frameworks.AwsFsbp, "EventBridge.3", MappingConfidence.Published),
            new(Frameworks.AwsConfig, "CUSTOM_EVENTBUS_POLICY_ATTACHED", MappingConfidence.Published),
        ],
    };

    public IEnumerable<Finding> Evaluate(RuleContext context)
    {
        foreach (var bus in context.Inventory.EventBuses)
        {
            var subject = $"Event bus {bus.DisplayName}";
            if (bus.IsDefault)
            {
                yield return Descriptor.NotApplicable(bus.Ref, $"{subject} is the account's default bus, which this rule does not cover.");
                continue;
            }

            if (bus.Policy is not { } policy)
            {
                yield return Descriptor.Error(bus.Ref, $"{subject}: its resource policy could not be read.");
                continue;
            }

            var evidence = new Dictionary<string, string> { ["policyStatements"] = policy.Statements.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            if (policy.Statements.Count == 0)
            {
                yield return Descriptor.Fail(bus.Ref, $"{subject} has no resource policy, so nothing on the bus itself limits who may put events on it.", evidence);
                continue;
            }

            var open = policy.Statements.Where(s => s.IsPublicAllow()).ToList();
            if (open.Count > 0)
            {
                var labels = open.Select(s => s.Sid is { Length: > 0 } sid ? sid : "(no Sid)").ToList();
                evidence["openStatements"] = string.Join(",", labels);
                evidence["openActions"] = string.Join(",", open.SelectMany(s => s.Actions.Count > 0 ? s.Actions : s.NotActions.Select(a => $"NotAction {a}")).Distinct());
                yield return Descriptor.Fail(bus.Ref,
                    $"{subject}'s resource policy allows principal '*' without a restricting condition (statement {Wording.Prose(labels)}), so any AWS account can use it.", evidence);
                continue;
            }

            yield return Descriptor.Pass(bus.Ref, $"{subject} has a resource policy of {policy.Statements.Count} statement(s), none open to everyone.", evidence);
        }
    }
}
