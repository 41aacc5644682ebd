using Compliance.Rules.Inventory;
using Compliance.Rules.Policies;

namespace Compliance.Rules.Events;

/// <summary>Whether a rule delivers what it matches to an acceptable destination: yes, no (why), or unknown (why).</summary>
internal enum Eligibility
{
    Yes,
    No,
    Unknown,
}

/// <summary>A rule's or target's eligibility as a security-event route, with the reason when it is not a plain yes.</summary>
internal sealed record RouteVerdict(Eligibility Eligibility, string Reason)
{
    public static RouteVerdict Yes(string how) => new(Eligibility.Yes, how);
    public static RouteVerdict No(string why) => new(Eligibility.No, why);
    public static RouteVerdict Unknown(string why) => new(Eligibility.Unknown, why);
}

/// <summary>
/// Judges a rule's targets as security-event destinations: an SNS topic encrypted with a customer managed key, a Lambda
/// function, or an ARN the deployment accepts (a central security account's event bus); each with a dead-letter queue
/// and an explicit retry policy.
/// </summary>
internal sealed class RoutingTargets(RuleContext context, IReadOnlyList<string> acceptedArnPatterns)
{
    /// <summary>The best verdict over the rule's targets: one good target is enough.</summary>
    public RouteVerdict Judge(EventsRule rule)
    {
        if (!rule.IsEnabled)
        {
            return rule.State is null ? RouteVerdict.Unknown($"{rule.Name}: its state is unknown") : RouteVerdict.No($"{rule.Name} is {rule.State}");
        }

        if (rule.Targets is not { } targets)
        {
            return RouteVerdict.Unknown($"{rule.Name}: its targets could not be read");
        }

        if (targets.Count == 0)
        {
            return RouteVerdict.No($"{rule.Name} has no targets");
        }

        var verdicts = targets.Select(t => Judge(rule, t)).ToList();
        return verdicts.FirstOrDefault(v => v.Eligibility == Eligibility.Yes)
            ?? verdicts.FirstOrDefault(v => v.Eligibility == Eligibility.Unknown)
            ?? RouteVerdict.No(string.Join("; ", verdicts.Select(v => v.Reason)));
    }

    private RouteVerdict Judge(EventsRule rule, EventsTarget target)
    {
        var where = $"{rule.Name} target {target.Id}";
        var destination = Destination(where, target.Arn);
        if (destination.Eligibility == Eligibility.No)
        {
            return destination;
        }

        if (target.DeadLetterConfig is not { Arn.Length: > 0 })
        {
            return RouteVerdict.No($"{where} has no dead-letter queue");
        }

        if (target.RetryPolicy is null)
        {
            return RouteVerdict.No($"{where} has no retry policy");
        }

        return destination;
    }

    private RouteVerdict Destination(string where, string arnText)
    {
        if (acceptedArnPatterns.Any(p => PolicyAnalysis.WildcardMatch(p, arnText)))
        {
            return RouteVerdict.Yes($"{where} delivers to the accepted destination {arnText}");
        }

        var arn = AwsArn.Parse(arnText);
        switch (arn?.Service)
        {
            case "lambda":
                return RouteVerdict.Yes($"{where} invokes Lambda function {arn.Resource}");
            case "sns":
                var topic = context.Inventory.SnsTopics.FirstOrDefault(t => t.Arn == arnText || t.Id == arnText);
                if (topic?.Attributes is not { } attributes)
                {
                    return RouteVerdict.Unknown(topic is null
                        ? $"{where} publishes to SNS topic {arnText}, which is not in the inventory"
                        : $"{where} publishes to SNS topic {arnText}, whose attributes could not be read");
                }

                var key = context.Index.ResolveKey(attributes.KmsMasterKeyId, topic.Region, topic.AccountId);
                return key.Ownership switch
                {
                    KeyOwnership.CustomerManaged => RouteVerdict.Yes($"{where} publishes to SNS topic {topic.Name}, encrypted with a customer managed key"),
                    KeyOwnership.None => RouteVerdict.No($"{where} publishes to SNS topic {topic.Name}, which is not encrypted"),
                    KeyOwnership.AwsManaged => RouteVerdict.No($"{where} publishes to SNS topic {topic.Name}, encrypted only with an AWS managed key"),
                    _ => RouteVerdict.Unknown($"{where} publishes to SNS topic {topic.Name}, whose key {key.Reference} is unknown to the inventory"),
                };
            default:
                return RouteVerdict.No($"{where} delivers to {arnText}, which is neither an SNS topic nor a Lambda function");
        }
    }
}
