using System.Text.Json.Serialization;

namespace Compliance.Rules.Inventory;

/// <summary>An SNS topic (ListTopics, GetTopicAttributes). Id is the topic ARN.</summary>
public sealed record SnsTopic : AwsResource
{
    public override string ResourceType => ResourceTypes.SnsTopic;

    /// <summary>The topic's attributes; null when GetTopicAttributes failed.</summary>
    public SnsTopicAttributes? Attributes { get; init; }

    /// <summary>GetTopicAttributes SubscriptionsConfirmed: how many subscriptions are confirmed; null when unknown.</summary>
    public int? SubscriptionsConfirmed { get; init; }

    /// <summary>The topic name, the last part of the ARN.</summary>
    [JsonIgnore]
    public string Name => Id.Split(':')[^1];
}

/// <summary>The attributes the rules judge.</summary>
/// <param name="KmsMasterKeyId">The key id, ARN or alias; null when the topic is not encrypted.</param>
/// <param name="Policy">The access policy (SNS always has one).</param>
public sealed record SnsTopicAttributes(string? KmsMasterKeyId, PolicyDocument Policy);
