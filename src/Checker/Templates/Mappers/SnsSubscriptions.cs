using Compliance.Checker.Templates.Mapping;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Templates.Mappers;

/// <summary>
/// How many subscriptions of each declared topic are confirmed once the stack is created, from AWS::SNS::Subscription
/// resources and the topic's own Subscription list. SNS confirms a subscription when it is created unless its endpoint
/// is HTTP/S or e-mail, or belongs to another account (the Subscribe API): lambda, sqs, firehose and application
/// subscriptions to an endpoint of the topic's own account, and sms subscriptions, are confirmed and counted. The others
/// wait for their owner to confirm, which is live state: a topic whose only subscriptions are such is unknown (null).
/// A topic with no subscription in the scan has none (0), as a new topic has. With some confirmed, the count is a lower
/// bound: pending ones may be confirmed later.
/// </summary>
internal sealed class SnsSubscriptions
{
    /// <summary>The CloudFormation type of a subscription.</summary>
    public const string Type = "AWS::SNS::Subscription";

    private static readonly HashSet<string> ConfirmedInAccount = new(StringComparer.OrdinalIgnoreCase) { "lambda", "sqs", "firehose", "application" };

    private readonly Dictionary<DeclaredResource, (int Confirmed, bool Undecided)> _byTopic = new(ReferenceEqualityComparer.Instance);

    /// <summary>Accounts with a subscription whose topic cannot be decided: any of their topics may have it.</summary>
    private readonly HashSet<string> _unattributed = new(StringComparer.Ordinal);

    private SnsSubscriptions()
    {
    }

    public static SnsSubscriptions Read(MappingContext context)
    {
        var subscriptions = new SnsSubscriptions();
        foreach (var declared in context.Resources(Type))
        {
            var p = declared.Properties;
            var topicArn = p.String("TopicArn");
            if (topicArn is null)
            {
                subscriptions._unattributed.Add(declared.AccountId);
                context.NotJudged(declared, $"the topic it subscribes to cannot be decided ({p.UnknownReason("TopicArn")}), so whether the topics of account {declared.AccountId} have a confirmed subscription is unknown");
                continue;
            }

            if (context.Find(ResourceTypes.SnsTopic, topicArn) is { } topic)
            {
                subscriptions.Count(topic, p.String("Protocol"), p.String("Endpoint"));
            }
        }

        foreach (var topic in context.Resources(ResourceTypes.SnsTopic))
        {
            if (topic.Properties.Maps("Subscription") is not { } inline)
            {
                subscriptions.Count(topic, null, null);
                continue;
            }

            foreach (var subscription in inline)
            {
                subscriptions.Count(topic, subscription.String("Protocol"), subscription.String("Endpoint"));
            }
        }

        return subscriptions;
    }

    /// <summary>The topic's SubscriptionsConfirmed: the subscriptions confirmed on creation, 0 with none, null when only pending or undecidable ones exist.</summary>
    public int? Confirmed(DeclaredResource topic)
    {
        var (confirmed, undecided) = _byTopic.GetValueOrDefault(topic);
        return confirmed > 0 ? confirmed
            : undecided || _unattributed.Contains(topic.AccountId) ? null
            : 0;
    }

    private void Count(DeclaredResource topic, string? protocol, string? endpoint)
    {
        var (confirmed, undecided) = _byTopic.GetValueOrDefault(topic);
        _byTopic[topic] = IsConfirmedOnCreation(protocol, endpoint, topic.AccountId) ? (confirmed + 1, undecided) : (confirmed, true);
    }

    private static bool IsConfirmedOnCreation(string? protocol, string? endpoint, string account) =>
        string.Equals(protocol, "sms", StringComparison.OrdinalIgnoreCase)
        || (protocol is not null && ConfirmedInAccount.Contains(protocol) && AwsArn.Parse(endpoint)?.Account == account);
}
