using Compliance.Checker.Templates.Intrinsics;
using Compliance.Checker.Templates.Mapping;
using Compliance.Rules.Inventory;

namespace Compliance.Checker.Templates.Mappers;

/// <summary>
/// SNS topics, topic policies and subscriptions. A topic's id is its ARN (what Ref returns). A TopicPolicy replaces the
/// policy of every topic it lists; a topic without one has SNS's default policy, which lets only the owning account act
/// on it. Subscriptions (AWS::SNS::Subscription, and a topic's own Subscription list) give SubscriptionsConfirmed, see
/// <see cref="SnsSubscriptions"/>.
/// </summary>
public sealed class SnsMapper : IResourceMapper
{
    public IReadOnlyList<string> MappedTypes { get; } = [ResourceTypes.SnsTopic, ResourceTypes.SnsTopicPolicy, SnsSubscriptions.Type];

    public IReadOnlyList<ResourceNaming> Namings { get; } =
    [
        new()
        {
            Type = ResourceTypes.SnsTopic, NameProperty = "TopicName", Ref = "arn:{partition}:sns:{region}:{account}:{name}",
            Attributes = new Dictionary<string, string> { ["TopicArn"] = "arn:{partition}:sns:{region}:{account}:{name}", ["TopicName"] = "{name}" },
        },
    ];

    public void Map(MappingContext context)
    {
        var policies = new Dictionary<string, List<PolicyStatement>>(StringComparer.Ordinal);
        var unknown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var declared in context.Resources(ResourceTypes.SnsTopicPolicy))
        {
            var p = declared.Properties;
            var policy = p.Policy("PolicyDocument", out var problem);
            if (p.Strings("Topics") is null)
            {
                context.NotJudged(declared, $"the topics it applies to cannot be decided ({p.UnknownReason("Topics")})");
            }

            foreach (var topicArn in p.Strings("Topics") ?? [])
            {
                if (context.Find(ResourceTypes.SnsTopic, topicArn) is not { } topic)
                {
                    context.NotJudged(declared, $"its topic {topicArn} is not declared in this scan");
                    continue;
                }

                if (policy is null)
                {
                    unknown.Add(topic.Name);
                    context.NotJudged(declared, $"{problem ?? "it has no PolicyDocument"}, so the policy of topic {topic.LogicalId} is unknown");
                    continue;
                }

                if (!policies.TryGetValue(topic.Name, out var statements))
                {
                    policies[topic.Name] = statements = [];
                }

                statements.AddRange(policy.Statements);
            }
        }

        var subscriptions = SnsSubscriptions.Read(context);
        foreach (var topic in context.Resources(ResourceTypes.SnsTopic))
        {
            var p = topic.Properties;
            var arn = topic.RefText!;
            var policy = unknown.Contains(topic.Name) ? null
                : policies.TryGetValue(topic.Name, out var statements) ? new PolicyDocument("2012-10-17", statements)
                : DefaultPolicy(arn, topic.AccountId);
            var key = p.String("KmsMasterKeyId");
            context.Add(new SnsTopic
            {
                Id = arn, Region = topic.Region, AccountId = topic.AccountId, Tags = p.Tags(), Arn = arn,
                Attributes = policy is null || (p.Has("KmsMasterKeyId") && key is null) ? null : new SnsTopicAttributes(key, policy),
                SubscriptionsConfirmed = subscriptions.Confirmed(topic),
            }, topic);
        }
    }

    /// <summary>The policy SNS gives a new topic: the owning account (AWS:SourceOwner) may manage and publish.</summary>
    private static PolicyDocument DefaultPolicy(string topicArn, string accountId) => new("2008-10-17",
    [
        new PolicyStatement
        {
            Sid = "__default_statement_ID",
            Effect = "Allow",
            Principal = new PolicyPrincipal(false, new Dictionary<string, IReadOnlyList<string>> { ["AWS"] = ["*"] }),
            Actions =
            [
                "SNS:GetTopicAttributes", "SNS:SetTopicAttributes", "SNS:AddPermission", "SNS:RemovePermission", "SNS:DeleteTopic",
                "SNS:Subscribe", "SNS:ListSubscriptionsByTopic", "SNS:Publish",
            ],
            Resources = [topicArn],
            Conditions = [new PolicyCondition("StringEquals", "AWS:SourceOwner", [accountId])],
        },
    ]);
}
